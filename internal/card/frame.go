package card

import "image/color"

// frame is a laid-out card: its palette and its lines of text, top to
// bottom, on a background with a band of the accent down the left edge.
type frame struct {
	palette []color.RGBA
	lines   []*line
}

// line is a line of text: its glyphs from left to right and the rows its
// ink spans. A line that is the same on many cards (the site's name, the
// class) has its rows coded once per Renderer.
type line struct {
	glyphs      []placed
	top, bottom int
	key         string // empty for a line of one card only
	coded       *coded // the rows coded, for a shared line
}

// placed is a glyph at a position, in an ink.
type placed struct {
	g    *glyph
	x, y int // top-left corner
	ink  int
}

// bandShade is the band's palette index: the accent at full strength.
var bandShade = shade(inkAccent, levels)

// blankRow sends a row with no text: its filter byte (0, none), the band
// and the background.
func blankRow(e *runEncoder) {
	e.emit(0, 1)
	e.emit(bandShade, band)
	e.emit(0, Width-band)
}

// rows sends the rows of l to e: each glyph's row as it was coded once,
// and the background between them. Only a row where two glyphs overlap,
// or one crosses the band or the clip edge, is drawn pixel by pixel.
func (l *line) rows(e *runEncoder) {
	var scratch []uint8
	for y := l.top; y < l.bottom; y++ {
		e.emit(0, 1)
		e.emit(bandShade, band)
		if !l.separate(y) {
			if scratch == nil {
				scratch = make([]uint8, Width)
			}
			l.compose(scratch, y, e)
			continue
		}
		x := band
		for _, p := range l.glyphs {
			gy := y - p.y
			if gy < 0 || gy >= len(p.g.coded) || p.g.coded[gy].end == p.g.coded[gy].start {
				continue
			}
			c := &p.g.coded[gy]
			e.emit(0, p.x+c.start-x)
			e.splice(&c.coded)
			x = p.x + c.end
		}
		e.emit(0, Width-x)
	}
}

// separate reports whether the glyphs' ink on row y lies between the band
// and the clip edge, each glyph's after the one before.
func (l *line) separate(y int) bool {
	end := band
	for _, p := range l.glyphs {
		gy := y - p.y
		if gy < 0 || gy >= len(p.g.coded) || p.g.coded[gy].end == p.g.coded[gy].start {
			continue
		}
		c := &p.g.coded[gy]
		if p.x+c.start < end {
			return false
		}
		end = p.x + c.end
	}
	return end <= clip
}

// compose draws row y into row, keeping the stronger shade where glyphs
// overlap, and sends it to e.
func (l *line) compose(row []uint8, y int, e *runEncoder) {
	clear(row)
	for _, p := range l.glyphs {
		gy := y - p.y
		if gy < 0 || gy >= len(p.g.rows) {
			continue
		}
		for _, r := range p.g.rows[gy] {
			x0, x1 := max(p.x+r.x, band), min(p.x+r.x+r.n, clip)
			s := shade(p.ink, int(r.level))
			for x := x0; x < x1; x++ {
				if v := row[x]; v == 0 || s > v {
					row[x] = s
				}
			}
		}
	}
	for x := band; x < Width; {
		n := 1
		for x+n < Width && row[x+n] == row[x] {
			n++
		}
		e.emit(row[x], n)
		x += n
	}
}
