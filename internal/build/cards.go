package build

import (
	"errors"
	"image/color"
	"io"
	"io/fs"

	"github.com/sipcodes/sipcodes/internal/card"
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

// drawCards draws the cards on every processor. They share one
// card.Renderer, which keeps the glyphs and the lines they have in common.
// A card of the previous build whose key is this card's is reused instead.
func drawCards(s *site.Site, files fileSet, previous fs.FS) error {
	r, err := card.New()
	if err != nil {
		return err
	}
	errs := make([]error, len(s.Codes))
	par.For(len(s.Codes), func(i int) {
		c := s.Codes[i]
		cc := card.Card{
			Number: c.Code.String(),
			Title:  c.Reason,
			Label:  c.Class.Slug() + " " + c.Class.Name() + ", " + c.Class.Kind() + " response",
			Site:   render.SiteName,
			Accent: classColours[c.Class.Class],
		}
		name := c.URL()[1:] + "card.png"
		if reused, err := reuseCard(files, previous, name, cc.Key()); reused || err != nil {
			errs[i] = err
			return
		}
		errs[i] = files.Add(name, r.PNG(cc))
	})
	return errors.Join(errs...)
}

// reuseCard adds the previous build's card at name, and reports true, if
// that card was drawn from key. Only the start of the file is read to know.
func reuseCard(files fileSet, previous fs.FS, name, key string) (bool, error) {
	if previous == nil {
		return false, nil
	}
	f, err := previous.Open(name)
	if err != nil {
		return false, nil
	}
	defer f.Close()
	head := make([]byte, card.KeyReach)
	n, _ := io.ReadFull(f, head)
	if k, ok := card.KeyOf(head[:n]); !ok || k != key {
		return false, nil
	}
	info, err := f.Stat()
	if err != nil {
		return false, nil
	}
	return true, files.Reuse(name, int(info.Size()), func() ([]byte, error) {
		rest, err := io.ReadAll(f)
		return append(head[:n], rest...), err
	})
}
