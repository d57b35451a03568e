package build

import (
	"bytes"
	"github.com/sipcodes/sipcodes/internal/output"
	"image/png"
	"testing"

	"github.com/sipcodes/sipcodes/internal/card"
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
		if err := drawCards(res.Site, newSiteFiles(&output.Memory{})); err != nil {
			b.Fatal(err)
		}
	}
}
