package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
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

// TestMinifiedTemplateErrorsNameTheSourceLine breaks a template on a line
// that minifying would join to the ones before it, and expects the error
// at the line and column of the file as written, for a parse error and for
// an error while rendering.
func TestMinifiedTemplateErrorsNameTheSourceLine(t *testing.T) {
	templates := func(file, old, new string) fstest.MapFS {
		fsys := fstest.MapFS{}
		err := fs.WalkDir(os.DirFS("../../templates"), ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(os.DirFS("../../templates"), name)
			if name == file {
				if !bytes.Contains(data, []byte(old)) {
					t.Fatalf("%s has no %q", file, old)
				}
				data = bytes.Replace(data, []byte(old), []byte(new), 1)
			}
			fsys[name] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return fsys
	}
	line := func(fsys fstest.MapFS, file, text string) int {
		before, _, _ := bytes.Cut(fsys[file].Data, []byte(text))
		return bytes.Count(before, []byte("\n")) + 1
	}
	for _, tc := range []struct {
		name, old, new, at string
	}{
		{"parse", `<p class="lead">{{.Summary}}</p>`, `<p class="lead">{{.Summary</p>`, `{{.Summary</p>`},
		{"render", `<p class="lead">{{.Summary}}</p>`, `<p class="lead">{{.Summary.Nope}}</p>`, `{{.Summary.Nope}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := config("testdata/content", true)
			fsys := templates("code.html", tc.old, tc.new)
			cfg.Templates, cfg.TemplatesName = fsys, "templates"
			_, err := Build(cfg)
			want := fmt.Sprintf("templates/code.html:%d:", line(fsys, "code.html", tc.at))
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("Build error = %v, want it to start with %q", err, want)
			}
		})
	}
}
