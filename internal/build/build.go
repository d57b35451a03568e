// Package build runs the pipeline in order: load the content, check it,
// render its Markdown, model the site, render the pages and assets, and
// check the result. It is the one place that knows the order. It writes
// nothing to disk itself: each file goes, as soon as it is made, to the
// Sink in Config.Out (the command's output.Stager), or is kept in memory.
package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/sipcodes/sipcodes/internal/assets"
	"github.com/sipcodes/sipcodes/internal/check"
	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/highlight"
	"github.com/sipcodes/sipcodes/internal/markdown"
	"github.com/sipcodes/sipcodes/internal/output"
	"github.com/sipcodes/sipcodes/internal/par"
	"github.com/sipcodes/sipcodes/internal/render"
	"github.com/sipcodes/sipcodes/internal/search"
	"github.com/sipcodes/sipcodes/internal/site"
)

// Config says where the sources are and how the site is published.
type Config struct {
	Content   fs.FS
	Templates fs.FS
	Static    fs.FS
	// ContentName prefixes file names in diagnostics, such as "content";
	// TemplatesName does the same for templates (default "templates").
	ContentName   string
	TemplatesName string
	// RepoURL is where a content file is edited on the web: the file's
	// name, such as "content/codes/486.md", is appended to it for the
	// "Edit this page" link, after a slash if it lacks one. Empty leaves
	// the link out.
	RepoURL string
	// Updated holds when each content file last changed, keyed by its
	// name as in diagnostics ("content/codes/486.md"). It is data, so that
	// output stays deterministic; files without an entry show no date.
	Updated map[string]time.Time
	// UpdatedLater, when set, supplies Updated from a slower source, such
	// as git: it is called when the model is built, so the command asks
	// git while the content loads.
	UpdatedLater func() map[string]time.Time
	// BaseURL is the published address, without a trailing slash.
	BaseURL string
	// Minify shrinks HTML, CSS and JavaScript; tests turn it off to keep
	// golden files readable.
	Minify bool
	// Highlighter is reused across builds when set: serve keeps one, so
	// that a rebuild highlights only the code blocks that changed (its
	// results are memoised). Nil means a new one for this build.
	Highlighter *highlight.Highlighter
	// Out, when set, receives each file as it is made, and the build keeps
	// none of them: the command streams a site to disk this way. Nil keeps
	// them in Result.Files.
	Out output.Sink
	// Previous, when set, is the previous build's output, so that files
	// which are costly to make and carry the key of what they were made
	// from (the cards) are reused when that key is unchanged. Only the
	// start of such a file is read to learn its key.
	Previous fs.FS
	// Timings, when set, records how long each stage takes.
	Timings *Timings
	// Synthetic admits the generated content of the scaling benchmarks
	// (content.Options); only cmd/benchsite sets it, through the command.
	Synthetic bool
	// uncachedPartials renders {{cached}} partials on every call, for
	// tests (render.Env.Uncached).
	uncachedPartials bool
	// searchCounts keeps the notes' word counts from build to build of a
	// Preview.
	searchCounts *search.Counts
}

// Result is a built site.
type Result struct {
	// Files holds every file, when Config.Out was nil; otherwise they
	// went to Out and Files is nil.
	Files output.Files
	Site  *site.Site
	Count int   // files
	Size  int64 // bytes
}

// Build runs the whole pipeline. A non-nil error is a diag.List when the
// content has problems, so callers can print every one of them.
func Build(cfg Config) (*Result, error) {
	res, _, err := build(cfg, false)
	return res, err
}

// state is what a build leaves for Preview to rebuild from.
type state struct {
	content  *content.Content
	site     *site.Site
	markdown *markdown.Renderer
	jobs     []proseJob
	docs     []proseDoc
	renderer *render.Renderer
	// rendered is the index name the renderer writes into pages, that of
	// the full build; indexName is the current one.
	rendered  string
	indexName string
	scan      *check.SiteScan
	files     output.Files // nil when the files went to Config.Out
}

