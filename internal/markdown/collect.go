package markdown

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// collect walks the parsed document once and records headings, links, raw
// HTML and the plain text that search indexes.
func collect(root ast.Node, src []byte, lines lineIndex, doc *Doc) {
	var text strings.Builder
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				text.WriteByte('\n')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idBytes, _ := id.([]byte)
			doc.Headings = append(doc.Headings, Heading{
				Level: n.Level, ID: string(idBytes), Text: plainText(n, src), Line: nodeLine(n, lines),
			})
		case *ast.Link:
			doc.Links = append(doc.Links, Link{Dest: string(n.Destination), Line: nodeLine(n, lines)})
		case *ast.Image:
			doc.Links = append(doc.Links, Link{Dest: string(n.Destination), Image: true, Line: nodeLine(n, lines)})
		case *ast.AutoLink:
			doc.Links = append(doc.Links, Link{Dest: string(n.URL(src)), Line: nodeLine(n, lines)})
		case *ast.HTMLBlock:
			doc.RawHTML = append(doc.RawHTML, nodeLine(n, lines))
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				doc.RawHTML = append(doc.RawHTML, lines.line(n.Segments.At(0).Start))
			}
		case *ast.Text:
			text.Write(n.Segment.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				text.WriteByte(' ')
			}
		case *ast.String:
			text.Write(n.Value)
		case *ast.CodeSpan:
			text.Write(plainTextBytes(n, src))
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			if lang := n.Language(src); len(lang) > 0 {
				doc.CodeBlocks = append(doc.CodeBlocks, CodeBlock{Lang: string(lang), Line: lines.line(n.Info.Segment.Start)})
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock:
			return ast.WalkSkipChildren, nil
		case *east.TableCell:
			text.WriteByte(' ')
		}
		return ast.WalkContinue, nil
	})
	doc.Text = collapseSpace(text.String())
}

// collapseSpace is strings.Join(strings.Fields(s), " ") in one pass: the
// text of a note is large, and the fields need not be kept. ASCII, most of
// a note, is looked up in a table rather than decoded.
func collapseSpace(s string) string {
	buf := make([]byte, 0, len(s))
	pending := false // a space is owed before the next word
	for i := 0; i < len(s); {
		c, size, space := s[i], 1, false
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			pending = len(buf) > 0
			i += size
			continue
		}
		if pending {
			buf = append(buf, ' ')
			pending = false
		}
		if size == 1 {
			buf = append(buf, c) // not a copy call per byte
		} else {
			buf = append(buf, s[i:i+size]...)
		}
		i += size
	}
	return string(buf)
}

// asciiSpace marks the bytes below utf8.RuneSelf that unicode.IsSpace
// accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// plainText returns the text of an inline tree without markup.
func plainText(n ast.Node, src []byte) string {
	return string(plainTextBytes(n, src))
}

func plainTextBytes(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.Bytes()
}
