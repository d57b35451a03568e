package ladder

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
)

// Geometry, in viewBox units. Text widths are estimated, since the page's
// font is unknown here: about 7 units a character at the label size and 6
// at the note size, which errs wide for typical sans-serif faces.
const (
	labelSize  = 13
	noteSize   = 11
	labelChar  = 7
	noteChar   = 6
	margin     = 8
	boxHeight  = 28
	boxPadding = 16 // around a party name
	minBox     = 72
	labelRoom  = 24 // free space beside the widest label in a lane gap
	firstRow   = 34 // from the bottom of the boxes to the first arrow
	rowHeight  = 36
	noteHeight = 14 // extra height of a step with a note
	tail       = 16 // lane length below the last arrow
	// minWidth keeps most diagrams at the same scale, so that text has one
	// size across pages; 480 units still shows 13-unit text at about 9 px
	// on a 360 px phone. Diagrams only grow past it when labels need the
	// room.
	minWidth = 480
)

// SVG draws the flow as a self-contained inline SVG. title and desc become
// its <title> and <desc>, which name it for assistive technology; id
// prefixes its element IDs so that several diagrams can share a page (e.g.
// "flow-486"). Colours are currentColor and elements carry the classes
// "party", "lane", "arrow", "label" and "note", so a stylesheet can restyle
// them; there is no script, style attribute or external reference. Steps
// that do not name two parties of f are skipped.
func SVG(f Flow, id, title, desc string) []byte {
	l := measure(f)
	var b bytes.Buffer
	// About the size it will reach, so that it is allocated once rather
	// than grown half a dozen times: a large site draws thousands.
	b.Grow(svgHead + svgPerItem*(len(f.Parties)+len(f.Steps)))
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="ladder" viewBox="0 0 %d %d" width="100%%" role="img" aria-labelledby="%s %s" font-family="system-ui, sans-serif" font-size="%d" fill="currentColor">`+"\n",
		l.width, l.height, esc(id+"-title"), esc(id+"-desc"), labelSize)
	fmt.Fprintf(&b, `<title id="%s">%s</title>`+"\n", esc(id+"-title"), esc(title))
	fmt.Fprintf(&b, `<desc id="%s">%s</desc>`+"\n", esc(id+"-desc"), esc(desc))
	fmt.Fprintf(&b, `<defs><marker id="%s" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10z" fill="currentColor"/></marker></defs>`+"\n", esc(id+"-head"))
	for i, p := range f.Parties {
		x := l.lanes[i]
		fmt.Fprintf(&b, `<rect class="party" x="%d" y="%d" width="%d" height="%d" rx="4" fill="none" stroke="currentColor"/>`+"\n", x-l.box/2, margin, l.box, boxHeight)
		fmt.Fprintf(&b, `<text class="party" x="%d" y="%d" text-anchor="middle">%s</text>`+"\n", x, margin+boxHeight/2+labelSize*3/8, esc(p))
		fmt.Fprintf(&b, `<line class="lane" x1="%d" y1="%d" x2="%d" y2="%d" stroke="currentColor" stroke-dasharray="4 4" stroke-opacity="0.6"/>`+"\n", x, margin+boxHeight, x, l.laneEnd)
	}
	for i, s := range f.Steps {
		if !f.valid(s) {
			continue
		}
		y := l.rows[i]
		x1, x2 := l.lanes[s.From], l.lanes[s.To]
		// The label sits over the gap next to the sender, so that an arrow
		// crossing a lane never has text on top of that lane's line.
		cx := l.labelX(s)
		b.WriteString(`<g class="step">`)
		fmt.Fprintf(&b, `<line class="arrow" x1="%d" y1="%d" x2="%d" y2="%d" stroke="currentColor" stroke-width="1.5" marker-end="url(#%s)"/>`, x1, y, x2, y, esc(id+"-head"))
		fmt.Fprintf(&b, `<text class="label" x="%d" y="%d" text-anchor="middle">%s</text>`, cx, y-6, esc(s.Label))
		if s.Note != "" {
			fmt.Fprintf(&b, `<text class="note" x="%d" y="%d" text-anchor="middle" font-size="%d">%s</text>`, cx, y+noteSize+3, noteSize, esc(s.Note))
		}
		b.WriteString("</g>\n")
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// svgHead and svgPerItem are about how many bytes of SVG the start of a
// diagram takes, and each party or step.
const (
	svgHead    = 768
	svgPerItem = 256
)

// layout is where things go.
type layout struct {
	box           int   // width of every party box
	lanes         []int // x of each lane's centre
	width, height int   // of the viewBox
	rows          []int // y of each step's arrow
	laneEnd       int
}

// gap returns the index of the gap beside the sender of s, towards the
// receiver: the space its label and note occupy.
func gap(s Step) int {
	if s.To > s.From {
		return s.From
	}
	return s.From - 1
}

// labelX returns the x of the centre of s's label.
func (l layout) labelX(s Step) int {
	g := gap(s)
	return (l.lanes[g] + l.lanes[g+1]) / 2
}

// measure lays f out. Each gap between lanes is as wide as the widest label
// or note it holds, and at least wide enough to keep the party boxes apart;
// gaps are then widened evenly up to minWidth. Rows are taller when they
// have a note.
func measure(f Flow) layout {
	var l layout
	l.box = minBox
	for _, p := range f.Parties {
		l.box = max(l.box, textWidth(p, labelChar)+boxPadding)
	}
	gaps := make([]int, max(len(f.Parties)-1, 0))
	for i := range gaps {
		gaps[i] = l.box + boxPadding
	}
	for _, s := range f.Steps {
		if f.valid(s) {
			g := gap(s)
			gaps[g] = max(gaps[g], textWidth(s.Label, labelChar)+labelRoom, textWidth(s.Note, noteChar)+labelRoom)
		}
	}
	l.width = 2*margin + l.box
	for _, g := range gaps {
		l.width += g
	}
	if extra := minWidth - l.width; extra > 0 && len(gaps) > 0 {
		for i := range gaps {
			gaps[i] += extra / len(gaps)
			if i < extra%len(gaps) {
				gaps[i]++
			}
		}
		l.width = minWidth
	}
	x := margin + l.box/2
	for i := range f.Parties {
		l.lanes = append(l.lanes, x)
		if i < len(gaps) {
			x += gaps[i]
		}
	}
	y := margin + boxHeight + firstRow
	last := y
	for _, s := range f.Steps {
		l.rows = append(l.rows, y)
		last = y
		y += rowHeight
		if s.Note != "" {
			y += noteHeight
		}
	}
	l.laneEnd = last + tail
	l.height = l.laneEnd + margin
	return l
}

// textWidth estimates the width of s at perChar units a character.
func textWidth(s string, perChar int) int { return len([]rune(s)) * perChar }

// esc escapes s for XML text and attribute values.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails to write
	return b.String()
}
