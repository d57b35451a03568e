package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// sipWordType classifies a whole RFC 3261 token from a header value: a
// method name (as in CSeq or Allow), a number, a dotted version, an IPv4
// address or a host name; anything else is plain text. Classifying whole
// tokens gives every shape the same boundaries. It walks the dot-separated
// labels in place, because it runs on nearly every word of every header.
func sipWordType(word string) chroma.TokenType {
	switch word {
	case "INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "PRACK",
		"SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE":
		return chroma.NameFunction
	}
	labels, digits, short, hostLabels := 0, true, true, true
	last := ""
	for rest, more := word, true; more; {
		last, rest, more = strings.Cut(rest, ".")
		labels++
		digits = digits && last != "" && all(last, isASCIIDigit)
		short = short && len(last) <= 3
		hostLabels = hostLabels && last != "" && all(last, isHostLabelChar)
	}
	switch {
	case digits && labels == 1:
		return chroma.LiteralNumberInteger
	case digits && labels == 2:
		return chroma.LiteralNumberFloat
	case digits && labels == 4 && short:
		return chroma.NameConstant // 192.0.2.1
	case digits:
		return chroma.LiteralNumber // a version such as 2.1.3
	case hostLabels && labels >= 2 && isLetter(rune(last[0])):
		// A dotted DNS name. The last label must start with a letter so
		// that "1.0" or "v2.0b" style versions are not taken for hosts.
		return chroma.NameConstant
	}
	return chroma.Text
}

// all reports whether every rune of s is in class.
func all(s string, class func(rune) bool) bool { return span(s, 0, class) == len(s) }

// isASCIIDigit is [0-9].
func isASCIIDigit(r rune) bool { return '0' <= r && r <= '9' }

// isHostLabelChar is [A-Za-z0-9-].
func isHostLabelChar(r rune) bool { return isAlnum(r) || r == '-' }
