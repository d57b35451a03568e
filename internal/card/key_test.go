package card

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/png"
	"testing"
)

// drawnWith records, for each Version, a hash of the pixels of the test
// cards. If this test fails, the cards are drawn differently from before:
// bump Version and record the new hash under it, so that builds stop
// reusing cards drawn the old way.
var drawnWith = map[int]string{
	1: "e640c0e2b9578ca916b5bd39601f23896265af954e77da5813c744685d85ea7b",
}

func TestDrawingIsVersioned(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	for _, c := range cards() {
		img, err := png.Decode(bytes.NewReader(r.PNG(c)))
		if err != nil {
			t.Fatal(err)
		}
		p := img.(*image.Paletted)
		h.Write(p.Pix)
		for _, c := range p.Palette {
			r, g, b, a := c.RGBA()
			h.Write([]byte{byte(r), byte(g), byte(b), byte(a)})
		}
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != drawnWith[Version] {
		t.Errorf("cards are drawn differently from Version %d (pixels %s): bump Version and record the hash", Version, got)
	}
}

func TestKeyIsStoredAndRead(t *testing.T) {
	r, _ := New()
	seen := map[string]bool{}
	for _, c := range cards() {
		data := r.PNG(c)
		got, ok := KeyOf(data[:KeyReach])
		if !ok || got != c.Key() {
			t.Errorf("%q: KeyOf = %q, %v; want %q", c.Title, got, ok, c.Key())
		}
		if seen[got] {
			t.Errorf("%q: two cards share the key %s", c.Title, got)
		}
		seen[got] = true
	}
	other := busy
	other.Accent.R++
	if other.Key() == busy.Key() {
		t.Error("the accent colour is not part of the key")
	}
	var plain bytes.Buffer
	if err := png.Encode(&plain, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	for _, data := range [][]byte{nil, []byte("\x89PNG\r\n\x1a\n"), plain.Bytes(), []byte("GIF89a")} {
		if k, ok := KeyOf(data); ok {
			t.Errorf("KeyOf(%q) = %q, true", data, k)
		}
	}
}
