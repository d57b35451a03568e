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

// cardJob draws the link-preview card of every code, /486/card.png, in
// the background.
type cardJob struct {
	s    *site.Site
	done chan struct{}
	pngs [][]byte
	err  error
}

// startCards starts drawing the cards of s's codes. They need nothing but
// the model, so the build draws them while it renders the pages, on
// processors the other stages leave idle.
func startCards(s *site.Site, tm *Timings) *cardJob {
	j := &cardJob{s: s, done: make(chan struct{})}
	go func() {
		defer close(j.done)
		defer tm.Start("cards")()
		j.pngs, j.err = drawCards(s)
	}()
	return j
}

// addTo waits for the cards and adds them to files.
func (j *cardJob) addTo(files output.Files) error {
	<-j.done
	if j.err != nil {
		return j.err
	}
	for i, c := range j.s.Codes {
		if err := files.Add(c.URL()[1:]+"card.png", j.pngs[i]); err != nil {
			return err
		}
	}
	return nil
}

// drawCards draws the cards on every processor. They share one
// card.Renderer, which keeps the glyphs and the lines they have in common.
func drawCards(s *site.Site) ([][]byte, error) {
	r, err := card.New()
	if err != nil {
		return nil, err
	}
	pngs := make([][]byte, len(s.Codes))
	par.For(len(s.Codes), func(i int) {
		c := s.Codes[i]
		pngs[i] = r.PNG(card.Card{
			Number: c.Code.String(),
			Title:  c.Reason,
			Label:  c.Class.Slug() + " " + c.Class.Name() + ", " + c.Class.Kind() + " response",
			Site:   render.SiteName,
			Accent: classColours[c.Class.Class],
		})
	})
	return pngs, nil
}
