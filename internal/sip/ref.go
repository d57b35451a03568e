package sip

import (
	"fmt"
	"strconv"
	"strings"
)

// Ref points at an RFC, or at one section of it when Section is set.
type Ref struct {
	RFC     int
	Section string
	Title   string
}

// String writes the reference the way engineers say it: "RFC 3261 §21.4.24".
func (r Ref) String() string {
	if r.Section == "" {
		return fmt.Sprintf("RFC %d", r.RFC)
	}
	return fmt.Sprintf("RFC %d §%s", r.RFC, r.Section)
}

// URL links to the RFC at the RFC Editor, at the section when there is one.
func (r Ref) URL() string {
	u := fmt.Sprintf("https://www.rfc-editor.org/rfc/rfc%d", r.RFC)
	if r.Section != "" {
		u += "#section-" + r.Section
	}
	return u
}

// Covers reports whether r cites the same RFC as other and, when other names
// a section, the same section.
func (r Ref) Covers(other Ref) bool {
	return r.RFC == other.RFC && (other.Section == "" || r.Section == other.Section)
}

// ValidSection reports whether s looks like an RFC section number: dotted
// numbers ("21.4.24") or an appendix ("A", "B.2").
func ValidSection(s string) bool {
	if s == "" {
		return false
	}
	parts := strings.Split(s, ".")
	for i, p := range parts {
		if _, err := strconv.Atoi(p); err == nil && p[0] != '-' && p[0] != '+' {
			continue
		}
		if i == 0 && len(p) == 1 && p[0] >= 'A' && p[0] <= 'Z' {
			continue
		}
		return false
	}
	return true
}

// ParseCitation reads the short citation form used in notes, "3261#21.4.24"
// or "3261", as it stands after the "rfc:" scheme.
func ParseCitation(s string) (Ref, error) {
	num, section, hasSection := strings.Cut(s, "#")
	n, err := strconv.Atoi(num)
	if err != nil || n <= 0 || num[0] == '+' || num[0] == '0' {
		return Ref{}, fmt.Errorf("citation %q: want rfc:NUMBER or rfc:NUMBER#SECTION, such as rfc:3261#21.4.24", "rfc:"+s)
	}
	if hasSection && !ValidSection(section) {
		return Ref{}, fmt.Errorf("citation %q: section %q is not a section number such as 21.4.24", "rfc:"+s, section)
	}
	return Ref{RFC: n, Section: section}, nil
}
