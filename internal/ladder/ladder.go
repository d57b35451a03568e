// Package ladder describes SIP call flows as ladder diagrams: who sends what
// to whom, in time order. It reads the short flow syntax of a note's front
// matter, supplies a typical flow for every code, and draws a flow as inline
// SVG with a plain-text reading for screen readers.
//
// The package knows nothing about pages or the dataset: callers pass the
// code, reason phrase and method, so that it stays independent of the
// packages that load and model content.
package ladder

import "fmt"

// Flow is a ladder diagram: lanes left to right, steps top to bottom.
type Flow struct {
	Parties []string // lane names left to right, e.g. ["Alice", "Proxy", "Bob"]
	Steps   []Step
}

// Step is one message from one lane to another.
type Step struct {
	From, To int    // indexes into Parties
	Label    string // e.g. "INVITE", "486 Busy Here", "ACK"
	Note     string // optional short note shown under the arrow, e.g. "retry after 60 s"
}

// Limits keep a diagram legible on a phone: more lanes would squeeze the
// labels, more steps would make a page scroll through one picture.
const (
	maxParties = 6
	maxSteps   = 30
	maxLabel   = 60 // characters of a label or note
)

// Text returns the flow as plain sentences, one per step, for the ordered
// list screen readers get in place of the picture.
func (f Flow) Text() []string {
	out := make([]string, 0, len(f.Steps))
	for _, s := range f.Steps {
		if !f.valid(s) {
			continue
		}
		line := fmt.Sprintf("%s sends %s to %s", f.Parties[s.From], s.Label, f.Parties[s.To])
		if s.Note != "" {
			line += " (" + s.Note + ")"
		}
		out = append(out, line+".")
	}
	return out
}

// valid reports whether s names two different parties of f.
func (f Flow) valid(s Step) bool {
	n := len(f.Parties)
	return s.From >= 0 && s.From < n && s.To >= 0 && s.To < n && s.From != s.To
}
