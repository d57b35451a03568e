package build

import (
	"bytes"
	"encoding/json"
	"path"
	"regexp"
	"strings"
	"testing"
)

// TestSearchIndex checks that the real site publishes one fingerprinted
// search index, that every page's search form names it, and that every
// address in it leads to a page and, for causes, to the row of the cause.
func TestSearchIndex(t *testing.T) {
	res, err := Build(config("../../content", true))
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	var names []string
	for _, p := range res.Files.Paths() {
		if strings.HasPrefix(p, "search.") && path.Ext(p) == ".json" {
			names = append(names, p)
		}
	}
	if len(names) != 1 || !regexp.MustCompile(`^search\.[0-9a-f]{8}\.json$`).MatchString(names[0]) {
		t.Fatalf("search index files: %v, want one search.<8 hex>.json", names)
	}
	name := names[0]
	attr := []byte(`data-index="/` + name + `"`)
	for _, p := range res.Files.Paths() {
		if path.Ext(p) == ".html" && !bytes.Contains(res.Files[p], attr) {
			t.Errorf("%s does not name the search index", p)
		}
	}
	var ix struct {
		Codes []struct {
			C, U string
		}
		Causes []struct {
			Q int
			U string
		}
	}
	if err := json.Unmarshal(res.Files[name], &ix); err != nil {
		t.Fatal(err)
	}
	if len(ix.Codes) != len(res.Site.Codes) || len(ix.Causes) != len(res.Site.Causes) {
		t.Errorf("the index has %d codes and %d causes, the site %d and %d",
			len(ix.Codes), len(ix.Causes), len(res.Site.Codes), len(res.Site.Causes))
	}
	for _, c := range ix.Codes {
		if _, ok := res.Files[strings.TrimPrefix(c.U, "/")+"index.html"]; !ok {
			t.Errorf("code %s: no page at %s", c.C, c.U)
		}
	}
	q850 := res.Files["q850/index.html"]
	for _, c := range ix.Causes {
		page, id, _ := strings.Cut(c.U, "#")
		if page != "/q850/" || !bytes.Contains(q850, []byte(`id="`+id+`"`)) {
			t.Errorf("cause %d: %s does not lead to its row", c.Q, c.U)
		}
	}
}
