package card

import (
	"image"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

type faceKey struct {
	bold bool
	size float64
}

// style is a face in an ink.
type style struct {
	face faceKey
	ink  int
}

type glyphKey struct {
	style style
	r     rune
}

// glyph is a rasterized glyph in an ink: each of its rows as runs of one
// coverage level and, coded once, from its first inked pixel to its last;
// where its top-left corner lies relative to the dot; and how far the dot
// then advances.
type glyph struct {
	rows    [][]run
	coded   []codedRow
	offset  image.Point
	advance fixed.Int26_6
}

// codedRow is a row of a glyph coded from x = start to end; an empty row
// has end = start.
type codedRow struct {
	start, end int
	coded
}

// run is n pixels of one coverage level (1..levels) from x on.
type run struct {
	x, n  int
	level uint8
}

// each calls fn for every glyph of s with its dot, kerning included. The
// dot is kept in fractions of a pixel but each glyph is drawn at a whole
// pixel, so that one rasterization serves every occurrence of a letter.
func (r *Renderer) each(s string, st style, fn func(g *glyph, dot fixed.Int26_6)) {
	type at struct {
		g   *glyph
		dot fixed.Int26_6
	}
	var line []at
	r.mu.Lock()
	face := r.face(st.face)
	dot := fixed.Int26_6(0)
	prev := rune(-1)
	for _, c := range s {
		if prev >= 0 {
			dot += face.Kern(prev, c)
		}
		g := r.glyph(face, st, c)
		line = append(line, at{g, dot})
		dot += g.advance
		prev = c
	}
	r.mu.Unlock()
	for _, a := range line {
		fn(a.g, a.dot)
	}
}

// face returns the face for f, made on first use. r.mu is held.
func (r *Renderer) face(f faceKey) font.Face {
	if face, ok := r.faces[f]; ok {
		return face
	}
	src := r.regular
	if f.bold {
		src = r.bold
	}
	// A size in points at 72 DPI is a size in pixels. NewFace fails only
	// for a size or DPI that is not positive, which the layout never asks.
	face, err := opentype.NewFace(src, &opentype.FaceOptions{Size: f.size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err)
	}
	r.faces[f] = face
	return face
}

// glyph returns c rasterized in face and coded in st's ink, doing both on
// first use. A rune the font lacks is drawn as the font's fallback glyph.
// r.mu is held.
func (r *Renderer) glyph(face font.Face, st style, c rune) *glyph {
	key := glyphKey{st, c}
	if g, ok := r.glyphs[key]; ok {
		return g
	}
	dr, mask, _, advance, _ := face.Glyph(fixed.Point26_6{}, c)
	g := &glyph{offset: dr.Min, advance: advance}
	if a, ok := mask.(*image.Alpha); ok && !dr.Empty() {
		g.rows = runs(a)
		g.coded = code(g.rows, st.ink)
	}
	r.glyphs[key] = g
	return g
}

// coverage maps an alpha value to its level, 0 to levels.
var coverage = func() (t [256]uint8) {
	for a := range t {
		t[a] = uint8((a*levels + 127) / 255)
	}
	return t
}()

// runs quantizes an alpha mask to coverage levels, a row at a time.
func runs(a *image.Alpha) [][]run {
	w, h := a.Rect.Dx(), a.Rect.Dy()
	rows := make([][]run, h)
	for y := range h {
		pix := a.Pix[y*a.Stride : y*a.Stride+w]
		var row []run
		for x := 0; x < w; {
			l := coverage[pix[x]]
			n := 1
			for x+n < w && coverage[pix[x+n]] == l {
				n++
			}
			if l > 0 {
				row = append(row, run{x: x, n: n, level: l})
			}
			x += n
		}
		rows[y] = row
	}
	return rows
}

// code codes each row of runs from its first run to its last, in ink k.
func code(rows [][]run, k int) []codedRow {
	coded := make([]codedRow, len(rows))
	for y, row := range rows {
		if len(row) == 0 {
			continue
		}
		var e runEncoder
		x := row[0].x
		for _, r := range row {
			e.emit(0, r.x-x)
			e.emit(shade(k, int(r.level)), r.n)
			x = r.x + r.n
		}
		coded[y] = codedRow{start: row[0].x, end: x, coded: e.done()}
	}
	return coded
}
