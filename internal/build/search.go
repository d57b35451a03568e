package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/sipcodes/sipcodes/internal/search"
	"github.com/sipcodes/sipcodes/internal/site"
)

// searchIndex builds the search index of s and the name it is published
// under, "search.<first 8 hex digits of its SHA-256>.json", so that it can
// be cached for good and a new build never serves a stale index.
func searchIndex(s *site.Site) (name string, data []byte, err error) {
	data, err = search.Build(searchRecords(s), searchCauses(s), search.DefaultOptions)
	if err != nil {
		return "", nil, err
	}
	sum := sha256.Sum256(data)
	return "search." + hex.EncodeToString(sum[:4]) + ".json", data, nil
}

func searchRecords(s *site.Site) []search.Record {
	records := make([]search.Record, 0, len(s.Codes))
	for _, c := range s.Codes {
		r := search.Record{
			Code:    c.Code.String(),
			Reason:  c.Reason,
			Class:   c.Class.Slug() + " " + c.Class.Name(),
			Status:  string(c.Status),
			Summary: c.Summary,
			Aliases: c.Aliases,
			URL:     c.URL(),
		}
		for _, k := range c.Constants {
			r.Constants = append(r.Constants, k.Name)
		}
		for _, l := range c.FromCauses {
			r.FromCauses = append(r.FromCauses, l.Cause.Cause)
		}
		for _, l := range c.ToCauses {
			// A row may say that no cause applies (RFC 3398 gives none for 487).
			if l.Cause != nil {
				r.ToCauses = append(r.ToCauses, l.Cause.Cause)
			}
		}
		if c.HasNote {
			r.Text = noteText(c.Note)
		}
		records = append(records, r)
	}
	return records
}

// noteText is the plain text of a note without its headings, which name
// sections ("In practice") and say nothing about the code. The plain text
// joins a heading to the paragraph after it ("In practiceThe callee"), so
// taking the heading out also separates the words around it. Headings
// appear in order, so each is looked for after the one before.
func noteText(p site.Page) string {
	var b strings.Builder
	rest := p.Text
	for _, h := range p.Headings {
		i := strings.Index(rest, h.Text)
		if h.Text == "" || i < 0 {
			continue
		}
		b.WriteString(rest[:i])
		b.WriteString(" ")
		rest = rest[i+len(h.Text):]
	}
	b.WriteString(rest)
	return b.String()
}

func searchCauses(s *site.Site) []search.Cause {
	causes := make([]search.Cause, 0, len(s.Causes))
	for _, c := range s.Causes {
		causes = append(causes, search.Cause{Cause: c.Cause, Name: c.Name, URL: fmt.Sprintf("/q850/#cause-%d", c.Cause)})
	}
	return causes
}
