package highlight

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

// Highlighter renders code blocks to HTML with CSS classes (never inline
// styles). It is built once per program: the stylesheet is fixed at
// construction, and a block's lexer is found by the language's name alone,
// never by chroma's content analysers. A Highlighter is safe for
// concurrent use.
type Highlighter struct {
	css   []byte
	plain chroma.Lexer

	memo memo

	// scratch holds *scratch values, so that highlighting a block
	// allocates little more than its HTML.
	scratch sync.Pool
}

// New returns a Highlighter ready for use.
func New() *Highlighter {
	return &Highlighter{
		css:     buildCSS(palette()),
		plain:   lookup("text"),
		scratch: sync.Pool{New: func() any { return new(scratch) }},
	}
}

// Highlight writes code as HTML: <pre class="chroma"><code>...</code></pre>
// with class-based spans. lang is the fenced block's info word ("sip",
// "sdp", "xml", "c", "go", "java", "csharp", "js"), matched
// case-insensitively against the names and aliases of the package's lexers
// (see Languages); an unknown or empty lang writes the code escaped without
// token spans. Line endings are normalised to LF.
//
// The HTML is the same as chroma's HTML formatter writes in class mode
// (see writeHTML). It is assembled in memory and written with one Write, so
// a failing writer is reported and w sees either the whole block or an
// error.
//
// Each block is highlighted once per Highlighter: the HTML is kept and
// written again for the same language and code.
func (h *Highlighter) Highlight(w io.Writer, lang, code string) error {
	key := memoKey{strings.ToLower(strings.TrimSpace(lang)), code}
	if html, ok := h.memo.get(key); ok {
		_, err := w.Write(html)
		return err
	}
	sc := h.scratch.Get().(*scratch)
	defer h.scratch.Put(sc)
	html, err := sc.render(h.lexer(lang), code)
	if err != nil {
		return fmt.Errorf("highlight %q block: %w", lang, err)
	}
	h.memo.put(key, html)
	_, err = w.Write(html)
	return err
}

// scratch is the memory Highlight reuses from block to block: the tokens
// and the HTML under construction.
type scratch struct {
	tokens []chroma.Token
	html   bytes.Buffer
}

// render returns the HTML for code as l lexes it, in a new slice that the
// memo can keep. The package's own lexers append straight to the reused
// token slice; others are drained into it from their iterator.
func (sc *scratch) render(l chroma.Lexer, code string) ([]byte, error) {
	var err error
	if hl, ok := l.(*handLexer); ok {
		sc.tokens, err = hl.appendTokens(sc.tokens[:0], nil, code)
	} else {
		var it chroma.Iterator
		if it, err = l.Tokenise(nil, code); err == nil {
			sc.tokens = sc.tokens[:0]
			for t := it(); t != chroma.EOF; t = it() {
				sc.tokens = append(sc.tokens, t)
			}
		}
	}
	if err != nil {
		return nil, err
	}
	sc.html.Reset()
	writeHTML(&sc.html, sc.tokens)
	clear(sc.tokens) // keep no reference to code in the pool
	return bytes.Clone(sc.html.Bytes()), nil
}

// lexer returns the lexer for lang, or the plain one.
func (h *Highlighter) lexer(lang string) chroma.Lexer {
	if l := lookup(lang); l != nil {
		return l
	}
	return h.plain
}
