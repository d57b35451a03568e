package build

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipcodes/sipcodes/internal/assets"
	"github.com/sipcodes/sipcodes/internal/check"
	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/highlight"
	"github.com/sipcodes/sipcodes/internal/markdown"
	"github.com/sipcodes/sipcodes/internal/output"
	"github.com/sipcodes/sipcodes/internal/render"
	"github.com/sipcodes/sipcodes/internal/site"
)

// The benchmarks below time the whole build of the repository's own content
// and each stage of it on its own, with the inputs of that stage prepared
// outside the timed loop. Run them with
//
//	go test -run '^$' -bench . -benchmem ./internal/build
//
// BENCHMARKS.md records the figures; cmd/benchsite times the compiled
// binary on the real site and on generated sites of 1,000 and 10,000 pages.

// benchConfig builds the real site as the command does: minified.
func benchConfig() Config {
	return Config{
		Content:     os.DirFS("../../content"),
		Templates:   os.DirFS("../../templates"),
		Static:      os.DirFS("../../static"),
		ContentName: "content",
		BaseURL:     "https://example.com",
		Minify:      true,
	}
}

// benchSite is one build of the real site, the input of the later stages.
func benchSite(b *testing.B, minify bool) *Result {
	b.Helper()
	cfg := benchConfig()
	cfg.Minify = minify
	res, err := Build(cfg)
	if err != nil {
		b.Fatal(err)
	}
	return res
}

func benchContent(b *testing.B) *content.Content {
	b.Helper()
	c, diags := content.Load(os.DirFS("../../content"), "content")
	if diags != nil {
		b.Fatal(diags.Err())
	}
	return c
}

