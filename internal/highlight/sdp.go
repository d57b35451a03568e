package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// newSDPLexer builds the lexer for RFC 8866 session descriptions. It is a
// constructor rather than a package variable so that the registry is the
// only place the lexer escapes into shared state.
func newSDPLexer() chroma.Lexer {
	return &handLexer{
		config: &chroma.Config{
			Name:      "SDP",
			Aliases:   []string{"sdp"},
			Filenames: []string{"*.sdp"},
			MimeTypes: []string{"application/sdp"},
		},
		scan: scanSDP,
	}
}

// scanSDP is the SDP lexer's scan function.
func scanSDP(_ *handLexer, text string, out []chroma.Token) []chroma.Token {
	z := sdpScanner{tokens: tokens{src: text, out: out}}
	z.run()
	return z.out
}

// sdpScanner lexes SDP line by line. Every line is "<type>=<value>"; the
// type letter picks a method that knows the shape of that value, and each
// of those returns after the end of its line. Every one ends in a
// catch-all, so that no input, however mangled, produces an Error token.
type sdpScanner struct{ tokens }

// run lexes the whole text.
func (z *sdpScanner) run() {
	for z.pos < len(z.src) {
		z.line()
	}
}

// line lexes from the start of a line: the type, "=", and the value.
func (z *sdpScanner) line() {
	s, i := z.src, z.pos
	if !is(s, i, isLetter) || !isByte(s, i+1, '=') {
		if end := span1(s, i, isBlank); end >= 0 {
			z.emit(chroma.Text, end)
		} else if end := eol(s, i); end >= 0 {
			z.emit(chroma.Text, end)
		} else {
			z.emit(chroma.Text, span(s, i, isNotNewline))
		}
		return
	}
	value := i + 2
	switch typ := s[i]; {
	case strings.IndexByte("vtrz", typ) >= 0:
		z.emitType()
		z.numbers()
	case typ == 'o' || typ == 'c':
		z.emitType()
		if typ == 'o' {
			z.emit(chroma.NameVariable, span(s, value, isNotSpace)) // the user name
		}
		z.address()
	case typ == 'm' && is(s, value, isLetter):
		z.emitType()
		z.emit(chroma.NameBuiltin, span(s, value+1, isWordOrDash))
		z.mediaPort()
	case strings.IndexByte("abk", typ) >= 0 && span1(s, value, isWordDotPlusDash) >= 0:
		z.emitType()
		name := span(s, value, isWordDotPlusDash)
		z.emit(chroma.NameAttribute, name)
		if isByte(s, name, ':') {
			z.emit(chroma.Punctuation, name+1)
		}
		z.attribute()
	default:
		z.emitType()
		z.text()
	}
}

// emitType emits the type letter and "=" at the start of a line.
func (z *sdpScanner) emitType() {
	z.emit(chroma.NameTag, z.pos+1)
	z.emit(chroma.Operator, z.pos+1)
}

// space emits blanks or the line end at pos, which every per-line method
// tries first, and reports whether it did; end is true at the line end,
// where the method returns to the start of a line.
func (z *sdpScanner) space() (matched, end bool) {
	if e := eol(z.src, z.pos); e >= 0 {
		z.emit(chroma.Text, e)
		return true, true
	}
	if e := span1(z.src, z.pos, isBlank); e >= 0 {
		z.emit(chroma.Text, e)
		return true, false
	}
	return false, false
}

// numbers lexes the integers of v=, t=, r= and z=, with the d/h/m/s
// suffixes and negative offsets that r= and z= allow.
func (z *sdpScanner) numbers() {
	z.eachToken(func() bool {
		s, i := z.src, z.pos
		digits := span1(s, i, isDigit)
		if s[i] == '-' {
			digits = span1(s, i+1, isDigit)
		}
		if isByte(s, digits, 'd') || isByte(s, digits, 'h') || isByte(s, digits, 'm') || isByte(s, digits, 's') {
			digits++
		}
		if digits >= 0 && !is(s, digits, isWordOrDot) {
			z.emit(chroma.LiteralNumberInteger, digits)
			return true
		}
		z.emitWordOrRune(chroma.Text)
		return true
	})
}

// emitWordOrRune emits a run of non-space characters as t, or a single
// space character other than a blank or a line end as Text.
func (z *sdpScanner) emitWordOrRune(t chroma.TokenType) {
	if end := span1(z.src, z.pos, isNotSpace); end >= 0 {
		z.emit(t, end)
		return
	}
	z.emitRune(chroma.Text)
}

// eachToken runs step at each token of a value until the end of the line,
// emitting the blanks between tokens itself; step returns false to hand
// the rest of the line to another state.
func (z *sdpScanner) eachToken(step func() bool) {
	for z.pos < len(z.src) {
		if matched, end := z.space(); end {
			return
		} else if matched {
			continue
		}
		if !step() {
			return
		}
	}
}
