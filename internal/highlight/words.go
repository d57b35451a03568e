package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// emitSIPWord emits one whole RFC 3261 token from a header value with the
// type its shape calls for. Classifying in Go, rather than with one regexp
// rule per shape, saves chroma trying half a dozen patterns on every word
// of every header, and matching whole tokens gives each shape the same
// boundaries for free.
func emitSIPWord(groups []string, _ *chroma.LexerState) chroma.Iterator {
	return chroma.Literator(chroma.Token{Type: sipWordType(groups[0]), Value: groups[0]})
}

// sipWordType classifies a token from a header value: a method name (as in
// CSeq or Allow), a number, a dotted version, an IPv4 address or a host
// name; anything else is plain text.
func sipWordType(word string) chroma.TokenType {
	switch word {
	case "INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "PRACK",
		"SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE":
		return chroma.NameFunction
	}
	labels := strings.Split(word, ".")
	if allDigits(labels) {
		switch {
		case len(labels) == 1:
			return chroma.LiteralNumberInteger
		case len(labels) == 2:
			return chroma.LiteralNumberFloat
		case len(labels) == 4 && shortLabels(labels, 3):
			return chroma.NameConstant // 192.0.2.1
		default:
			return chroma.LiteralNumber // a version such as 2.1.3
		}
	}
	if isHostname(labels) {
		return chroma.NameConstant
	}
	return chroma.Text
}

// allDigits reports whether every label is a non-empty run of ASCII digits.
func allDigits(labels []string) bool {
	for _, l := range labels {
		if l == "" || strings.Trim(l, "0123456789") != "" {
			return false
		}
	}
	return true
}

// shortLabels reports whether no label is longer than n characters.
func shortLabels(labels []string, n int) bool {
	for _, l := range labels {
		if len(l) > n {
			return false
		}
	}
	return true
}

// isHostname reports whether labels form a dotted DNS name: two or more
// non-empty labels of letters, digits and hyphens, the last starting with
// a letter so that "1.0" or "v2.0b" style versions are not taken for hosts.
func isHostname(labels []string) bool {
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || strings.TrimLeft(l, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != "" {
			return false
		}
	}
	last := labels[len(labels)-1][0]
	return 'a' <= last && last <= 'z' || 'A' <= last && last <= 'Z'
}
