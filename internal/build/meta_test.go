package build

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/sipcodes/sipcodes/internal/diag"
)

// TestEditLinkAndLastUpdated builds with a repository address and dates:
// a code with a note links to the note and shows its date; a code without
// one links to the dataset, and shows no date when the dataset has none.
func TestEditLinkAndLastUpdated(t *testing.T) {
	cfg := config("testdata/content", false)
	cfg.RepoURL = "https://github.com/sipcodes/sipcodes/edit/main/"
	cfg.Updated = map[string]time.Time{"content/codes/486.md": time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)}
	res, err := Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string]string{
		"486/index.html": `<p class="page-meta"><a href="https://github.com/sipcodes/sipcodes/edit/main/content/codes/486.md">Edit this page</a> · Last updated <time datetime="2024-03-05">5 March 2024</time></p>`,
		"480/index.html": `<p class="page-meta"><a href="https://github.com/sipcodes/sipcodes/edit/main/content/codes.yaml">Edit this page</a></p>`,
	} {
		if got := string(res.Files[page]); !strings.Contains(got, want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
	plain, err := Build(config("testdata/content", false))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(plain.Files["486/index.html"]), "page-meta") {
		t.Error("without a repository or dates the page still has a page-meta line")
	}
}

func TestTemplateDiags(t *testing.T) {
	cfg := Config{Templates: fstest.MapFS{"code.html": {}, "partials/card.html": {}}, TemplatesName: "templates"}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{errors.New(`templates: template: code.html:3: unexpected "}" in operand`), `templates/code.html:3: unexpected "}" in operand`},
		{errors.New(`rendering 486/index.html: template: card.html:2:14: executing "card" at <.Nope>: can't evaluate field Nope in type *site.Code`),
			`templates/partials/card.html:2:14: executing "card" at <.Nope>: can't evaluate field Nope in type *site.Code (rendering 486/index.html)`},
		{errors.New(`html/template:code.html:12:5: no such template "x"`), `templates/code.html:12:5: no such template "x"`},
		{errors.New("static/style.css is missing"), "static/style.css is missing"},
		{diag.List{{File: "a.md", Line: 1, Message: "m"}}, "a.md:1: m"},
	} {
		if got := templateDiags(cfg, tc.err).Error(); got != tc.want {
			t.Errorf("templateDiags(%q) = %q, want %q", tc.err, got, tc.want)
		}
	}
}
