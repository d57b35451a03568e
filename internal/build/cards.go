package build

import (
	"image/color"

	"github.com/sipcodes/sipcodes/internal/card"
	"github.com/sipcodes/sipcodes/internal/output"
	"github.com/sipcodes/sipcodes/internal/par"
	"github.com/sipcodes/sipcodes/internal/render"
	"github.com/sipcodes/sipcodes/internal/site"
)

// classColours are the light theme's class colours (--c1 to --c6 in
// static/style.css), which the cards use on white.
var classColours = [...]color.RGBA{
	1: {0x0b, 0x5c, 0xad, 0xff},
	2: {0x1a, 0x7f, 0x37, 0xff},
	3: {0x66, 0x39, 0xba, 0xff},
	4: {0x9a, 0x5b, 0x00, 0xff},
	5: {0xc0, 0x32, 0x2b, 0xff},
	6: {0xa3, 0x22, 0x6f, 0xff},
}

// addCards draws the link-preview card of every code, /486/card.png, on
// every processor. The cards of a build share one card.Renderer, which
// keeps the glyphs and the lines they have in common.
func addCards(files output.Files, s *site.Site) error {
	r, err := card.New()
	if err != nil {
		return err
	}
	pngs := make([][]byte, len(s.Codes))
	errs := make([]error, len(s.Codes))
	par.For(len(s.Codes), func(i int) {
		c := s.Codes[i]
		pngs[i], errs[i] = r.PNG(card.Card{
			Number: c.Code.String(),
			Title:  c.Reason,
			Label:  c.Class.Slug() + " " + c.Class.Name() + " · " + c.Class.Kind() + " response",
			Site:   render.SiteName,
			Accent: classColours[c.Class.Class],
		})
	})
	for i, c := range s.Codes {
		if errs[i] != nil {
			return errs[i]
		}
		if err := files.Add(c.URL()[1:]+"card.png", pngs[i]); err != nil {
			return err
		}
	}
	return nil
}