// build runs the pipeline; with keep, it also returns what Preview needs.
func build(cfg Config, keep bool) (*Result, *state, error) {
	// Problems are gathered past each step where the next step can still
	// run, so that one run reports as many of them as it can.
	tm := cfg.Timings
	hl := cfg.Highlighter
	if hl == nil {
		hl = highlight.New()
	}
	// The static files and the templates need nothing from the content.
	prep := par.Start(func() (*prepared, error) {
		defer tm.Start("assets and templates")()
		return prepare(cfg, hl)
	})
	stop := tm.Start("load")
	c, diags := content.LoadWith(cfg.Content, cfg.ContentName, content.Options{Synthetic: cfg.Synthetic})
	if datasetBroken(c, diags) {
		return nil, nil, diags.Err()
	}
	stop()
	loaded := diags == nil
	stop = tm.Start("check content")
	diags.Append(checkContent(c))
	stop()
	if datasetBroken(c, diags) {
		return nil, nil, append(diags, checkTemplates(cfg)...).Err()
	}
	md := markdown.New(hl)
	stop = tm.Start("markdown")
	pages, jobs, docs, err := renderProse(c, md, keep)
	stop()
	if err != nil {
		return nil, nil, err
	}
	updated := cfg.Updated
	if cfg.UpdatedLater != nil {
		stop = tm.Start("wait for dates")
		updated = cfg.UpdatedLater()
		stop()
	}
	stop = tm.Start("model")
	s := site.New(site.Input{
		Content: c, Pages: pages, BaseURL: strings.TrimSuffix(cfg.BaseURL, "/"),
		RepoURL: editPrefix(cfg.RepoURL), Updated: updated,
	})
	// A note that failed to load has no sections, so links into it are
	// checked only when every file loaded.
	diags.Append(checkDocs(s, docs, loaded))
	diags.Append(addExamples(s, c.Notes))
	stop()
	if diags != nil {
		return nil, nil, append(diags, checkTemplates(cfg)...).Err()
	}
	// The rendered Markdown is part of the model now; only a Preview keeps
	// it beside, so that a large build can let it go.
	var st *state
	if keep {
		st = &state{content: c, site: s, markdown: md, jobs: jobs, docs: docs}
	}
	jobs, docs = nil, nil
	out := cfg.Out
	var memory *output.Memory
	if out == nil {
		memory = &output.Memory{}
		out = memory
	}
	files := newSiteFiles(out)
	// Every page names the search index, whose name is known before it is
	// built.
	indexName, index := startSearchIndex(s, cfg.searchCounts, files, !keep, tm)
	// The cards (/486/card.png) and the exports (/codes.json, /486.json…)
	// need only the model: they are made while the pages render, and so is
	// the index of a small site.
	cards := par.Start(func() (struct{}, error) {
		defer tm.Start("cards")()
		return struct{}{}, drawCards(s, files, cfg.Previous)
	})
	exports := par.Start(func() (struct{}, error) {
		defer tm.Start("exports")()
		return struct{}{}, addExports(files, s)
	})
	r, err := renderSite(cfg, s, prep, indexName, files)
	stop = tm.Start("wait for the index, cards and exports")
	indexErr := index()
	_, cardsErr := cards()
	_, exportsErr := exports()
	stop()
	if err != nil {
		return nil, nil, templateDiags(cfg, err).Err()
	}
	if err := errors.Join(indexErr, cardsErr, exportsErr); err != nil {
		return nil, nil, err
	}
	// The sitemap and the redirects list the pages.
	stop = tm.Start("site files")
	err = addSiteFiles(files, s)
	stop()
	if err != nil {
		return nil, nil, err
	}
	// Each file was scanned as it was added; what is left is resolving
	// the links between pages.
	stop = tm.Start("final checks")
	final := files.scan.Problems()
	stop()
	if final != nil {
		return nil, nil, final.Err()
	}
	res := &Result{Site: s, Count: len(files.Paths()), Size: files.size()}
	if memory != nil {
		res.Files = memory.Files()
	}
	if st != nil {
		st.renderer, st.rendered, st.indexName = r, indexName, indexName
		st.scan, st.files = files.scan, res.Files
	}
	return res, st, nil
}

// checkContent runs the checks that need only the loaded files.
func checkContent(c *content.Content) diag.List {
	var diags diag.List
	diags.Append(check.Dataset(c.Dataset))
	diags.Append(check.Notes(c.Notes, c.Dataset))
	diags.Append(check.Stacks(c.Stacks, c.Dataset))
	diags.Append(check.Q850(c.Q850, c.Dataset))
	return diags
}

// prepared is the static files and the parsed templates, which need
// nothing from the content: they are made while the content loads.
type prepared struct {
	assets   *assets.Assets
	renderer *render.Renderer
}

// prepare minifies and fingerprints the static files and parses the
// templates.
func prepare(cfg Config, hl *highlight.Highlighter) (*prepared, error) {
	m := assets.NewMinifier()
	var css bytes.Buffer
	if err := hl.WriteCSS(&css); err != nil {
		return nil, err
	}
	a, err := assets.Build(cfg.Static, m, css.Bytes())
	if err != nil {
		return nil, err
	}
	env := render.Env{Asset: a.Path, Highlighter: hl, Uncached: cfg.uncachedPartials}
	if cfg.Minify {
		env.MinifyTemplate = func(src []byte) ([]byte, error) { return m.Bytes(assets.HTMLTemplate, src) }
	}
	r, err := render.New(cfg.Templates, env)
	if err != nil {
		return nil, err
	}
	return &prepared{assets: a, renderer: r}, nil
}

// renderSite renders the pages, which name the search index indexName,
// and adds them and the static files to files.
func renderSite(cfg Config, s *site.Site, prep func() (*prepared, error), indexName string, files fileSet) (*render.Renderer, error) {
	tm := cfg.Timings
	stop := tm.Start("wait for assets and templates")
	p, err := prep()
	stop()
	if err != nil {
		return nil, err
	}
	r := p.renderer
	r.SetSearchIndex("/" + indexName)
	stop = tm.Start("render pages")
	err = r.Render(s, files.Add)
	stop()
	if err != nil {
		return nil, err
	}
	for _, name := range p.assets.Files.Paths() {
		if err := files.Add(name, p.assets.Files[name]); err != nil {
			return nil, fmt.Errorf("static/%s: %w", path.Base(name), err)
		}
	}
	return r, nil
}

// editPrefix is an edit address with the slash that a file's name follows,
// which is easy to leave out.
func editPrefix(repoURL string) string {
	if repoURL == "" || strings.HasSuffix(repoURL, "/") {
		return repoURL
	}
	return repoURL + "/"
}
