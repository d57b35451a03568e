// Package build runs the pipeline in order: load the content, check it,
// render its Markdown, model the site, render the pages and assets, and
// check the result. It is the one place that knows the order; it writes
// nothing to disk.
package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/sipcodes/sipcodes/internal/assets"
	"github.com/sipcodes/sipcodes/internal/check"
	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/highlight"
	"github.com/sipcodes/sipcodes/internal/markdown"
	"github.com/sipcodes/sipcodes/internal/output"
	"github.com/sipcodes/sipcodes/internal/render"
	"github.com/sipcodes/sipcodes/internal/site"
)

// Config says where the sources are and how the site is published.
type Config struct {
	Content   fs.FS
	Templates fs.FS
	Static    fs.FS
	// ContentName prefixes file names in diagnostics, such as "content".
	ContentName string
	// BaseURL is the published address, without a trailing slash.
	BaseURL string
	// Minify shrinks HTML, CSS and JavaScript; tests turn it off to keep
	// golden files readable.
	Minify bool
}

// Result is a built site, in memory.
type Result struct {
	Files output.Files
	Site  *site.Site
}

// Build runs the whole pipeline. A non-nil error is a diag.List when the
// content has problems, so callers can print every one of them.
func Build(cfg Config) (*Result, error) {
	c, diags := content.Load(cfg.Content, cfg.ContentName)
	if diags != nil {
		return nil, diags.Err()
	}
	if diags := checkContent(c); diags != nil {
		return nil, diags.Err()
	}
	hl := highlight.New()
	md := markdown.New(hl)
	pages, docs, err := renderProse(c, md)
	if err != nil {
		return nil, err
	}
	s := site.New(site.Input{Content: c, Pages: pages, BaseURL: strings.TrimSuffix(cfg.BaseURL, "/")})
	if diags := checkDocs(s, docs); diags != nil {
		return nil, diags.Err()
	}
	files, err := renderSite(cfg, s, hl)
	if err != nil {
		return nil, err
	}
	if err := addExports(files, s); err != nil {
		return nil, err
	}
	if diags := check.SiteLinks(files); diags != nil {
		return nil, diags.Err()
	}
	return &Result{Files: files, Site: s}, nil
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

func renderSite(cfg Config, s *site.Site, hl *highlight.Highlighter) (output.Files, error) {
	m := assets.NewMinifier()
	var css bytes.Buffer
	if err := hl.WriteCSS(&css); err != nil {
		return nil, err
	}
	a, err := assets.Build(cfg.Static, m, css.Bytes())
	if err != nil {
		return nil, err
	}
	env := render.Env{Asset: a.Path, Highlighter: hl}
	if cfg.Minify {
		env.Minify = m.Bytes
	}
	r, err := render.New(cfg.Templates, env)
	if err != nil {
		return nil, err
	}
	files, err := r.Render(s)
	if err != nil {
		return nil, err
	}
	for _, name := range a.Files.Paths() {
		if err := files.Add(name, a.Files[name]); err != nil {
			return nil, fmt.Errorf("static/%s: %w", path.Base(name), err)
		}
	}
	return files, nil
}
