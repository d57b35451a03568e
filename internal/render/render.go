// Package render executes the html/template templates over the site model
// and returns every page as bytes, minified. Templates are parsed once per
// build; pages are rendered in parallel and the result does not depend on
// the order in which they finish.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"runtime"
	"strings"
	"sync"

	"github.com/sipcodes/sipcodes/internal/output"
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
	Minify      func(mediaType string, data []byte) ([]byte, error)
	SearchIndex string // site path of the search index, "/search.1a2b3c4d.json"
}

// Renderer holds the parsed templates, one set per page kind.
type Renderer struct {
	env   Env
	kinds map[string]*template.Template
}

// pageKinds are the page templates; each defines "main" for the base layout.
var pageKinds = []string{"home", "class", "code", "404", "q850", "about"}

// New parses the templates of fsys: base.html, partials/*.html and one file
// per page kind.
func New(fsys fs.FS, env Env) (*Renderer, error) {
	r := &Renderer{env: env, kinds: map[string]*template.Template{}}
	root := template.New("base").Funcs(r.funcs())
	root, err := root.ParseFS(fsys, "base.html", "partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	for _, kind := range pageKinds {
		t, err := template.Must(root.Clone()).ParseFS(fsys, kind+".html")
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		r.kinds[kind] = t
	}
	return r, nil
}

// Render writes every page of s.
func (r *Renderer) Render(s *site.Site) (output.Files, error) {
	pages := Pages(s)
	results := make([][]byte, len(pages))
	errs := make([]error, len(pages))
	var wg sync.WaitGroup
	work := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				results[i], errs[i] = r.page(pages[i])
			}
		})
	}
	for i := range pages {
		work <- i
	}
	close(work)
	wg.Wait()
	files := output.Files{}
	for i, p := range pages {
		if errs[i] != nil {
			return nil, fmt.Errorf("rendering %s: %w", p.File, errs[i])
		}
		if err := files.Add(p.File, results[i]); err != nil {
			return nil, err
		}
	}
	return files, nil
}

func (r *Renderer) page(p Page) ([]byte, error) {
	var buf bytes.Buffer
	t := r.kinds[p.Kind]
	if err := t.ExecuteTemplate(&buf, "base", p); err != nil {
		return nil, err
	}
	if r.env.Minify == nil {
		return buf.Bytes(), nil
	}
	return r.env.Minify("text/html", buf.Bytes())
}

// funcs are the template functions. The highlighter's output is trusted:
// it escapes the code it is given.
func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"asset":       func(name string) (string, error) { return r.env.Asset(name) },
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
