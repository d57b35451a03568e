package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// headerValue lexes the rest of a header after its colon, including folded
// continuation lines that start with whitespace. It returns after the line
// end.
//
// The checks are in the order the regular expressions were: separators
// first, except ";" and "[" which open parameters and IPv6 references, and
// every shape that starts like a token before the plain token.
func (z *sipScanner) headerValue() {
	for z.pos < len(z.src) {
		s, i := z.src, z.pos
		if end := eol(s, i); end >= 0 {
			if fold := span1(s, end, isBlank); fold >= 0 {
				z.emit(chroma.Text, fold)
				continue
			}
			z.emit(chroma.Text, end)
			return
		}
		if end := span1(s, i, isBlank); end >= 0 {
			z.emit(chroma.Text, end)
			continue
		}
		if strings.IndexByte(`<>,:/?&@=\]{}`, s[i]) >= 0 {
			z.emit(chroma.Punctuation, i+1)
			continue
		}
		if z.params() {
			continue
		}
		if end := quotedEnd(s, i); end >= 0 {
			z.emit(chroma.LiteralStringDouble, end)
			continue
		}
		word := span1(s, i, isTokenChar)
		if z.uri() || z.nameValue(word) || z.tokenShape(word) {
			continue
		}
		if s[i] == '"' { // a quote left open to the end of the line
			z.emit(chroma.LiteralStringDouble, span(s, i, isNotNewline))
			continue
		}
		if end := commentEnd(s, i); end >= 0 {
			z.emit(chroma.Comment, end)
			continue
		}
		if end := ipv6RefEnd(s, i); end >= 0 {
			z.emit(chroma.NameConstant, end)
			continue
		}
		if s[i] == ';' || s[i] == '[' {
			z.emit(chroma.Punctuation, i+1)
			continue
		}
		z.emitRune(chroma.Text)
	}
}

// nameValue emits "name=" and its value, as in a Via header's "received="
// outside any URI; word is the end of the token at pos, or -1.
func (z *sipScanner) nameValue(word int) bool {
	s, i := z.src, z.pos
	name, numeric := numericParamEnd(s, i), true
	if name < 0 {
		name, numeric = word, false
	}
	if name < 0 {
		return false
	}
	equals := span(s, name, isBlank)
	if !isByte(s, equals, '=') {
		return false
	}
	z.emit(chroma.NameAttribute, name)
	z.emit(chroma.Text, equals)
	z.emit(chroma.Operator, equals+1)
	z.emit(chroma.Text, span(s, equals+1, isBlank))
	if numeric {
		z.numericValue()
	} else {
		z.paramValue()
	}
	return true
}

// tokenShape emits a word that starts like a token: "local@host" (as in a
// Call-ID), a SIP version with or without a transport, a media type, an
// authentication scheme, or any other token classified by sipWordType.
// word is the end of the token at pos, or -1.
func (z *sipScanner) tokenShape(word int) bool {
	s, i := z.src, z.pos
	if at := word; isByte(s, at, '@') {
		host := ipv6RefEnd(s, at+1)
		if host < 0 && is(s, at+1, isAlnum) {
			host = span(s, at+1, isHostChar)
		}
		if host >= 0 {
			z.emit(chroma.NameVariable, at)
			z.emit(chroma.Punctuation, at+1)
			z.emit(chroma.NameConstant, host)
			return true
		}
	}
	if end := versionEnd(s, i); end >= 0 {
		z.emitVersion(end)
		if transport := span1(s, end+1, isTokenChar); isByte(s, end, '/') && transport >= 0 {
			z.emit(chroma.Operator, end+1) // SIP/2.0/UDP
			z.emit(chroma.KeywordReserved, transport)
		}
		return true
	}
	if slash := foldOneOf(s, i, "application", "text", "multipart", "message", "image", "audio", "video", "model", "font"); isByte(s, slash, '/') {
		if end := span1(s, slash+1, isWordDotPlusDash); end >= 0 {
			z.emit(chroma.NameBuiltin, slash)
			z.emit(chroma.Operator, slash+1)
			z.emit(chroma.NameBuiltin, end)
			return true
		}
	}
	if end := authSchemeEnd(s, i); end >= 0 {
		z.emit(chroma.Keyword, end)
		return true
	}
	if word >= 0 {
		z.emit(sipWordType(s[i:word]), word)
		return true
	}
	return false
}

// isHostChar is [A-Za-z0-9.-].
func isHostChar(r rune) bool { return isAlnum(r) || r == '.' || r == '-' }

// authSchemeEnd returns the end of an authentication scheme at s[i], or -1.
// A scheme counts only when a "name=" parameter follows, so a Subject that
// starts with "Basic" stays text.
func authSchemeEnd(s string, i int) int {
	if after(s, i, isTokenChar) {
		return -1
	}
	for _, scheme := range [...]string{"Digest", "Basic", "Bearer", "AKAv1-MD5", "AKAv2-MD5", "NTLM", "Kerberos"} {
		end := lit(s, i, scheme)
		if end < 0 {
			continue
		}
		name := span1(s, span1(s, end, isBlank), isTokenChar)
		if name >= 0 && isByte(s, span(s, name, isBlank), '=') {
			return end
		}
	}
	return -1
}

// quotedEnd returns the end of a double-quoted string with backslash
// escapes at s[i], or -1 if there is none or it is left open.
func quotedEnd(s string, i int) int { return delimitedEnd(s, i, '"', '"') }

// commentEnd returns the end of a parenthesised comment, as in a
// User-Agent or Server header, at s[i], or -1.
func commentEnd(s string, i int) int { return delimitedEnd(s, i, '(', ')') }

// delimitedEnd returns the end of open ... close on one line at s[i], where
// a backslash escapes the next character and an unescaped open may not
// appear inside, or -1. Bytes are enough: no UTF-8 continuation byte is
// ASCII.
func delimitedEnd(s string, i int, open, close byte) int {
	if !isByte(s, i, open) {
		return -1
	}
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case close:
			return j + 1
		case open, '\n':
			return -1
		case '\\':
			if j+1 == len(s) || s[j+1] == '\n' {
				return -1
			}
			j++
		}
	}
	return -1
}
