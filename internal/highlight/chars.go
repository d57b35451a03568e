package highlight

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The matchers in this file and those built on them return the end of what
// they match, or -1 when it is not there. Every helper taking a position
// accepts -1 and fails, so that a chain of matches needs one check at the
// end rather than one per step.
//
// The character classes below are those of the regular expressions the
// lexers were first written with, with regexp2's meanings (the engine chroma
// uses): \s, \d and \w are Unicode-aware there, so they are here too, and
// the lexers colour any input exactly as the regular expressions did.

// isBlank is [ \t], the only whitespace SIP allows inside a line.
func isBlank(r rune) bool { return r == ' ' || r == '\t' }

// isLetter is [A-Za-z].
func isLetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

// isAlnum is [A-Za-z0-9].
func isAlnum(r rune) bool { return isLetter(r) || '0' <= r && r <= '9' }

// isHex is [0-9A-Fa-f].
func isHex(r rune) bool { return '0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F' }

// isTokenChar is one character of an RFC 3261 token, the grammar of method,
// header and parameter names.
func isTokenChar(r rune) bool {
	switch r {
	case '.', '!', '%', '*', '_', '+', '`', '\'', '~', '-':
		return true
	}
	return isAlnum(r)
}

// isFoldedTokenChar is isTokenChar as a case-insensitive pattern sees it:
// regexp2 adds every case variant of a letter, which for ASCII brings in
// only the long s and the Kelvin sign.
func isFoldedTokenChar(r rune) bool { return isTokenChar(r) || r == 'ſ' || r == 'K' }

// isSpace is \s.
func isSpace(r rune) bool { return unicode.IsSpace(r) }

// isNotSpace is \S.
func isNotSpace(r rune) bool { return !unicode.IsSpace(r) }

// isDigit is \d: any Unicode decimal digit, not only ASCII ones.
func isDigit(r rune) bool { return unicode.IsDigit(r) }

// isWord is \w: letters, non-spacing marks, decimal digits, connector
// punctuation and the zero-width (non-)joiner.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return isAlnum(r) || r == '_'
	}
	return unicode.In(r, unicode.L, unicode.Mn, unicode.Nd, unicode.Pc) || r == '\u200c' || r == '\u200d'
}

// isWordOrColon is [\w:].
func isWordOrColon(r rune) bool { return r == ':' || isWord(r) }

// isWordOrColonOrDot is [\w:.].
func isWordOrColonOrDot(r rune) bool { return r == '.' || isWordOrColon(r) }

// isWordOrDot is [\w.], the end of a number or address in SDP.
func isWordOrDot(r rune) bool { return r == '.' || isWord(r) }

// isWordDotDash is [\w.-], the end of a word in SDP and in SIP values.
func isWordDotDash(r rune) bool { return r == '.' || r == '-' || isWord(r) }

// isWordOrDash is [\w-].
func isWordOrDash(r rune) bool { return r == '-' || isWord(r) }

// isWordDotPlusDash is [\w.+-], the characters of media subtypes and of SDP
// attribute and parameter names.
func isWordDotPlusDash(r rune) bool { return r == '+' || isWordDotDash(r) }

// isNotNewline is ".", which matches anything but a line feed.
func isNotNewline(r rune) bool { return r != '\n' }

// isNotLineBreak is [^\r\n].
func isNotLineBreak(r rune) bool { return r != '\r' && r != '\n' }

// runeAt decodes the rune at s[i], which must exist. The lexers only see
// valid UTF-8 (Tokenise replaces invalid bytes first).
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// is reports whether a rune starts at s[i] and is in class.
func is(s string, i int, class func(rune) bool) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	r, _ := runeAt(s, i)
	return class(r)
}

// isByte reports whether s[i] exists and is c.
func isByte(s string, i int, c byte) bool { return 0 <= i && i < len(s) && s[i] == c }

// after reports whether the rune before s[i] is in class, as a look-behind
// does; at the start of s there is none.
func after(s string, i int, class func(rune) bool) bool {
	if i <= 0 || i > len(s) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return class(r)
}

// span returns the end of the run of class runes starting at s[i], which is
// i itself when there is none.
func span(s string, i int, class func(rune) bool) int {
	for 0 <= i && i < len(s) {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !class(r) {
			break
		}
		i += n
	}
	return i
}

// span1 is span for "class+": it returns -1 unless the run is non-empty.
func span1(s string, i int, class func(rune) bool) int {
	if end := span(s, i, class); end > i {
		return end
	}
	return -1
}

// spanN is span for "class{1,n}": at most n runes, at least one.
func spanN(s string, i, n int, class func(rune) bool) int {
	end := i
	for k := 0; k < n && 0 <= end && end < len(s); k++ {
		r, w := runeAt(s, end)
		if !class(r) {
			break
		}
		end += w
	}
	if end == i {
		return -1
	}
	return end
}

// lit returns the end of word if s continues with it at i, or -1.
func lit(s string, i int, word string) int {
	if 0 <= i && i <= len(s) && strings.HasPrefix(s[i:], word) {
		return i + len(word)
	}
	return -1
}

// foldLit is lit for a lower-case ASCII word that starts with a letter,
// matched case-insensitively the way regexp2 does it: each letter also
// matches every rune in its Unicode case orbit (so "ſ" counts as an "s",
// but a dotted "İ" is not an "i").
func foldLit(s string, i int, word string) int {
	if 0 <= i && i < len(s) && s[i] < utf8.RuneSelf && s[i]|('a'-'A') != word[0] {
		return -1 // the common case, decided without decoding
	}
	for k := 0; k < len(word); k++ {
		if i < 0 || i >= len(s) {
			return -1
		}
		r, n := runeAt(s, i)
		if !foldEqual(r, rune(word[k])) {
			return -1
		}
		i += n
	}
	return i
}

// foldEqual reports whether r is c or one of its case variants; c is an
// ASCII lower-case letter or another ASCII character.
func foldEqual(r, c rune) bool {
	if r < utf8.RuneSelf {
		return r == c || 'a' <= c && c <= 'z' && r == c-('a'-'A')
	}
	for f := c; ; {
		if r == f {
			return true
		}
		if f = unicode.SimpleFold(f); f == c {
			return false
		}
	}
}

// foldOneOf returns the end of the first of words that s continues with at
// i, compared as foldLit does, or -1.
func foldOneOf(s string, i int, words ...string) int {
	for _, w := range words {
		if end := foldLit(s, i, w); end >= 0 {
			return end
		}
	}
	return -1
}

// eol returns the end of a line ending (\r?\n) at s[i], or -1. Chroma turns
// CRLF into LF by default, but a caller may switch that off.
func eol(s string, i int) int {
	if i < 0 {
		return -1
	}
	if isByte(s, i, '\r') {
		i++
	}
	if isByte(s, i, '\n') {
		return i + 1
	}
	return -1
}

// atLineEnd is the multi-line "$": the end of s or just before a "\n".
func atLineEnd(s string, i int) bool { return i == len(s) || isByte(s, i, '\n') }
