package highlight

import (
	"bytes"
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// maxRunBytes is where chroma.Coalesce stops merging a run of tokens of one
// type: a run that has reached this length starts a new span.
const maxRunBytes = 8192

// writeHTML writes tokens as chroma's HTML formatter does with
// html.WithClasses(true) and every other option at its default, after
// chroma.Coalesce:
//
//	<pre class="chroma"><code><span class="line"><span class="cl"><span class="nt">Via</span>...
//	</span></span></code></pre>
//
// with one line span per line and a class span per run of tokens of one
// type, except plain Text. The tests hold the two to the same bytes. It
// exists because chroma's formatter formats each span with fmt and
// allocates several times per token, which cost several times as much as
// lexing a SIP message; this writes straight into b.
func writeHTML(b *bytes.Buffer, tokens []chroma.Token) {
	w := htmlWriter{b: b}
	b.WriteString(`<pre class="chroma"><code>`)
	for _, t := range tokens {
		w.token(t)
	}
	w.closeSpan()
	if w.inLine {
		b.WriteString(`</span></span>`)
	}
	b.WriteString(`</code></pre>`)
}

// htmlWriter is writeHTML's state between tokens.
type htmlWriter struct {
	b *bytes.Buffer
	// inLine is true between a line's opening spans and its "\n".
	inLine bool
	// runType and runBytes describe the current run of tokens that
	// chroma.Coalesce would have merged into one; class is its CSS class,
	// and inSpan is true while that class's span is open.
	runType  chroma.TokenType
	runBytes int
	class    string
	inSpan   bool

	classes classCache
}

// token writes one token, continuing the current run if Coalesce would have
// merged it into the previous one.
func (w *htmlWriter) token(t chroma.Token) {
	if t.Value == "" {
		return
	}
	if t.Type != w.runType || w.runBytes == 0 || w.runBytes >= maxRunBytes {
		w.closeSpan()
		w.runType, w.runBytes, w.class = t.Type, 0, w.classes.get(t.Type)
	}
	w.runBytes += len(t.Value)
	for v := t.Value; v != ""; {
		piece := v
		if nl := strings.IndexByte(v, '\n'); nl >= 0 {
			piece = v[:nl+1]
		}
		v = v[len(piece):]
		w.piece(piece)
	}
}

// piece writes part of a token that lies within one line, including the
// "\n" that ends the line, if any.
func (w *htmlWriter) piece(p string) {
	if !w.inLine {
		w.b.WriteString(`<span class="line"><span class="cl">`)
		w.inLine = true
	}
	if w.class != "" && !w.inSpan {
		w.b.WriteString(`<span class="`)
		w.b.WriteString(w.class)
		w.b.WriteString(`">`)
		w.inSpan = true
	}
	escapeHTML(w.b, p)
	if p[len(p)-1] == '\n' {
		w.closeSpan()
		w.b.WriteString(`</span></span>`)
		w.inLine = false
	}
}

// closeSpan closes the current run's span, if it is open.
func (w *htmlWriter) closeSpan() {
	if w.inSpan {
		w.b.WriteString(`</span>`)
		w.inSpan = false
	}
}

// classCache remembers tokenClass for the token types of one block, which
// are a few dozen at most: the map lookups behind tokenClass took a tenth
// of the time of highlighting a SIP message. It is direct-mapped; a
// collision costs a lookup, never a wrong class.
type classCache [61]struct {
	t     chroma.TokenType
	class string
	set   bool
}

// get returns tokenClass(t).
func (c *classCache) get(t chroma.TokenType) string {
	e := &c[uint(t)%uint(len(c))]
	if !e.set || e.t != t {
		e.t, e.class, e.set = t, tokenClass(t), true
	}
	return e.class
}

// tokenClass is the CSS class chroma's formatter gives t: that of t or of
// its nearest ancestor in chroma.StandardTypes; "" means no span.
func tokenClass(t chroma.TokenType) string {
	for ; t != 0; t = t.Parent() {
		if class, ok := chroma.StandardTypes[t]; ok {
			return class
		}
	}
	return chroma.StandardTypes[0]
}

// escapeHTML writes s escaped as html.EscapeString does.
func escapeHTML(b *bytes.Buffer, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(esc)
		start = i + 1
	}
	b.WriteString(s[start:])
}
