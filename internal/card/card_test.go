package card

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"strconv"
	"testing"
)

var busy = Card{
	Number: "486", Title: "Busy Here", Label: "4xx Client Failure, final response",
	Site: "SIP response codes", Accent: color.RGBA{0x9a, 0x5b, 0x00, 0xff},
}

// cards are cards that test the edges: a long title that must shrink, one
// that is too long even then and is cut, kerned pairs whose glyphs overlap,
// a rune the fonts lack, and lines with no ink.
func cards() []Card {
	long, cut, kerned, missing, empty := busy, busy, busy, busy, busy
	long.Title = "Call/Transaction Does Not Exist"
	cut.Title = "First Hop Lacks Outbound Support, And Then Some More Words"
	kerned.Title = "AVAWAY Tŷ ffi"
	missing.Title = "Busy 忙"
	empty.Title, empty.Site = "", " "
	return []Card{busy, long, cut, kerned, missing, empty}
}

// reference draws f pixel by pixel, the plain way.
func reference(f *frame) *image.Paletted {
	pal := make(color.Palette, len(f.palette))
	for i, c := range f.palette {
		pal[i] = c
	}
	img := image.NewPaletted(image.Rect(0, 0, Width, Height), pal)
	for y := range Height {
		for x := range band {
			img.Pix[y*img.Stride+x] = bandShade
		}
	}
	for _, l := range f.lines {
		for _, p := range l.glyphs {
			for gy, row := range p.g.rows {
				for _, r := range row {
					for x := max(p.x+r.x, band); x < min(p.x+r.x+r.n, clip); x++ {
						i := (p.y+gy)*img.Stride + x
						if s := shade(p.ink, int(r.level)); img.Pix[i] == 0 || s > img.Pix[i] {
							img.Pix[i] = s
						}
					}
				}
			}
		}
	}
	return img
}

func TestPNGMatchesReference(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cards() {
		t.Run(c.Title, func(t *testing.T) {
			data := r.PNG(c)
			checkZlib(t, data)
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			got, ok := img.(*image.Paletted)
			if !ok || got.Bounds() != image.Rect(0, 0, Width, Height) {
				t.Fatalf("decoded a %T of %v, want a %d×%d paletted image", img, img.Bounds(), Width, Height)
			}
			want := reference(r.layout(c))
			for i := range want.Pix {
				if got.Pix[i] != want.Pix[i] {
					t.Fatalf("pixel (%d, %d) is %d, want %d", i%Width, i/Width, got.Pix[i], want.Pix[i])
				}
			}
			for i, c := range want.Palette {
				if got.Palette[i] != c {
					t.Errorf("palette[%d] = %v, want %v", i, got.Palette[i], c)
				}
			}
			if len(data) > 60<<10 {
				t.Errorf("the card takes %d bytes, want at most 60 KiB", len(data))
			}
			// The file is made in one buffer of its exact size: a
			// miscounted chunk would copy every card once more.
			if cap(data) != len(data) {
				t.Errorf("the card's buffer holds %d bytes for %d", cap(data), len(data))
			}
		})
	}
}

// checkZlib inflates the image data of a PNG to its end, which checks its
// Adler-32 sum (image/png stops before it).
func checkZlib(t *testing.T, data []byte) {
	t.Helper()
	var idat []byte
	for p := data[8:]; len(p) >= 12; {
		n := int(binary.BigEndian.Uint32(p))
		if string(p[4:8]) == "IDAT" {
			idat = append(idat, p[8:8+n]...)
		}
		p = p[12+n:]
	}
	z, err := zlib.NewReader(bytes.NewReader(idat))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(z)
	if err != nil {
		t.Fatalf("inflating the image data: %v", err)
	}
	if want := Height * (1 + Width); len(raw) != want {
		t.Fatalf("image data has %d bytes, want %d", len(raw), want)
	}
}

// TestKeptWorkChangesNothing draws the same cards with a fresh Renderer
// and with one that has drawn other cards, in another order.
func TestKeptWorkChangesNothing(t *testing.T) {
	warm, _ := New()
	cs := cards()
	for i := len(cs) - 1; i >= 0; i-- {
		warm.PNG(cs[i])
	}
	for _, c := range cs {
		cold, _ := New()
		a, b := cold.PNG(c), warm.PNG(c)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: the card differs once the renderer has drawn others", c.Title)
		}
	}
}

func TestAdlerInClosedForm(t *testing.T) {
	var data []byte
	sum := newAdler()
	for i := range 5000 {
		v, n := byte(i*37), 1+i%300
		data = append(data, bytes.Repeat([]byte{v}, n)...)
		sum.run(v, n)
	}
	// The same bytes again, as a stretch of their own spliced on.
	part := adler{}
	for i := range 5000 {
		v, n := byte(i*37), 1+i%300
		part.run(v, n)
	}
	part.reduce()
	sum.add(part, len(data))
	data = append(data, data...)
	if got, want := sum.value(), adler32(data); got != want {
		t.Fatalf("adler = %#x, want %#x", got, want)
	}
}

func adler32(p []byte) uint32 {
	s1, s2 := uint32(1), uint32(0)
	for _, b := range p {
		s1 = (s1 + uint32(b)) % adlerMod
		s2 = (s2 + s1) % adlerMod
	}
	return s2<<16 | s1
}

// BenchmarkSite draws the cards of a build: 77 codes with a new Renderer,
// one after the other (the build spreads them over the processors).
func BenchmarkSite(b *testing.B) {
	titles := []string{"Busy Here", "Call/Transaction Does Not Exist", "Request Entity Too Large",
		"OK", "Session Progress", "Temporarily Unavailable", "Service Unavailable"}
	for b.Loop() {
		r, err := New()
		if err != nil {
			b.Fatal(err)
		}
		for i := range 77 {
			c := busy
			c.Number = strconv.Itoa(100 + i)
			c.Title = titles[i%len(titles)]
			c.Label = fmt.Sprintf("%dxx class", 1+i%6)
			r.PNG(c)
		}
	}
}

func TestIcon(t *testing.T) {
	for _, tc := range []struct {
		size    int
		rounded bool
	}{{32, true}, {180, false}} {
		data, err := Icon(tc.size, tc.rounded)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if img.Bounds() != image.Rect(0, 0, tc.size, tc.size) {
			t.Errorf("icon of %d: bounds %v", tc.size, img.Bounds())
		}
		// A rounded icon has a transparent corner; a square one none.
		_, _, _, a := img.At(0, 0).RGBA()
		if opaque := a == 0xffff; opaque == tc.rounded {
			t.Errorf("icon of %d: corner alpha %#x", tc.size, a)
		}
	}
}
