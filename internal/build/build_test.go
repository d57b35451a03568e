package build

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sipcodes/sipcodes/internal/assets"
	"github.com/sipcodes/sipcodes/internal/check"
	"github.com/sipcodes/sipcodes/internal/sip"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func config(contentDir string, minify bool) Config {
	return Config{
		Content:     os.DirFS(contentDir),
		Templates:   os.DirFS("../../templates"),
		Static:      os.DirFS("../../static"),
		ContentName: "content",
		BaseURL:     "https://example.com",
		Minify:      minify,
	}
}

// TestRealSite builds the repository's own content and checks what every
// reader relies on: a page for each code, class pages listing exactly their
// codes, and no broken internal link.
func TestRealSite(t *testing.T) {
	res, err := Build(config("../../content", true))
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	cardLink := regexp.MustCompile(`<li class="card"[^>]*><a href="/([0-9]{3})/"`)
	perClass := map[sip.Class][]string{}
	for _, c := range res.Site.Codes {
		name := c.Code.String() + "/index.html"
		page, ok := res.Files[name]
		if !ok {
			t.Errorf("code %s has no page %s", c.Code, name)
			continue
		}
		if !bytes.Contains(page, []byte(">"+c.Code.String()+"</span> "+c.Reason+"</h1>")) {
			t.Errorf("%s does not show its code and reason phrase", name)
		}
		// Every code page shows an example and a diagram of its flow.
		for _, want := range []string{`id="example"`, `id="flow"`, `<svg`, `role="img"`, "SIP/2.0 " + c.Code.String() + " "} {
			if !bytes.Contains(page, []byte(want)) && !containsHighlighted(page, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
		perClass[c.Code.Class()] = append(perClass[c.Code.Class()], c.Code.String())
	}
	if len(res.Site.Codes) < 70 {
		t.Errorf("only %d codes in the dataset", len(res.Site.Codes))
	}
	for _, class := range sip.Classes {
		page := res.Files[class.Slug()+"/index.html"]
		var listed []string
		for _, m := range cardLink.FindAllSubmatch(page, -1) {
			listed = append(listed, string(m[1]))
		}
		if !slices.Equal(listed, perClass[class]) {
			t.Errorf("%s lists %v, want %v", class.Slug(), listed, perClass[class])
		}
	}
	for _, name := range []string{"index.html", "404.html", "q850/index.html"} {
		if _, ok := res.Files[name]; !ok {
			t.Errorf("missing %s", name)
		}
	}
	if diags := check.SiteLinks(res.Files); diags != nil {
		t.Errorf("broken links:\n%v", diags)
	}
}

// TestGolden compares one code page and one class page of a small fixture
// site with golden files; run with -update to accept a change.
func TestGolden(t *testing.T) {
	res, err := Build(config("testdata/content", false))
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	for file, golden := range map[string]string{
		"486/index.html": "testdata/golden/486.html",
		"4xx/index.html": "testdata/golden/4xx.html",
	} {
		got := res.Files[file]
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; run go test ./internal/build -update and review the diff", file, filepath.Base(golden))
		}
	}
}

// containsHighlighted looks for text that the highlighter may have split
// into several spans.
func containsHighlighted(page []byte, text string) bool {
	tags := regexp.MustCompile(`<[^>]*>`)
	return bytes.Contains(tags.ReplaceAll(page, nil), []byte(text))
}

// TestTemplateMinifyIsLossless checks that minifying the templates, rather
// than each page, changes nothing a reader could see: every page of the
// real site, minified whole, is the same whether its templates were
// minified or not.
func TestTemplateMinifyIsLossless(t *testing.T) {
	small, err := Build(config("../../content", true))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Build(config("../../content", false))
	if err != nil {
		t.Fatal(err)
	}
	m := assets.NewMinifier()
	pages := 0
	for _, name := range plain.Files.Paths() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		a, err := m.Bytes(assets.HTML, small.Files[name])
		if err != nil {
			t.Fatal(err)
		}
		b, err := m.Bytes(assets.HTML, plain.Files[name])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			i := 0
			for i < min(len(a), len(b)) && a[i] == b[i] {
				i++
			}
			t.Errorf("%s differs at byte %d once minified:\n  templates minified: %q\n  page minified:      %q",
				name, i, a[max(i-60, 0):min(i+60, len(a))], b[max(i-60, 0):min(i+60, len(b))])
		}
		if len(small.Files[name]) >= len(plain.Files[name]) {
			t.Errorf("%s: %d bytes with minified templates, not fewer than %d", name, len(small.Files[name]), len(plain.Files[name]))
		}
	}
	if pages < 80 {
		t.Errorf("compared %d pages, want the whole site", pages)
	}
}

// TestEveryTemplateIsMinified checks that the minifier shrinks each
// template file. It gives a file back unchanged, without an error, when it
// cannot follow it: an apostrophe in a {{/* comment */}} reads to it as
// an unclosed string, and the whole file then keeps its line breaks.
func TestEveryTemplateIsMinified(t *testing.T) {
	m := assets.NewMinifier()
	fsys := os.DirFS("../../templates")
	names, err := fs.Glob(fsys, "*.html")
	if err != nil {
		t.Fatal(err)
	}
	partials, _ := fs.Glob(fsys, "partials/*.html")
	for _, name := range append(names, partials...) {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		small, err := m.Bytes(assets.HTMLTemplate, src)
		if err != nil {
			t.Fatal(err)
		}
		if len(small) >= len(src) {
			t.Errorf("templates/%s: the minifier leaves it as it is (%d bytes)", name, len(src))
		}
	}
}

// TestIndexBeforeOrWhilePagesRender builds the real site with its search
// index made while the pages render, and made first with the notes' text
// let go, as a large site does: every file must be the same.
func TestIndexBeforeOrWhilePagesRender(t *testing.T) {
	while, err := Build(config("../../content", true))
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int) { dropTextFrom = n }(dropTextFrom)
	dropTextFrom = 0
	before, err := Build(config("../../content", true))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range while.Files.Paths() {
		if !bytes.Equal(while.Files[name], before.Files[name]) {
			t.Errorf("%s differs", name)
		}
	}
	if len(while.Files) != len(before.Files) {
		t.Errorf("%d files, then %d", len(while.Files), len(before.Files))
	}
	for _, c := range before.Site.Codes {
		if c.Note.Text != "" {
			t.Fatalf("%s kept its note's text", c.Code)
		}
	}
}

// TestExchangeErrors checks that a note's example or flow that cannot be
// made is reported at its key in the front matter, in the codes' order,
// and that the build stops.
func TestExchangeErrors(t *testing.T) {
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join("testdata/content", p))
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	note := string(fsys["codes/486.md"].Data)
	fsys["codes/486.md"].Data = []byte(strings.Replace(note, "code: 486\n", "code: 486\nexample:\n  method: FETCH\n", 1))
	fsys["codes/480.md"] = &fstest.MapFile{Data: []byte("---\ncode: 480\nflow:\n  - A -> \n---\nAway.\n")}
	cfg := config("testdata/content", true)
	cfg.Content = fsys
	_, err = Build(cfg)
	if err == nil {
		t.Fatal("Build succeeded with a bad example and a bad flow")
	}
	got := err.Error()
	first := strings.Index(got, `content/codes/480.md:4:3: flow: line 1: missing ":" between receiver and label in "A ->"`)
	second := strings.Index(got, `content/codes/486.md:4:3: example: unknown method "FETCH"`)
	if first < 0 || second < 0 || first > second {
		t.Errorf("Build error:\n%s\nwant the flow of 480, then the example of 486, each where its value starts", got)
	}
}
