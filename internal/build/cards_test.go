package build

import (
	"bytes"
	"image/png"
	"io/fs"
	"sync"
	"testing"

	"github.com/sipcodes/sipcodes/internal/card"
	"github.com/sipcodes/sipcodes/internal/output"
)

// TestCards checks that every code page has its card, that the page names
// it as its link preview, and that the card is a PNG of the right size.
func TestCards(t *testing.T) {
	res, err := Build(config("../../content", true))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Site.Codes {
		name := c.URL()[1:] + "card.png"
		data, ok := res.Files[name]
		if !ok {
			t.Errorf("%s is missing", name)
			continue
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil || cfg.Width != card.Width || cfg.Height != card.Height {
			t.Errorf("%s: %v, %dx%d", name, err, cfg.Width, cfg.Height)
		}
		page := res.Files[c.URL()[1:]+"index.html"]
		want := `content="https://example.com/` + name + `"`
		if !bytes.Contains(page, []byte(`<meta property="og:image" `+want)) ||
			!bytes.Contains(page, []byte(`<meta name="twitter:image" `+want)) {
			t.Errorf("%sindex.html does not name %s as og:image and twitter:image", c.URL()[1:], name)
		}
	}
}

// BenchmarkCards times the cards of the real site, drawn as the build
// draws them: on every processor, with one renderer.
func BenchmarkCards(b *testing.B) {
	res := benchSite(b, true)
	for b.Loop() {
		if err := drawCards(res.Site, newSiteFiles(&output.Memory{}), nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCardsReusePreviousBuild gives the build a previous output in which
// 486's card carries the key 486's card has now, and 487's a stale key:
// the first must be taken as it is, the second drawn again.
func TestCardsReusePreviousBuild(t *testing.T) {
	first, err := Build(config("../../content", true))
	if err != nil {
		t.Fatal(err)
	}
	key := func(name string) string {
		k, ok := card.KeyOf(first.Files[name])
		if !ok {
			t.Fatalf("%s has no key", name)
		}
		return k
	}
	// A stand-in that only a reused card could have put in the output.
	standIn := func(k string) []byte {
		var b bytes.Buffer
		b.WriteString("\x89PNG\r\n\x1a\n")
		writeChunk(&b, "IHDR", make([]byte, 13))
		writeChunk(&b, "tEXt", []byte("sipcodes-card\x00"+k))
		return b.Bytes()
	}
	previous := map[string][]byte{
		"486/card.png": standIn(key("486/card.png")),
		"487/card.png": standIn(key("486/card.png")),
	}
	cfg := config("../../content", true)
	cfg.Previous = output.Files(previous)
	second, err := Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(second.Files["486/card.png"], previous["486/card.png"]) {
		t.Error("486's card was drawn again although its key is unchanged")
	}
	if !bytes.Equal(second.Files["487/card.png"], first.Files["487/card.png"]) {
		t.Error("487's card was taken from a previous build with another key")
	}
	if !bytes.Equal(second.Files["600/card.png"], first.Files["600/card.png"]) {
		t.Error("a card missing from the previous build was not drawn")
	}
}

// TestReusedCardIsKeptUnread builds over a previous output whose cards
// all carry their current keys, into a sink that can keep files as they
// are: each card must be kept, not put, after reading no more of it than
// its key, and the build must count it at its full size.
func TestReusedCardIsKeptUnread(t *testing.T) {
	first, err := Build(config("../../content", true))
	if err != nil {
		t.Fatal(err)
	}
	cards := output.Files{}
	for _, c := range first.Site.Codes {
		name := c.URL()[1:] + "card.png"
		cards[name] = first.Files[name]
	}
	previous := &countingFS{files: cards, read: map[string]int{}}
	sink := &keepingSink{kept: map[string]bool{}}
	cfg := config("../../content", true)
	cfg.Previous, cfg.Out = previous, sink
	res, err := Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range cards {
		if !sink.kept[name] {
			t.Errorf("%s was not kept", name)
		}
		if _, ok := sink.Files()[name]; ok {
			t.Errorf("%s was put again", name)
		}
		if n := previous.read[name]; n > card.KeyReach {
			t.Errorf("%s: read %d bytes of the previous card, want at most %d", name, n, card.KeyReach)
		}
		if len(data) <= card.KeyReach {
			t.Fatalf("%s is only %d bytes long", name, len(data))
		}
	}
	if want := first.Size; res.Size != want {
		t.Errorf("the build counted %d bytes, want %d as when every card was drawn", res.Size, want)
	}
}

// keepingSink is a Memory that can keep files of the output folder.
type keepingSink struct {
	output.Memory
	mu   sync.Mutex
	kept map[string]bool
}

func (s *keepingSink) Keep(name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.kept[name] = true
	return nil
}

// countingFS serves files and counts the bytes read of each.
type countingFS struct {
	files output.Files
	mu    sync.Mutex
	read  map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	f, err := c.files.Open(name)
	if err != nil {
		return nil, err
	}
	return &countingFile{File: f, fsys: c, name: name}, nil
}

type countingFile struct {
	fs.File
	fsys *countingFS
	name string
}

func (f *countingFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	f.fsys.mu.Lock()
	f.fsys.read[f.name] += n
	f.fsys.mu.Unlock()
	return n, err
}

func writeChunk(b *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	n[3] = byte(len(data))
	b.Write(n[:])
	b.WriteString(typ)
	b.Write(data)
	b.Write(make([]byte, 4)) // the CRC is not checked
}
