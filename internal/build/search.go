package build

import (
	"fmt"

	"github.com/sipcodes/sipcodes/internal/search"
	"github.com/sipcodes/sipcodes/internal/site"
)

// searchIndex is the search index of s and the name it is published
// under, "search.<8 hex digits>.json", which changes whenever the index
// does, so that a new build never serves a stale one. The name is known
// at once; the index, which takes longer, is built when data is called,
// so that a build can build it while the pages, which name it, render.
// counts, when not nil, keeps the notes' word counts between the builds of
// a preview.
// addSearchIndex builds the search index of s and adds it to files,
// returning its name.
func addSearchIndex(s *site.Site, counts *search.Counts, files fileSet) (string, error) {
	name, build := searchIndex(s, counts)
	data, err := build()
	if err != nil {
		return name, err
	}
	return name, files.Add(name, data)
}

func searchIndex(s *site.Site, counts *search.Counts) (name string, data func() ([]byte, error)) {
	records, causes := searchRecords(s), searchCauses(s)
	opt := search.DefaultOptions
	opt.Counts = counts
	name = search.Name(records, causes, opt)
	return name, func() ([]byte, error) { return search.Build(records, causes, opt) }
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
			r.Text = c.Note.Text
		}
		records = append(records, r)
	}
	return records
}

func searchCauses(s *site.Site) []search.Cause {
	causes := make([]search.Cause, 0, len(s.Causes))
	for _, c := range s.Causes {
		causes = append(causes, search.Cause{Cause: c.Cause, Name: c.Name, URL: fmt.Sprintf("/q850/#cause-%d", c.Cause)})
	}
	return causes
}
