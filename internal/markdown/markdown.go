// Package markdown turns note bodies into HTML with the one goldmark
// configuration the site uses, and reports what checks need to know about
// each document: its headings, links, citations and any raw HTML.
//
// Raw HTML is never rendered, and links with a scheme other than http,
// https and mailto are dropped, so that nothing a note says can run in a
// reader's browser.
package markdown

import (
	"bytes"
	"io"
	"sort"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Highlighter writes a code block as HTML. Package highlight provides it;
// the interface keeps chroma out of this package.
type Highlighter interface {
	Highlight(w io.Writer, lang, code string) error
}

// Renderer holds the configured goldmark instance. It is safe for
// concurrent use: build it once and share it.
type Renderer struct {
	md goldmark.Markdown
}

// New configures goldmark with GFM tables, strikethrough, the typographer,
// heading IDs and our code block, heading and link handling.
func New(h Highlighter) *Renderer {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Typographer),
		goldmark.WithParserOptions(
			parser.WithAttribute(),
			// Every heading gets an ID, and so a self-link, even without an
			// explicit {#id}: any section can be linked to.
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(linkTransformer{}, 100)),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(
				util.Prioritized(&codeBlockRenderer{h: h}, 100),
				util.Prioritized(headingRenderer{}, 100),
			),
		),
	)
	return &Renderer{md: md}
}

// Doc is a rendered Markdown document and what it contains. Lines are lines
// of the source given to Render, 1-based.
type Doc struct {
	HTML      []byte
	Headings  []Heading
	Links     []Link
	Citations []Citation
	RawHTML   []int // lines holding raw HTML, which was not rendered
	// TakenIDs are explicit heading IDs ({#id}) that the page or an
	// earlier heading already uses; each was renamed to stay unique.
	TakenIDs []Heading
	// CodeBlocks are the fenced code blocks that name a language.
	CodeBlocks []CodeBlock
	Text       string
}

// CodeBlock is a fenced code block's language, as written after the fence,
// and its line.
type CodeBlock struct {
	Lang string
	Line int
}

// Heading is a section heading and its anchor ID.
type Heading struct {
	Level int
	ID    string
	Text  string
	Line  int
}

// Link is a link or image destination as written. Unsafe links were
// dropped from the HTML, keeping their text.
type Link struct {
	Dest   string
	Image  bool
	Line   int
	Unsafe bool
}

// Citation is an rfc: link, as RFC number and section, with its problem if
// it could not be read.
type Citation struct {
	RFC     int
	Section string
	Line    int
	Err     error
}

// Render converts src to HTML. reserved lists IDs the page already uses, so
// that generated heading IDs do not collide with them.
func (r *Renderer) Render(src []byte, reserved []string) (*Doc, error) {
	ids := newIDs(reserved)
	doc := &Doc{}
	lines := newLineIndex(src)
	ctx := parser.NewContext(parser.WithIDs(ids))
	ctx.Set(docKey, &docState{doc: doc, lines: lines, src: src, reserved: reserved})
	root := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	collect(root, src, lines, doc)
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, src, root); err != nil {
		return nil, err
	}
	doc.HTML = buf.Bytes()
	return doc, nil
}

var docKey = parser.NewContextKey()

type docState struct {
	doc      *Doc
	lines    lineIndex
	src      []byte
	reserved []string
}

// lineIndex maps byte offsets of a source to line numbers.
type lineIndex []int

func newLineIndex(src []byte) lineIndex {
	starts := lineIndex{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func (l lineIndex) line(offset int) int {
	return sort.Search(len(l), func(i int) bool { return l[i] > offset })
}

// nodeLine finds the line a node starts on: its own lines for a block, or
// the first text inside it for an inline node.
func nodeLine(n ast.Node, lines lineIndex) int {
	for c := n; c != nil; c = c.Parent() {
		if c.Type() == ast.TypeBlock {
			if seg := c.Lines(); seg.Len() > 0 {
				return lines.line(seg.At(0).Start)
			}
			continue
		}
		if t, ok := firstText(c); ok {
			return lines.line(t.Segment.Start)
		}
	}
	return 0
}

func firstText(n ast.Node) (*ast.Text, bool) {
	if t, ok := n.(*ast.Text); ok {
		return t, true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := firstText(c); ok {
			return t, true
		}
	}
	return nil, false
}
