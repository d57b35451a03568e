// Package diag holds diagnostics: problems found in input files, each with
// the place it was found, printed in the compiler format editors and CI read.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Diagnostic is one problem at one place. Line and Col are 1-based; zero
// means unknown, and the part is left out when printed.
type Diagnostic struct {
	File    string
	Line    int
	Col     int
	Message string
}

// String formats d as "file:line:col: message".
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(d.File)
		b.WriteString(":")
	}
	if d.Line > 0 {
		fmt.Fprintf(&b, "%d:", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, "%d:", d.Col)
		}
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// List is a set of diagnostics. A non-empty List is an error.
type List []Diagnostic

// Addf appends a diagnostic.
func (l *List) Addf(file string, line, col int, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Line: line, Col: col, Message: fmt.Sprintf(format, args...)})
}

// Append adds every diagnostic of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Error prints one diagnostic a line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Err returns the sorted list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

// Sort orders diagnostics by file, line, column and message, so that output
// is the same on every run.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// In sets the file of every diagnostic that has none, and shifts lines by
// offset: used when a parser saw only part of a file, such as front matter.
func (l List) In(file string, offset int) List {
	if len(l) == 0 {
		return nil
	}
	out := make(List, len(l))
	for i, d := range l {
		if d.File == "" {
			d.File = file
		}
		if d.Line > 0 {
			d.Line += offset
		}
		out[i] = d
	}
	return out
}
