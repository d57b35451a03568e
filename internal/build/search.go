package build

import (
	"fmt"

	"github.com/sipcodes/sipcodes/internal/par"
	"github.com/sipcodes/sipcodes/internal/search"
	"github.com/sipcodes/sipcodes/internal/site"
)

// startSearchIndex starts building the search index of s into files, and
// returns its name and a wait for it. It is built while the pages render,
// unless drop is set and the notes hold much text: then it is built at
// once, and the notes' text, which nothing else needs, is let go before
// the pages render, which a large build does with less memory.
func startSearchIndex(s *site.Site, counts *search.Counts, files fileSet, drop bool, tm *Timings) (name string, wait func() error) {
	stop := tm.Start("search index name")
	name, build := searchIndex(s, counts)
	stop()
	add := func() (struct{}, error) {
		defer tm.Start("search index")()
		data, err := build()
		if err != nil {
			return struct{}{}, err
		}
		return struct{}{}, files.Add(name, data)
	}
	if !drop || noteText(s) < dropTextFrom {
		done := par.Start(add)
		return name, func() error { _, err := done(); return err }
	}
	_, err := add()
	for _, c := range s.Codes {
		c.Note.Text = ""
	}
	return name, func() error { return err }
}

// dropTextFrom is how many bytes of notes' text make a site large enough
// to let the text go before its pages render: about 2,500 notes, whose
// build would collect garbage (see cmd/sipcodes).
var dropTextFrom = 8 << 20

func noteText(s *site.Site) int {
	n := 0
	for _, c := range s.Codes {
		n += len(c.Note.Text)
	}
	return n
}

// searchIndex is the search index of s and the name it is published
// under, "search.<8 hex digits>.json", which changes whenever the index
// does, so that a new build never serves a stale one. The name is known
// at once; the index, which takes longer, is built when data is called,
// so that a build can build it while the pages, which name it, render.
// counts, when not nil, keeps the notes' word counts between the builds of
// a preview.
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
