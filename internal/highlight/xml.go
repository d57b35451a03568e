package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// newXMLLexer builds the lexer for XML, which SIP carries in bodies such as
// PIDF presence documents (RFC 3863) and dialog-info (RFC 4235). It
// reproduces the token stream of chroma's own XML lexer, whose rules
// reference_test.go holds it to; having it here spares every run of the
// program the loading of chroma's whole lexer collection.
func newXMLLexer() chroma.Lexer {
	return &handLexer{
		config: &chroma.Config{
			Name:      "XML",
			Aliases:   []string{"xml"},
			Filenames: []string{"*.xml"},
			MimeTypes: []string{"text/xml", "application/xml"},
		},
		scan: scanXML,
	}
}

// scanXML is the XML lexer's scan function.
func scanXML(_ *handLexer, text string, out []chroma.Token) []chroma.Token {
	z := xmlScanner{tokens: tokens{src: text, out: out}}
	z.run()
	return z.out
}

// xmlState is where the scanner is: between tags, inside a comment, inside
// a start tag, or after an attribute's "=".
type xmlState int

const (
	xmlText xmlState = iota
	xmlComment
	xmlTag
	xmlAttr
)

// xmlScanner lexes XML the way chroma's rules do, state by state. What no
// rule of a state matches becomes an Error token one character long, as in
// chroma; markup as broken as that is the only way to get one.
type xmlScanner struct {
	tokens
	state xmlState
}

func (z *xmlScanner) run() {
	for z.pos < len(z.src) {
		switch z.state {
		case xmlText:
			z.text()
		case xmlComment:
			z.comment()
		case xmlTag:
			z.tag()
		case xmlAttr:
			z.attr()
		}
	}
}

// text lexes between tags: character data, entities, comments, CDATA
// sections, processing instructions, declarations, and tags.
func (z *xmlScanner) text() {
	s, i := z.src, z.pos
	switch s[i] {
	case '&':
		// "&\S*?;": the first ";" before any space ends the entity.
		if end := span(s, i+1, func(r rune) bool { return r != ';' && isNotSpace(r) }); isByte(s, end, ';') {
			z.emit(chroma.NameEntity, end+1)
			return
		}
		z.emitRune(chroma.Error)
	case '<':
		z.markup()
	default:
		end := strings.IndexAny(s[i:], "<&")
		if end < 0 {
			end = len(s) - i
		}
		z.emit(chroma.Text, i+end)
	}
}

// markup lexes what starts with "<", trying chroma's rules in their order.
func (z *xmlScanner) markup() {
	s, i := z.src, z.pos
	if end := delimited(s, i, "<![CDATA[", "]]>"); end >= 0 {
		z.emit(chroma.CommentPreproc, end)
		return
	}
	if end := lit(s, i, "<!--"); end >= 0 {
		z.emit(chroma.Comment, end)
		z.state = xmlComment
		return
	}
	if end := delimited(s, i, "<?", "?>"); end >= 0 {
		z.emit(chroma.CommentPreproc, end)
		return
	}
	if end := delimited(s, i, "<!", ">"); end >= 0 {
		z.emit(chroma.CommentPreproc, end)
		return
	}
	name := span(s, i+1, isSpace)
	if end := span1(s, name, isXMLNameChar); end >= 0 {
		z.emit(chroma.NameTag, end)
		z.state = xmlTag
		return
	}
	// "<\s*/\s*name\s*>": an end tag.
	if isByte(s, name, '/') {
		if end := span1(s, span(s, name+1, isSpace), isXMLNameChar); end >= 0 {
			if end = span(s, end, isSpace); isByte(s, end, '>') {
				z.emit(chroma.NameTag, end+1)
				return
			}
		}
	}
	z.emitRune(chroma.Error)
}

// comment lexes inside "<!--", up to and including "-->".
func (z *xmlScanner) comment() {
	s, i := z.src, z.pos
	switch {
	case s[i] != '-':
		end := strings.IndexByte(s[i:], '-')
		if end < 0 {
			end = len(s) - i
		}
		z.emit(chroma.Comment, i+end)
	case strings.HasPrefix(s[i:], "-->"):
		z.emit(chroma.Comment, i+3)
		z.state = xmlText
	default:
		z.emit(chroma.Comment, i+1)
	}
}

// tag lexes inside a start tag: spaces, "name =" and the tag's end.
func (z *xmlScanner) tag() {
	s, i := z.src, z.pos
	if end := span1(s, i, isSpace); end >= 0 {
		z.emit(chroma.Text, end)
		return
	}
	if end := span1(s, i, isXMLNameChar); end >= 0 {
		if end = span(s, end, isSpace); isByte(s, end, '=') {
			z.emit(chroma.NameAttribute, end+1)
			z.state = xmlAttr
			return
		}
	}
	// "/?\s*>"
	end := i
	if isByte(s, end, '/') {
		end++
	}
	if end = span(s, end, isSpace); isByte(s, end, '>') {
		z.emit(chroma.NameTag, end+1)
		z.state = xmlText
		return
	}
	z.emitRune(chroma.Error)
}

// attr lexes an attribute's value: quoted up to the first matching quote,
// or else a run of anything but spaces and ">".
func (z *xmlScanner) attr() {
	s, i := z.src, z.pos
	if end := span1(s, i, isSpace); end >= 0 {
		z.emit(chroma.Text, end)
		return
	}
	if q := s[i]; q == '"' || q == '\'' {
		if k := strings.IndexByte(s[i+1:], q); k >= 0 {
			z.emit(chroma.LiteralString, i+1+k+1)
			z.state = xmlTag
			return
		}
	}
	if end := span1(s, i, func(r rune) bool { return r != '>' && isNotSpace(r) }); end >= 0 {
		z.emit(chroma.LiteralString, end)
		z.state = xmlTag
		return
	}
	z.emitRune(chroma.Error)
}

// delimited returns the end of the text from open at s[i] up to and
// including the first close after it, or -1 when either is missing.
func delimited(s string, i int, open, close string) int {
	body := lit(s, i, open)
	if body < 0 {
		return -1
	}
	k := strings.Index(s[body:], close)
	if k < 0 {
		return -1
	}
	return body + k + len(close)
}

// isXMLNameChar is [\w:.-], the characters chroma's rules allow in tag and
// attribute names.
func isXMLNameChar(r rune) bool { return r == ':' || isWordDotDash(r) }
