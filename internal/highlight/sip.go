package highlight

import (
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// newSIPLexer builds the lexer for RFC 3261 messages. It is a constructor
// rather than a package variable so that the registry holds the only copy.
func newSIPLexer() chroma.Lexer {
	return &handLexer{
		config: &chroma.Config{
			Name:      "SIP",
			Aliases:   []string{"sip"},
			MimeTypes: []string{"message/sip", "message/sipfrag"},
		},
		scan: scanSIP,
	}
}

// sipScanner lexes one or more SIP messages, or a bare run of header lines.
//
// Each method is one state of a push-down lexer, and the call stack is its
// state stack. The root state sits at the start of a line: it recognises
// request and status lines and header names and calls the state for the
// rest of the line. A blank line (or a line that already looks like SDP)
// enters the body, which hands SDP to the SDP lexer and XML to the XML
// lexer, and which returns to root as soon as a line looks like a start line
// or a header again, so several messages in one block each highlight
// properly. Every state ends in a catch-all, so valid or not, no input
// yields an Error token.
type sipScanner struct {
	tokens
	lexer *handLexer
}

// scanSIP is the SIP lexer's scan function.
func scanSIP(l *handLexer, text string, out []chroma.Token) []chroma.Token {
	z := sipScanner{tokens: tokens{src: text, out: out}, lexer: l}
	for z.pos < len(z.src) {
		z.root()
	}
	return z.out
}

// root lexes from the start of a line.
func (z *sipScanner) root() {
	s, i := z.src, z.pos
	if isRequestLine(s, i) {
		method := span(s, i, isTokenChar)
		z.emit(chroma.NameFunction, method)
		z.emit(chroma.Text, span(s, method, isBlank))
		z.requestLine()
		return
	}
	if z.statusLineStart() {
		z.statusLine()
		return
	}
	if name := span1(s, i, isTokenChar); name >= 0 {
		if colon := span(s, name, isBlank); isByte(s, colon, ':') {
			z.emit(chroma.NameTag, name)
			z.emit(chroma.Text, colon)
			z.emit(chroma.Punctuation, colon+1)
			z.headerValue()
			return
		}
	}
	if is(s, i, isLetter) && isByte(s, i+1, '=') {
		z.body() // SDP without a blank line before it
		return
	}
	if end := eol(s, i); end >= 0 {
		z.emit(chroma.Text, end)
		z.body()
		return
	}
	z.emit(chroma.Text, lineEnd(s, i))
}

// lineEnd returns the end of the line at s[i] including its "\n", if any.
func lineEnd(s string, i int) int {
	end := span(s, i, isNotNewline)
	if isByte(s, end, '\n') {
		end++
	}
	return end
}

// versionEnd returns the end of "SIP/<digits>.<digits>" at s[i], or -1.
// "SIP" ends at i+3 and the slash at i+4.
func versionEnd(s string, i int) int {
	if lit(s, i, "SIP/") < 0 {
		return -1
	}
	dot := span1(s, i+4, isDigit)
	if dot < 0 || !isByte(s, dot, '.') {
		return -1
	}
	return span1(s, dot+1, isDigit)
}

// emitVersion emits "SIP/2.0", which starts at pos and ends at end.
func (z *tokens) emitVersion(end int) {
	z.emit(chroma.KeywordReserved, z.pos+3)
	z.emit(chroma.Operator, z.pos+1)
	z.emit(chroma.LiteralNumber, end)
}

// isRequestLineRest reports whether a request line continues at s[i] with
// a Request-URI and a SIP version that ends the line.
func isRequestLineRest(s string, i int) bool {
	i = span1(s, i, isNotSpace)
	if i < 0 {
		return false
	}
	if i = span1(s, i, isBlank); i < 0 {
		return false
	}
	if i = versionEnd(s, i); i < 0 {
		return false
	}
	i = span(s, i, isBlank)
	if isByte(s, i, '\r') && atLineEnd(s, i+1) {
		return true
	}
	return atLineEnd(s, i)
}

// isRequestLine reports whether a request line starts at s[i].
func isRequestLine(s string, i int) bool {
	method := span1(s, i, isTokenChar)
	if method < 0 {
		return false
	}
	uri := span1(s, method, isBlank)
	return uri >= 0 && isRequestLineRest(s, uri)
}

// statusLineEnd returns the end of "SIP/2.0 486" at s[i], the status code
// standing alone, or -1.
func statusLineEnd(s string, i int) int {
	version := versionEnd(s, i)
	if version < 0 {
		return -1
	}
	end := span1(s, version, isBlank)
	if end < 0 {
		return -1
	}
	for range 3 {
		if !is(s, end, isDigit) {
			return -1
		}
		_, n := runeAt(s, end)
		end += n
	}
	if is(s, end, isWord) {
		return -1
	}
	return end
}

// statusLineStart emits the version and status code if a status line starts
// at pos.
func (z *sipScanner) statusLineStart() bool {
	s, i := z.src, z.pos
	end := statusLineEnd(s, i)
	if end < 0 {
		return false
	}
	version := versionEnd(s, i)
	code := span(s, version, isBlank)
	z.emitVersion(version)
	z.emit(chroma.Text, code)
	z.emit(chroma.LiteralNumberInteger, end)
	return true
}

// isHeaderLine reports whether "Name:" starts at s[i].
func isHeaderLine(s string, i int) bool {
	name := span1(s, i, isTokenChar)
	return name >= 0 && isByte(s, span(s, name, isBlank), ':')
}

// requestLine lexes the rest of a request line after the method: the
// Request-URI and the version.
func (z *sipScanner) requestLine() {
	for z.pos < len(z.src) {
		s, i := z.src, z.pos
		if blank := span1(s, i, isBlank); blank >= 0 {
			z.emit(chroma.Text, blank)
			if end := versionEnd(s, blank); end >= 0 {
				z.emitVersion(end)
			}
			continue
		}
		if end := eol(s, i); end >= 0 {
			z.emit(chroma.Text, end)
			return
		}
		if z.uri() {
			continue
		}
		if end := span1(s, i, isNotSpace); end >= 0 {
			z.emit(chroma.Text, end)
			continue
		}
		z.emitRune(chroma.Text)
	}
}

// statusLine lexes the reason phrase after the status code.
func (z *sipScanner) statusLine() {
	for z.pos < len(z.src) {
		s, i := z.src, z.pos
		if blank := span1(s, i, isBlank); blank >= 0 {
			z.emit(chroma.Text, blank)
			continue
		}
		if end := reasonEnd(s, i); end >= 0 {
			z.emit(chroma.NameException, end)
			continue
		}
		if end := eol(s, i); end >= 0 {
			z.emit(chroma.Text, end)
			return
		}
		z.emitRune(chroma.Text)
	}
}

// reasonEnd returns the end of a reason phrase at s[i]: the rest of the
// line up to its last non-space character, or -1 if there is none.
func reasonEnd(s string, i int) int {
	end := span(s, i, isNotLineBreak)
	for end > i {
		r, n := utf8.DecodeLastRuneInString(s[i:end])
		if isNotSpace(r) {
			return end
		}
		end -= n
	}
	return -1
}
