package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// maxBodyRunLines caps the lines handed to the SDP or XML lexer at once; a
// longer body is lexed as several runs. The regular expressions this lexer
// replaced needed the cap to stay clear of regexp2's match timeout, and it
// is kept because the XML lexer is still one of those.
const maxBodyRunLines = 256

// body lexes a message body, which follows a blank line. It hands runs of
// SDP lines to the SDP lexer and runs of XML to the XML lexer, and returns
// at a line that starts a new message or a header fragment.
func (z *sipScanner) body() {
	for z.pos < len(z.src) {
		s, i := z.src, z.pos
		if isMessageStart(s, i) {
			return
		}
		if end := eol(s, i); end >= 0 {
			z.emit(chroma.Text, end)
			continue
		}
		if is(s, i, isLetter) && isByte(s, i+1, '=') {
			z.sdp(bodyRunEnd(s, i))
			continue
		}
		if tag := span(s, i, isBlank); isByte(s, tag, '<') && is(s, tag+1, isXMLStart) {
			z.xml(bodyRunEnd(s, i))
			continue
		}
		z.emit(chroma.Text, lineEnd(s, i))
	}
}

// isMessageStart reports whether a request line, a status line or a header
// line starts at s[i].
func isMessageStart(s string, i int) bool {
	return isRequestLine(s, i) || statusLineEnd(s, i) >= 0 || isHeaderLine(s, i)
}

// isXMLStart is what may follow "<" at the start of XML: "?", "!", or the
// first character of a name.
func isXMLStart(r rune) bool { return r == '?' || r == '!' || r == '_' || isLetter(r) }

// bodyRunEnd returns the end of the run of whole lines from s[i] that stops
// before any line that starts a new message or a header fragment.
func bodyRunEnd(s string, i int) int {
	for range maxBodyRunLines {
		if i == len(s) || isMessageStart(s, i) {
			break
		}
		if nl := strings.IndexByte(s[i:], '\n'); nl >= 0 {
			i += nl + 1
		} else {
			i = len(s)
		}
	}
	return i
}

// sdp hands the body run up to end to the SDP scanner.
func (z *sipScanner) sdp(end int) {
	sub := sdpScanner{tokens: tokens{src: z.src[z.pos:end], out: z.out}}
	sub.run()
	z.out, z.pos = sub.out, end
}

// xml hands the body run up to end to the XML lexer, found in the
// registry this lexer is registered in. Without one, or if it fails, the
// run is plain text: a missing lexer costs colour, not the block.
func (z *sipScanner) xml(end int) {
	var xml chroma.Lexer
	if z.lexer.registry != nil {
		xml = z.lexer.registry.Get("XML")
	}
	if xml != nil {
		it, err := xml.Tokenise(&chroma.TokeniseOptions{State: "root", Nested: true}, z.src[z.pos:end])
		if err == nil {
			for t := it(); t != chroma.EOF; t = it() {
				z.out = append(z.out, t)
			}
			z.pos = end
			return
		}
	}
	z.emit(chroma.Text, end)
}
