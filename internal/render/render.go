// Package render executes the html/template templates over the site model
// and returns every page as bytes. Templates are parsed once per build;
// pages are rendered in parallel and the result does not depend on the
// order in which they finish.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/sipcodes/sipcodes/internal/par"
	"github.com/sipcodes/sipcodes/internal/site"
)

// Highlighter writes code as highlighted HTML.
type Highlighter interface {
	Highlight(w io.Writer, lang, code string) error
}

// Env is what templates need besides the model.
type Env struct {
	Asset       func(name string) (string, error) // static file name to published path
	Highlighter Highlighter
	// MinifyTemplate, when set, shrinks each template's source before it
	// is parsed, leaving its actions alone. Pages are then small as they
	// are rendered, and no page is minified whole: that took as long as
	// rendering it.
	MinifyTemplate func(source []byte) ([]byte, error)
	SearchIndex    string // site path of the search index, "/search.1a2b3c4d.json"; see SetSearchIndex
	// Uncached executes the partials of {{cached}} on every call, as
	// {{template}} would; tests check that the pages come out the same.
	Uncached bool
}

// Renderer holds the parsed templates, one set per page kind.
type Renderer struct {
	env   Env
	fsys  fs.FS
	kinds map[string]*template.Template
	// partials is the base layout and the partials alone, for {{cached}}.
	partials  *template.Template
	fragments fragments
}

// pageKinds are the page templates; each defines "main" for the base layout.
var pageKinds = []string{"home", "class", "code", "404", "q850", "about"}

// New parses the templates of fsys: base.html, partials/*.html and one file
// per page kind.
func New(fsys fs.FS, env Env) (*Renderer, error) {
	r, err := parseAll(fsys, env)
	if err != nil && env.MinifyTemplate != nil {
		// Report the line in the source the contributor wrote, not in
		// its minified form.
		return nil, sourceError(fsys, env, err)
	}
	return r, err
}

func parseAll(fsys fs.FS, env Env) (*Renderer, error) {
	r := &Renderer{env: env, fsys: fsys, kinds: map[string]*template.Template{}}
	r.fragments.off = env.Uncached
	root := template.New("base").Funcs(r.funcs())
	if err := r.parse(root, fsys, "base.html", "partials/*.html"); err != nil {
		return nil, err
	}
	for _, kind := range pageKinds {
		t := template.Must(root.Clone())
		if err := r.parse(t, fsys, kind+".html"); err != nil {
			return nil, err
		}
		r.kinds[kind] = t
	}
	// Executed only once the page kinds are cloned from it.
	r.partials = root
	return r, nil
}

// parse adds the files matching patterns to t, each as a template named
// after its base name, as template.ParseFS does, minifying each source
// first when the Env asks for it.
func (r *Renderer) parse(t *template.Template, fsys fs.FS, patterns ...string) error {
	for _, pattern := range patterns {
		names, err := fs.Glob(fsys, pattern)
		if err != nil {
			return fmt.Errorf("templates: %w", err)
		}
		if len(names) == 0 {
			return fmt.Errorf("templates: pattern matches no files: %#q", pattern)
		}
		for _, name := range names {
			src, err := fs.ReadFile(fsys, name)
			if err != nil {
				return fmt.Errorf("templates: %w", err)
			}
			if r.env.MinifyTemplate != nil {
				if src, err = r.env.MinifyTemplate(src); err != nil {
					return fmt.Errorf("templates: %s: %w", name, err)
				}
			}
			if _, err := t.New(path.Base(name)).Parse(string(src)); err != nil {
				return fmt.Errorf("templates: %w", err)
			}
		}
	}
	return nil
}

// Render renders every page of s and hands each to add as soon as it is
// made, from several goroutines at once, so that no page need be kept.
// If pages fail, the error of the first in Pages order is returned.
func (r *Renderer) Render(s *site.Site, add func(name string, data []byte) error) error {
	pages := Pages(s)
	errs := make([]error, len(pages))
	par.For(len(pages), func(i int) {
		data, err := r.page(pages[i])
		if err == nil {
			err = add(pages[i].File, data)
		} else if r.env.MinifyTemplate != nil {
			err = sourceError(r.fsys, r.env, err, pages[i])
		}
		if err != nil {
			errs[i] = fmt.Errorf("rendering %s: %w", pages[i].File, err)
		}
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// SetSearchIndex sets the site path of the search index, which is known
// only once the model is: templates are parsed before. It must not be
// called while pages render.
func (r *Renderer) SetSearchIndex(path string) {
	r.env.SearchIndex = path
	r.fragments.reset()
}

// RenderPage renders one page, as Render does.
func (r *Renderer) RenderPage(p Page) ([]byte, error) {
	data, err := r.page(p)
	if err != nil && r.env.MinifyTemplate != nil {
		err = sourceError(r.fsys, r.env, err, p)
	}
	return data, err
}

// pageBuffers are the buffers pages are rendered into. A page grows its
// buffer a dozen times on the way to tens of kilobytes; a buffer that has
// grown already takes the next page without, and the page is copied out
// once at its size.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (r *Renderer) page(p Page) ([]byte, error) {
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(buf)
	buf.Reset()
	t := r.kinds[p.Kind]
	if err := t.ExecuteTemplate(buf, "base", p); err != nil {
		return nil, err
	}
	return bytes.Clone(buf.Bytes()), nil
}

// sourceError repeats a failed parse, or the rendering of the pages
// given, with templates that were not minified, and returns that error,
// whose line and column are those of the template files. Errors are rare,
// so this costs nothing on a good build.
func sourceError(fsys fs.FS, env Env, minified error, pages ...Page) error {
	env.MinifyTemplate = nil
	r, err := parseAll(fsys, env)
	if err != nil {
		return err
	}
	for _, p := range pages {
		if _, err := r.page(p); err != nil {
			return err
		}
	}
	return fmt.Errorf("%w (the templates fail only once minified)", minified)
}

// funcs are the template functions. The highlighter's output is trusted:
// it escapes the code it is given.
func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"asset":       func(name string) (string, error) { return r.env.Asset(name) },
		"cached":      r.cached,
		"join":        strings.Join,
		"searchIndex": func() string { return r.env.SearchIndex },
		"sec":         func(id, text string) site.Heading { return site.Heading{Level: 2, ID: id, Text: text} },
		"highlight":   r.highlight,
		"usage":       r.usage,
	}
}

func (r *Renderer) highlight(lang, code string) (template.HTML, error) {
	var b strings.Builder
	if err := r.env.Highlighter.Highlight(&b, lang, code); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// usagePlaceholder stands for a constant's name while a stack's usage line
// is highlighted: an identifier every lexer reads as one name token.
const usagePlaceholder = "SIPCODESCONSTANTNAME"

// usage highlights a stack's one-line usage example with a constant's name
// in it. The line is highlighted once per stack, with a placeholder, and the
// escaped name is put in its place, so that hundreds of constants cost
// seven highlights rather than hundreds.
func (r *Renderer) usage(k site.Constant) (template.HTML, error) {
	code := strings.ReplaceAll(k.Stack.Usage, "{name}", usagePlaceholder)
	h, err := r.highlight(k.Stack.Language, code)
	if err != nil {
		return "", err
	}
	return template.HTML(strings.ReplaceAll(string(h), usagePlaceholder, template.HTMLEscapeString(k.Name))), nil
}
