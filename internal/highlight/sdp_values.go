package highlight

import "github.com/alecthomas/chroma/v2"

// address lexes o= (after the user name) and c=: session ids, network and
// address types, and the address with an optional /ttl/count.
func (z *sdpScanner) address() {
	z.eachToken(func() bool {
		s, i := z.src, z.pos
		switch {
		case z.emitKeyword(false):
		case ipv6End(s, i) >= 0:
			z.emit(chroma.NameConstant, ipv6End(s, i))
		case ipv4End(s, i) >= 0 && !is(s, ipv4End(s, i), isWordOrDot):
			z.emit(chroma.NameConstant, ipv4End(s, i))
		case span1(s, i, isDigit) >= 0 && !is(s, span(s, i, isDigit), isWordOrDot):
			z.emit(chroma.LiteralNumberInteger, span(s, i, isDigit))
		case s[i] == '/':
			z.emit(chroma.Operator, i+1)
		case is(s, i, isAlnum):
			z.emit(chroma.NameConstant, span(s, i+1, isWordDotDash))
		default:
			z.emitRune(chroma.Text)
		}
		return true
	})
}

// emitKeyword emits "IN" as a Keyword or "IP4" or "IP6" as a KeywordType,
// standing alone. In attributes (standalone is true) they must not follow
// a word character either.
func (z *sdpScanner) emitKeyword(standalone bool) bool {
	s, i := z.src, z.pos
	if standalone && after(s, i, isWordDotDash) {
		return false
	}
	if end := lit(s, i, "IN"); end >= 0 && !is(s, end, isWordDotDash) {
		z.emit(chroma.Keyword, end)
		return true
	}
	if end := lit(s, i, "IP"); (isByte(s, end, '4') || isByte(s, end, '6')) && !is(s, end+1, isWordDotDash) {
		z.emit(chroma.KeywordType, end+1)
		return true
	}
	return false
}

// mediaPort lexes the port (and /count) of m=<media> <port> <proto>
// <fmt> ..., then hands over to mediaProto at the first word. The three
// positional parts are separate states so that the transport protocol and
// the format list can be told apart.
func (z *sdpScanner) mediaPort() {
	z.eachToken(func() bool {
		s, i := z.src, z.pos
		switch {
		case is(s, i, isDigit):
			z.emit(chroma.LiteralNumberInteger, span(s, i, isDigit))
		case s[i] == '/':
			z.emit(chroma.Operator, i+1)
		case is(s, i, isLetter):
			z.emit(chroma.KeywordReserved, span(s, i+1, isWordDotDash))
			z.mediaProto()
			return false
		default:
			z.emitRune(chroma.Text)
		}
		return true
	})
}

// mediaProto lexes the transport protocol ("RTP/AVP") and hands over to
// mediaFormats at the blank after it.
func (z *sdpScanner) mediaProto() {
	for z.pos < len(z.src) {
		s, i := z.src, z.pos
		if end := eol(s, i); end >= 0 {
			z.emit(chroma.Text, end)
			return
		}
		switch {
		case s[i] == '/':
			z.emit(chroma.Operator, i+1)
		case is(s, i, isLetter):
			z.emit(chroma.KeywordReserved, span(s, i+1, isWordDotDash))
		case isBlank(rune(s[i])):
			z.emit(chroma.Text, span(s, i, isBlank))
			z.mediaFormats()
			return
		default:
			z.emitRune(chroma.Text)
		}
	}
}

// mediaFormats lexes the format list: payload type numbers or names.
func (z *sdpScanner) mediaFormats() {
	z.eachToken(func() bool {
		s, i := z.src, z.pos
		if end := span1(s, i, isDigit); end >= 0 && !is(s, end, isWordDotDash) {
			z.emit(chroma.LiteralNumberInteger, end)
			return true
		}
		z.emitWordOrRune(chroma.LiteralString)
		return true
	})
}

// text lexes the free text of s=, i=, u=, e=, p= and unknown types.
func (z *sdpScanner) text() {
	z.eachToken(func() bool {
		if end := span1(z.src, z.pos, isNotLineBreak); end >= 0 {
			z.emit(chroma.LiteralString, end)
			return true
		}
		z.emitRune(chroma.Text)
		return true
	})
}

// attribute lexes a=, b= and k= values after "name:": rtpmap, fmtp,
// candidate, fingerprint and friends, classified by shape.
func (z *sdpScanner) attribute() {
	z.eachToken(func() bool {
		s, i := z.src, z.pos
		switch {
		case fingerprintEnd(s, i) >= 0:
			z.emit(chroma.LiteralNumberHex, fingerprintEnd(s, i))
		case z.emitKeyword(true):
		case ipv6End(s, i) >= 0:
			z.emit(chroma.NameConstant, ipv6End(s, i))
		case ipv4End(s, i) >= 0 && !is(s, ipv4End(s, i), isWordOrDot):
			z.emit(chroma.NameConstant, ipv4End(s, i))
		case z.emitNameEquals():
		case z.emitNumber():
		case s[i] == '/':
			z.emit(chroma.Operator, i+1)
		case s[i] == ';' || s[i] == ':' || s[i] == ',':
			z.emit(chroma.Punctuation, i+1)
		case span1(s, i, isAttributeWordChar) >= 0:
			z.emit(chroma.LiteralString, span(s, i, isAttributeWordChar))
		default:
			z.emitRune(chroma.Text)
		}
		return true
	})
}

// isAttributeWordChar is [^\s/;:=,].
func isAttributeWordChar(r rune) bool {
	switch r {
	case '/', ';', ':', '=', ',':
		return false
	}
	return !isSpace(r)
}

// fingerprintEnd returns the end of a certificate fingerprint at s[i]
// (eight to sixty-four hex pairs joined by colons), or -1.
func fingerprintEnd(s string, i int) int {
	pairs := 0
	for pairs < 63 && isHexPair(s, i) && isByte(s, i+2, ':') {
		i, pairs = i+3, pairs+1
	}
	if pairs < 7 || !isHexPair(s, i) || is(s, i+2, isWordOrColon) {
		return -1
	}
	return i + 2
}

// isHexPair reports whether two hex digits start at s[i].
func isHexPair(s string, i int) bool { return is(s, i, isHex) && is(s, i+1, isHex) }

// emitNameEquals emits "name=" before a value, as in fmtp parameters.
func (z *sdpScanner) emitNameEquals() bool {
	s, i := z.src, z.pos
	name := span1(s, i, isWordDotPlusDash)
	if !isByte(s, name, '=') || !is(s, name+1, isValueStart) {
		return false
	}
	z.emit(chroma.NameAttribute, name)
	z.emit(chroma.Operator, name+1)
	return true
}

// isValueStart is [^\s=].
func isValueStart(r rune) bool { return r != '=' && !isSpace(r) }

// emitNumber emits an integer or a decimal standing alone.
func (z *sdpScanner) emitNumber() bool {
	s, i := z.src, z.pos
	digits := span1(s, i, isDigit)
	if digits < 0 {
		return false
	}
	if fraction := span1(s, digits+1, isDigit); isByte(s, digits, '.') && fraction >= 0 && !is(s, fraction, isWordDotDash) {
		z.emit(chroma.LiteralNumberFloat, fraction)
		return true
	}
	if !is(s, digits, isWordDotDash) {
		z.emit(chroma.LiteralNumberInteger, digits)
		return true
	}
	return false
}
