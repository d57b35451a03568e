package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sipcodes/sipcodes/internal/site"
)

// templates is the least set New accepts, each page kind's main being
// main. The partial p shows its data and calls asset, which the tests
// count.
func templates(main string) fstest.MapFS {
	fsys := fstest.MapFS{
		"base.html":       {Data: []byte(`{{define "base"}}{{template "main" .}}{{end}}`)},
		"partials/p.html": {Data: []byte(`{{define "p"}}<b>{{.}}</b>{{asset "x"}}{{end}}`)},
	}
	for _, kind := range pageKinds {
		fsys[kind+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}` + main + `{{end}}`)}
	}
	return fsys
}

func TestCached(t *testing.T) {
	for _, uncached := range []bool{false, true} {
		runs := 0
		count := func(string) (string, error) { runs++; return "", nil }
		r, err := New(templates(`{{cached "p" .Title}}`), Env{Uncached: uncached, Asset: count})
		if err != nil {
			t.Fatal(err)
		}
		s := &site.Site{}
		for _, title := range []string{"a<b", "a<b", "c"} {
			got, err := r.RenderPage(Page{Kind: "about", Title: title, Site: s})
			if err != nil {
				t.Fatal(err)
			}
			if want := "<b>" + strings.ReplaceAll(title, "<", "&lt;") + "</b>"; string(got) != want {
				t.Errorf("uncached %v: page %q, want %q", uncached, got, want)
			}
		}
		if want := map[bool]int{false: 2, true: 3}[uncached]; runs != want {
			t.Errorf("uncached %v: the partial ran %d times for keys a<b, a<b, c; want %d", uncached, runs, want)
		}
		r.SetSearchIndex("/search.json")
		r.RenderPage(Page{Kind: "about", Title: "c", Site: s})
		if want := map[bool]int{false: 3, true: 4}[uncached]; runs != want {
			t.Errorf("uncached %v: after SetSearchIndex the partial ran %d times in all, want %d", uncached, runs, want)
		}
	}
}

func TestCachedKeyMustBeComparable(t *testing.T) {
	r, err := New(templates(`{{cached "p" .Crumbs}}`), Env{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.RenderPage(Page{Kind: "about", Crumbs: []Crumb{{Name: "Home"}}, Site: &site.Site{}})
	if err == nil || !strings.Contains(err.Error(), `cached "p": a []render.Crumb cannot be the key of a partial`) {
		t.Errorf("a slice as key: err = %v", err)
	}
}
