package markdown

import (
	"strings"
	"testing"
)

func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", " a ", "a  b\tc\n\nd", "\u00a0nbsp\u00a0here\u0085", "été\u2003em space",
		"bad \xff utf-8 \xe2\x80", "line\r\nbreaks\v\f", "  many   spaces  at   both  ends  ",
	} {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCollapseSpace(f *testing.F) {
	f.Add("a  b\u00a0c")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// BenchmarkCollapseSpace squeezes the white space out of a note's text,
// which the search index reads.
func BenchmarkCollapseSpace(b *testing.B) {
	line := "A 100 says only that the element one hop away has received the request and is working on it.\n\n  It tells you\tnothing — not whether the user exists.\n"
	s := strings.Repeat(line, 200)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		collapseSpace(s)
	}
}