// BenchmarkBuild is the whole pipeline, in memory, as the command runs it.
func BenchmarkBuild(b *testing.B) {
	cfg := benchConfig()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad reads and decodes the content folder.
func BenchmarkLoad(b *testing.B) {
	fsys := os.DirFS("../../content")
	b.ReportAllocs()
	for b.Loop() {
		if _, diags := content.Load(fsys, "content"); diags != nil {
			b.Fatal(diags.Err())
		}
	}
}

// BenchmarkValidate runs the checks over the loaded content.
func BenchmarkValidate(b *testing.B) {
	c := benchContent(b)
	b.ReportAllocs()
	for b.Loop() {
		if diags := checkContent(c); diags != nil {
			b.Fatal(diags.Err())
		}
	}
}

// BenchmarkMarkdown renders every note and page as the build does. Each
// round gets a new highlighter, so that code blocks are highlighted as in a
// fresh build.
func BenchmarkMarkdown(b *testing.B) {
	c := benchContent(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, _, err := renderProse(c, markdown.New(highlight.New()), true); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHighlight highlights every block the code pages show (the
// example request and response, and each stack's usage line) one after
// the other: with a new highlighter each round (cold, as in a build, where
// the memo answers only the blocks that repeat) and with one shared
// highlighter (warm: every block answered from the memo).
func BenchmarkHighlight(b *testing.B) {
	s := benchSite(b, false).Site
	type block struct{ lang, code string }
	var blocks []block
	for _, c := range s.Codes {
		x, err := c.Exchange()
		if err != nil {
			b.Fatal(err)
		}
		blocks = append(blocks, block{"sip", x.Example.Request}, block{"sip", x.Example.Response})
		for _, k := range c.Constants {
			blocks = append(blocks, block{k.Stack.Language, strings.ReplaceAll(k.Stack.Usage, "{name}", k.Name)})
		}
	}
	run := func(b *testing.B, h *highlight.Highlighter) {
		for _, bl := range blocks {
			if err := h.Highlight(io.Discard, bl.lang, bl.code); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			run(b, highlight.New())
		}
		b.ReportMetric(float64(len(blocks)), "blocks")
	})
	b.Run("warm", func(b *testing.B) {
		h := highlight.New()
		run(b, h)
		for b.Loop() {
			run(b, h)
		}
	})
}

// BenchmarkTemplates executes the templates for every page, without
// minifying. The highlighter is shared and warmed first, so that this
// measures the templates, not chroma.
func BenchmarkTemplates(b *testing.B) {
	renderAgain(b, benchSite(b, false).Site)
}

// renderAgain renders every page of s once to warm the memos (shared
// partials, highlighted blocks), then times rendering them again. The
// templates are not minified.
func renderAgain(b *testing.B, s *site.Site) {
	b.Helper()
	r, err := render.New(os.DirFS("../../templates"), render.Env{
		Asset:       func(name string) (string, error) { return "/" + name, nil },
		Highlighter: highlight.New(),
		SearchIndex: "/search.json",
	})
	if err != nil {
		b.Fatal(err)
	}
	discard := func(string, []byte) error { return nil }
	if err := r.Render(s, discard); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Render(s, discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseTemplates parses the templates, which a build does once.
func BenchmarkParseTemplates(b *testing.B) {
	fsys := os.DirFS("../../templates")
	for b.Loop() {
		if _, err := render.New(fsys, render.Env{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMinify minifies every template source, as a build does once
// before parsing them; pages are not minified after rendering.
func BenchmarkMinify(b *testing.B) {
	fsys := os.DirFS("../../templates")
	names, err := fs.Glob(fsys, "*.html")
	if err != nil {
		b.Fatal(err)
	}
	partials, _ := fs.Glob(fsys, "partials/*.html")
	var sources [][]byte
	size := 0
	for _, name := range append(names, partials...) {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			b.Fatal(err)
		}
		sources = append(sources, data)
		size += len(data)
	}
	m := assets.NewMinifier()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range sources {
			if _, err := m.Bytes(assets.HTMLTemplate, src); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkAssets minifies and fingerprints the static files.
func BenchmarkAssets(b *testing.B) {
	static := os.DirFS("../../static")
	var css bytes.Buffer
	if err := highlight.New().WriteCSS(&css); err != nil {
		b.Fatal(err)
	}
	m := assets.NewMinifier()
	for b.Loop() {
		if _, err := assets.Build(static, m, css.Bytes()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchIndex builds the search index.
func BenchmarkSearchIndex(b *testing.B) {
	s := benchSite(b, false).Site
	b.ReportAllocs()
	for b.Loop() {
		_, index := searchIndex(s, nil)
		if _, err := index(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchIndexName names the search index, which the pages wait
// for; the index itself is built while they render.
func BenchmarkSearchIndexName(b *testing.B) {
	s := benchSite(b, false).Site
	b.ReportAllocs()
	for b.Loop() {
		searchIndex(s, nil)
	}
}

// BenchmarkFinalChecks runs the checks over the built site: links and
// the absence of script.
func BenchmarkFinalChecks(b *testing.B) {
	files := benchSite(b, true).Files
	b.ReportAllocs()
	for b.Loop() {
		if d := check.Site(files); d != nil {
			b.Fatal(d.Err())
		}
	}
}

// BenchmarkWrite writes the built site to a new folder, replacing the last
// round's, as the first build into an empty folder does.
func BenchmarkWrite(b *testing.B) {
	files := benchSite(b, true).Files
	root := b.TempDir()
	b.SetBytes(int64(files.Size()))
	i := 0
	for b.Loop() {
		i++
		if err := output.Update(filepath.Join(root, fmt.Sprint(i)), files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUpdate writes the built site over the same bytes, as a rebuild
// does: every file is compared and none rewritten.
func BenchmarkUpdate(b *testing.B) {
	files := benchSite(b, true).Files
	dir := filepath.Join(b.TempDir(), "site")
	if err := output.Update(dir, files); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(files.Size()))
	for b.Loop() {
		if err := output.Update(dir, files); err != nil {
			b.Fatal(err)
		}
	}
}
