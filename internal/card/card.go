// Package card draws the social card of a code page: the 1200×630 PNG that
// chat apps and social sites show when someone pastes a link to /486/. It
// is drawn at build time with the Go fonts, so that it needs no browser and
// no outside service.
//
// Every build draws one card per code, so a card must cost almost nothing.
// It has sixteen colours: the background, and five shades of coverage for
// each of three inks. A card is never a full bitmap. Each glyph is
// rasterized once per Renderer and each of its rows compressed once; a
// card's image data is then these pieces spliced together with the
// background between them (frame.go), and so are the lines and the empty
// rows that many cards share. The compression codes runs of one colour and
// nothing else, and the PNG is written by our own encoder (png.go,
// deflate.go): about forty times cheaper than drawing a bitmap and
// encoding it with image/png at its fastest level, for a file about twice
// as large (some 27 KB, still small for a preview image).
package card

import (
	"fmt"
	"image/color"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Size is the card's size in pixels, the one Open Graph and Twitter
// recommend for large previews.
const (
	Width  = 1200
	Height = 630
)

// Card is what one card shows.
type Card struct {
	Number string     // "486"
	Title  string     // the reason phrase, "Busy Here"
	Label  string     // the class, "4xx Client Failure, final response"
	Site   string     // "SIP response codes"
	Accent color.RGBA // the class colour: the number and the side band
}

// The page and the inks besides the accent.
var (
	background = color.RGBA{0xff, 0xff, 0xff, 0xff}
	textInk    = color.RGBA{0x1b, 0x1f, 0x24, 0xff}
	mutedInk   = color.RGBA{0x57, 0x60, 0x6a, 0xff}
)

// levels is how many shades of coverage each ink has, so that glyph edges
// are smooth: 1 + 3×levels colours fit in sixteen.
const levels = 5

// Inks index the palette: ink k at coverage level l (1..levels) is colour
// 1 + k×levels + l-1.
const (
	inkAccent = iota
	inkText
	inkMuted
)

func shade(ink, level int) uint8 { return uint8(1 + ink*levels + level - 1) }

// Renderer draws cards. It is safe for concurrent use. It keeps every
// glyph it has rasterized, so the cards of a build share the work of their
// common letters.
type Renderer struct {
	regular, bold *opentype.Font

	mu     sync.Mutex
	faces  map[faceKey]font.Face
	glyphs map[glyphKey]*glyph
	strips map[string]*coded
}

// New parses the Go fonts.
func New() (*Renderer, error) {
	regular, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("card: Go Regular: %w", err)
	}
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, fmt.Errorf("card: Go Bold: %w", err)
	}
	return &Renderer{
		regular: regular, bold: bold,
		faces:  map[faceKey]font.Face{},
		glyphs: map[glyphKey]*glyph{},
		strips: map[string]*coded{},
	}, nil
}

// Layout, in pixels: a band of the class colour down the left edge, the
// site's name at the top, the number large, the reason phrase under it and
// the class at the bottom. Text stops at clip.
const (
	band      = 28
	left      = 96
	clip      = Width - 40
	siteY     = 118
	numberY   = 352
	titleY    = 462
	labelY    = 556
	smallSize = 40
	numSize   = 210
)

// titleSizes are tried in turn until the reason phrase fits on one line.
var titleSizes = []float64{72, 64, 56, 48, 42}

// PNG draws c as a PNG file, with c.Key stored in it (KeyOf).
func (r *Renderer) PNG(c Card) []byte {
	return encodePNG(r.layout(c), c.Key())
}

// layout places c's glyphs, line by line. The site's name and the class
// are the same on many cards: their strips are kept.
func (r *Renderer) layout(c Card) *frame {
	f := &frame{palette: palette(c.Accent)}
	size := titleSizes[len(titleSizes)-1]
	for _, s := range titleSizes {
		if r.measure(c.Title, faceKey{true, s}) <= clip-left {
			size = s
			break
		}
	}
	lines := []*line{
		r.line(c.Site, style{faceKey{false, smallSize}, inkMuted}, left, siteY, true),
		// The digits have wide side bearings at this size; moving the
		// number left lines its ink up with the text below.
		r.line(c.Number, style{faceKey{true, numSize}, inkAccent}, left-8, numberY, false),
		r.line(c.Title, style{faceKey{true, size}, inkText}, left, titleY, false),
		r.line(c.Label, style{faceKey{false, smallSize}, inkMuted}, left, labelY, true),
	}
	// Lines that touch are drawn as one, and kept with no other card;
	// lines with no ink are left out.
	var merged []*line
	for _, l := range lines {
		if len(l.glyphs) == 0 {
			continue
		}
		if len(merged) == 0 || l.top >= merged[len(merged)-1].bottom {
			merged = append(merged, l)
			continue
		}
		last := merged[len(merged)-1]
		last.glyphs = append(last.glyphs, l.glyphs...)
		last.top, last.bottom = min(last.top, l.top), max(last.bottom, l.bottom)
		last.key = ""
	}
	f.lines = merged
	for _, l := range f.lines {
		if l.key != "" {
			l.coded = r.strip(l)
		}
	}
	return f
}

// strip returns the coded rows of l, coding them on first use.
func (r *Renderer) strip(l *line) *coded {
	r.mu.Lock()
	s, ok := r.strips[l.key]
	r.mu.Unlock()
	if ok {
		return s
	}
	var e runEncoder
	l.rows(&e)
	c := e.done()
	s = &c
	r.mu.Lock()
	r.strips[l.key] = s
	r.mu.Unlock()
	return s
}

// palette is the background, then each ink's shades from faint to solid.
func palette(accent color.RGBA) []color.RGBA {
	p := []color.RGBA{background}
	for _, c := range []color.RGBA{accent, textInk, mutedInk} {
		for l := 1; l <= levels; l++ {
			p = append(p, blend(background, c, l, levels))
		}
	}
	return p
}

func blend(bg, fg color.RGBA, num, den int) color.RGBA {
	mix := func(a, b uint8) uint8 { return uint8((int(a)*(den-num) + int(b)*num + den/2) / den) }
	return color.RGBA{mix(bg.R, fg.R), mix(bg.G, fg.G), mix(bg.B, fg.B), 0xff}
}

// measure is the width of s in pixels, as line sets it, from the font's
// metrics alone.
func (r *Renderer) measure(s string, f faceKey) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	face := r.face(f)
	x := fixed.Int26_6(0)
	prev := rune(-1)
	for _, c := range s {
		if prev >= 0 {
			x += face.Kern(prev, c)
		}
		a, _ := face.GlyphAdvance(c)
		x += a
		prev = c
	}
	return x.Ceil()
}

// line sets s in st with its baseline at y, starting at x. A shared line
// gets a key that says all that, so that its coded rows can be kept.
func (r *Renderer) line(s string, st style, x, y int, shared bool) *line {
	l := &line{top: Height, bottom: 0}
	r.each(s, st, func(g *glyph, dot fixed.Int26_6) {
		if len(g.rows) == 0 {
			return
		}
		p := placed{g: g, x: x + dot.Round() + g.offset.X, y: y + g.offset.Y, ink: st.ink}
		l.glyphs = append(l.glyphs, p)
		l.top, l.bottom = min(l.top, p.y), max(l.bottom, p.y+len(g.rows))
	})
	l.top, l.bottom = max(l.top, 0), max(min(l.bottom, Height), l.top)
	if shared {
		l.key = fmt.Sprintf("%v %d %d %q", st, x, y, s)
	}
	return l
}
