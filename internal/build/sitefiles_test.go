package build

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestSiteFiles(t *testing.T) {
	res, err := Build(config("../../content", true))
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	redirects := string(res.Files["_redirects"])
	for _, want := range []string{"/busy-here /486/ 301\n", "/busy-here/ /486/ 301\n", "/sip-486 /486/ 301\n", "/sip-486/ /486/ 301\n", "/call-transaction-does-not-exist /481/ 301\n"} {
		if !strings.Contains(redirects, want) {
			t.Errorf("_redirects lacks %q", want)
		}
	}
	// 406 and 606 share "Not Acceptable": no alias may pick one of them.
	if strings.Contains(redirects, "/not-acceptable ") {
		t.Error("_redirects maps the ambiguous /not-acceptable")
	}
	var sitemap struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(res.Files["sitemap.xml"], &sitemap); err != nil {
		t.Fatal(err)
	}
	// Home, about, Q.850, six classes and every code.
	if want := 3 + 6 + len(res.Site.Codes); len(sitemap.URLs) != want {
		t.Errorf("sitemap lists %d pages, want %d", len(sitemap.URLs), want)
	}
	for _, u := range sitemap.URLs {
		if !strings.HasPrefix(u.Loc, "https://example.com/") || strings.HasSuffix(u.Loc, "404.html") {
			t.Errorf("sitemap entry %s", u.Loc)
		}
	}
	if robots := string(res.Files["robots.txt"]); !strings.Contains(robots, "Sitemap: https://example.com/sitemap.xml") {
		t.Errorf("robots.txt = %q", robots)
	}
}
