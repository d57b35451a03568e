// Package assets prepares the static files: it minifies CSS, JavaScript,
// SVG and HTML, and gives stylesheets and scripts content-hashed names so
// that browsers may cache them forever.
package assets

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Minifier wraps one configured minifier. Configure once, then share:
// minifying is safe for concurrent use, adding minifiers is not.
type Minifier struct {
	m *minify.M
}

// Media types the minifier handles.
const (
	CSS  = "text/css"
	JS   = "text/javascript"
	HTML = "text/html"
	// HTMLTemplate is an html/template source: HTML with {{ }} actions,
	// which the minifier leaves as they are.
	HTMLTemplate = "text/x-go-template+html"
	SVG          = "image/svg+xml"
	JSON         = "application/json"
	XML          = "text/xml"
)

// NewMinifier configures the minifier for every type the site publishes.
func NewMinifier() *Minifier {
	m := minify.New()
	m.AddFunc(CSS, css.Minify)
	m.Add(HTML, &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.Add(HTMLTemplate, &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, TemplateDelims: html.GoTemplateDelims})
	m.AddFunc(JS, js.Minify)
	m.AddFunc(SVG, svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFunc(XML, xml.Minify)
	return &Minifier{m: m}
}

// Bytes minifies data of the given media type.
func (m *Minifier) Bytes(mediaType string, data []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(data))
	if err := m.m.Minify(mediaType, &out, bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("minifying %s: %w", mediaType, err)
	}
	return out.Bytes(), nil
}
