package highlight

import "github.com/alecthomas/chroma/v2"

// uri emits a URI scheme at pos and lexes the rest of the URI. Schemes
// match case-insensitively and only where no token character precedes
// them, so "xsip:" or "mysip:" is not taken for a SIP URI.
func (z *sipScanner) uri() bool {
	s, i := z.src, z.pos
	if after(s, i, isFoldedTokenChar) {
		return false
	}
	if colon := schemeEnd(s, i, "sips", "sip"); colon >= 0 {
		z.emitScheme(colon)
		z.sipURI()
		return true
	}
	if colon := schemeEnd(s, i, "tel"); colon >= 0 {
		z.emitScheme(colon)
		z.telURI()
		return true
	}
	colon := schemeEnd(s, i, "https", "http", "wss", "ws", "urn", "mailto", "im", "pres", "cid", "xmpp")
	if colon < 0 {
		return false
	}
	end := span1(s, colon+1, isOpaqueURIChar)
	if end < 0 {
		return false
	}
	z.emitScheme(colon)
	z.emit(chroma.LiteralStringOther, end)
	return true
}

// schemeEnd returns the end of the first of names found at s[i] and
// followed by a colon, or -1. Names that extend others come first.
func schemeEnd(s string, i int, names ...string) int {
	for _, name := range names {
		if end := foldLit(s, i, name); isByte(s, end, ':') {
			return end
		}
	}
	return -1
}

// emitScheme emits a URI scheme ending at colon, and the colon.
func (z *sipScanner) emitScheme(colon int) {
	z.emit(chroma.NameNamespace, colon)
	z.emit(chroma.Punctuation, colon+1)
}

// isOpaqueURIChar is [^\s<>"], what other URIs are made of here.
func isOpaqueURIChar(r rune) bool { return !isSpace(r) && r != '<' && r != '>' && r != '"' }

// sipURI lexes user@host:port and the parameters and headers after it. It
// returns, without consuming it, at the first character that cannot belong
// to the URI (space, ">", ",", end of line).
func (z *sipScanner) sipURI() {
	for z.pos < len(z.src) {
		s, i := z.src, z.pos
		if at := span1(s, i, isUserChar); isByte(s, at, '@') {
			z.emit(chroma.NameVariable, at)
			z.emit(chroma.Punctuation, at+1)
			continue
		}
		if end := ipv6RefEnd(s, i); end >= 0 {
			z.emit(chroma.NameConstant, end)
			continue
		}
		if is(s, i, isAlnum) {
			z.emit(chroma.NameConstant, span(s, i+1, isHostChar))
			continue
		}
		if port := span1(s, i+1, isDigit); s[i] == ':' && port >= 0 {
			z.emit(chroma.Punctuation, i+1)
			z.emit(chroma.LiteralNumberInteger, port)
			continue
		}
		if !z.uriParams() {
			return
		}
	}
}

// isUserChar is [^\s@<>;?,"], the user part of a SIP URI.
func isUserChar(r rune) bool {
	switch r {
	case '@', '<', '>', ';', '?', ',', '"':
		return false
	}
	return !isSpace(r)
}

// telURI lexes an RFC 3966 number and the parameters after it.
func (z *sipScanner) telURI() {
	for z.pos < len(z.src) {
		if end := span1(z.src, z.pos, isTelChar); end >= 0 {
			z.emit(chroma.NameVariable, end)
			continue
		}
		if !z.uriParams() {
			return
		}
	}
}

// isTelChar is [+0-9A-Fa-f*#().-].
func isTelChar(r rune) bool {
	switch r {
	case '+', '*', '#', '(', ')', '.', '-':
		return true
	}
	return isHex(r)
}

// uriParams emits ";name=value", ";flag" or one "?name=value" or
// "&name=value" header inside a URI.
func (z *sipScanner) uriParams() bool {
	if z.params() {
		return true
	}
	s, i := z.src, z.pos
	if s[i] != '?' && s[i] != '&' {
		return false
	}
	name := span1(s, i+1, isURIHeaderNameChar)
	if !isByte(s, name, '=') {
		return false
	}
	z.emit(chroma.Punctuation, i+1)
	z.emit(chroma.NameAttribute, name)
	z.emit(chroma.Operator, name+1)
	z.paramValue()
	return true
}

// isURIHeaderNameChar is [^\s=&<>"].
func isURIHeaderNameChar(r rune) bool {
	switch r {
	case '=', '&', '<', '>', '"':
		return false
	}
	return !isSpace(r)
}

// params emits ";name=value" or ";flag", in URIs and after them.
// Parameters known to carry numbers get numeric values; the rest (tag,
// branch, ...) are opaque strings even when they happen to be all digits,
// so one parameter always looks the same.
func (z *sipScanner) params() bool {
	s, i := z.src, z.pos
	if s[i] != ';' {
		return false
	}
	start := span(s, i+1, isBlank)
	name, numeric := numericParamEnd(s, start), true
	if name < 0 {
		name, numeric = span1(s, start, isTokenChar), false
	}
	if name < 0 {
		return false
	}
	z.emit(chroma.Punctuation, i+1)
	z.emit(chroma.Text, start)
	z.emit(chroma.NameAttribute, name)
	equals := span(s, name, isBlank)
	if !isByte(s, equals, '=') {
		return true
	}
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

// numericParamEnd returns the end of the name of a parameter whose value is
// a number, followed by "=", or -1: registration and subscription
// lifetimes, q-values, TTLs, ports, and the cause codes of Reason headers
// and tel URIs. Requiring the "=" keeps "q" from matching the start of
// "qop".
func numericParamEnd(s string, i int) int {
	for _, name := range [...]string{"expires", "q", "ttl", "rport", "duration", "cause", "retry-after", "max-age"} {
		if end := foldLit(s, i, name); isByte(s, span(s, end, isBlank), '=') {
			return end
		}
	}
	return -1
}

// paramValue emits the single value after "name=", wherever the parameter
// appears, or nothing when the value is empty.
func (z *sipScanner) paramValue() {
	s, i := z.src, z.pos
	if end := quotedEnd(s, i); end >= 0 {
		z.emit(chroma.LiteralStringDouble, end)
		return
	}
	if isByte(s, i, '"') { // left open to the end of the line
		z.emit(chroma.LiteralStringDouble, span(s, i, isNotNewline))
		return
	}
	if end := ipv4End(s, i); end >= 0 && !is(s, end, isWordDotDash) {
		z.emit(chroma.NameConstant, end)
		return
	}
	if end := ipv6RefEnd(s, i); end >= 0 {
		z.emit(chroma.NameConstant, end)
		return
	}
	z.emit(chroma.LiteralString, span(s, i, isValueChar))
}

// numericValue is paramValue for parameters such as expires and q, whose
// values are numbers when they are all digits, with at most one dot.
func (z *sipScanner) numericValue() {
	s, i := z.src, z.pos
	if digits := span1(s, i, isDigit); digits >= 0 {
		if fraction := span1(s, digits+1, isDigit); isByte(s, digits, '.') && fraction >= 0 && !is(s, fraction, isValueChar) {
			z.emit(chroma.LiteralNumberFloat, fraction)
			return
		}
		if !is(s, digits, isValueChar) {
			z.emit(chroma.LiteralNumberInteger, digits)
			return
		}
	}
	z.paramValue()
}

// isValueChar is [^\s;,?&<>"], what a parameter value is made of.
func isValueChar(r rune) bool {
	switch r {
	case ';', ',', '?', '&', '<', '>', '"':
		return false
	}
	return !isSpace(r)
}
