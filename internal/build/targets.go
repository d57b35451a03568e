package build

import (
	"fmt"
	"path"

	"github.com/sipcodes/sipcodes/internal/site"
)

// targets lists the pages of the site and the section IDs on each, for
// checking links in notes before the pages are rendered. The final link
// check over the rendered site catches anything this misses.
type targets map[string]map[string]bool

func newTargets(s *site.Site) targets {
	t := targets{"/": {}, "/q850/": {"causes": true}}
	for _, c := range s.Classes {
		t["/"][c.Slug()] = true
		t[c.URL()] = ids(c.Intro.Headings, "codes")
	}
	for _, h := range s.Home.Headings {
		t["/"][h.ID] = true
	}
	t["/about/"] = ids(s.About.Headings)
	for _, c := range s.Causes {
		t["/q850/"][fmt.Sprintf("cause-%d", c.Cause)] = true
	}
	for _, c := range s.Codes {
		t[c.URL()] = ids(c.Note.Headings, c.SectionIDs()...)
	}
	return t
}

func ids(hs []site.Heading, more ...string) map[string]bool {
	m := map[string]bool{}
	for _, h := range hs {
		m[h.ID] = true
	}
	for _, id := range more {
		m[id] = true
	}
	return m
}

func (t targets) Fragments(p string) (map[string]bool, bool) {
	if path.Ext(p) != "" {
		// Files (exports, static files) are checked in the built site.
		return map[string]bool{}, true
	}
	ids, ok := t[p]
	return ids, ok
}
