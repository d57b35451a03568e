// Package check finds problems in loaded content and in rendered output:
// each rule reports a diagnostic that names the file, line and column.
// Nothing here reads files; loaders and renderers hand it plain values.
package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/sip"
	"github.com/sipcodes/sipcodes/internal/strictyaml"
)

// MaxSummary bounds a summary's length: it is one line, shown in lists and
// link previews. MaxLine bounds the one-line explanations of header fields
// and related codes, shown in tables.
const (
	MaxSummary = 160
	MaxLine    = 240
)

// reporter adds diagnostics for one file.
type reporter struct {
	file  string
	diags *diag.List
}

func (r reporter) at(p strictyaml.Pos, format string, args ...any) {
	r.diags.Addf(r.file, p.Line, p.Col, format, args...)
}

// Dataset checks content/codes.yaml: every code in range and listed once,
// in ascending order, with a reason phrase, a known status, a summary and
// well-formed references.
func Dataset(d content.Dataset) diag.List {
	var diags diag.List
	r := reporter{d.File, &diags}
	if len(d.Codes) == 0 {
		r.at(strictyaml.Pos{Line: 1}, "the dataset lists no codes")
	}
	seen := map[int]int{}
	prev := 0
	for _, c := range d.Codes {
		code := sip.Code(c.Code)
		switch {
		case !c.At.Has("code"):
			r.at(c.At.Pos, "entry has no code")
			continue
		case !code.Valid() && !(d.Synthetic && c.Code >= 1000 && c.Code <= 69999 && code.Class().Valid()):
			r.at(c.At.Of("code"), "code %d is outside 100-699", c.Code)
		case seen[c.Code] != 0:
			r.at(c.At.Of("code"), "code %d is listed twice (first on line %d)", c.Code, seen[c.Code])
		case c.Code < prev:
			r.at(c.At.Of("code"), "code %d comes after %d; keep codes in ascending order", c.Code, prev)
		}
		if seen[c.Code] == 0 {
			seen[c.Code] = c.At.Of("code").Line
		}
		prev = max(prev, c.Code)
		if strings.TrimSpace(c.Reason) == "" {
			r.at(c.At.Of("reason"), "code %d has no reason phrase", c.Code)
		} else if c.Reason != strings.TrimSpace(c.Reason) || strings.ContainsAny(c.Reason, "\n\t") {
			r.at(c.At.Of("reason"), "reason phrase %q has stray white space", c.Reason)
		}
		if !slices.Contains(sip.Statuses, sip.Status(c.Status)) {
			r.at(c.At.Of("status"), "status %q is not one of %s", c.Status, join(sip.Statuses))
		}
		if len(c.Refs) == 0 {
			r.at(c.At.Of("refs"), "code %d has no defining reference", c.Code)
		}
		for _, ref := range c.Refs {
			checkRef(r, ref, true)
		}
		checkSentence(r, c.At.Of("summary"), "summary", c.Summary, MaxSummary)
		for i, a := range c.Aliases {
			if a == "" || a != strings.ToLower(strings.TrimSpace(a)) {
				r.at(c.At.Of("aliases"), "alias %d (%q) must be lowercase words", i+1, a)
			}
		}
	}
	return diags
}

// checkRef checks an RFC reference; needSection says whether the section
// may be left out.
func checkRef(r reporter, ref content.Ref, needSection bool) {
	if ref.RFC <= 0 {
		r.at(ref.At.Of("rfc"), "reference needs an RFC number (rfc: 3261)")
	}
	switch {
	case ref.Section == "" && needSection:
		r.at(ref.At.Pos, "reference to RFC %d needs a section (section: \"21.4.24\")", ref.RFC)
	case ref.Section != "" && !sip.ValidSection(ref.Section):
		r.at(ref.At.Of("section"), "section %q is not a section number such as \"21.4.24\"", ref.Section)
	}
}

// checkSentence requires one line of text that ends like a sentence.
func checkSentence(r reporter, p strictyaml.Pos, field, s string, limit int) {
	switch {
	case strings.TrimSpace(s) == "":
		r.at(p, "%s is missing", field)
	case strings.Contains(strings.TrimSpace(s), "\n"):
		r.at(p, "%s must be one line", field)
	case len(s) > limit:
		r.at(p, "%s is %d characters; keep it under %d", field, len(s), limit)
	}
}

func join[T any](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = fmt.Sprint(v)
	}
	return strings.Join(s, ", ")
}
