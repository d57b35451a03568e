package highlight

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
)

// maxCachedLangs bounds the lexer cache so that a stream of odd info words
// cannot grow it without limit; real sites use a handful of languages.
const maxCachedLangs = 256

// Highlighter renders code blocks to HTML with CSS classes (never inline
// styles). It is built once per program: the formatter, the style it is
// handed and the stylesheet are fixed at construction, and lexers are
// looked up by name once per language and then reused, so highlighting a
// block never runs chroma's content analysers. A Highlighter is safe for
// concurrent use.
type Highlighter struct {
	formatter *html.Formatter
	// style is required by the formatter's API; in class mode it only
	// decides which classes exist, never the colours, which live in css.
	style *chroma.Style
	css   []byte
	plain chroma.Lexer

	mu     sync.RWMutex
	lexers map[string]chroma.Lexer

	memo memo
}

// New returns a Highlighter ready for use.
func New() *Highlighter {
	return &Highlighter{
		formatter: html.New(html.WithClasses(true)),
		style:     chroma.MustNewStyle("sipcodes", chroma.StyleEntries{chroma.Background: "bg:#f6f8fa"}),
		css:       buildCSS(palette()),
		plain:     chroma.Coalesce(lexers.Fallback),
		lexers:    map[string]chroma.Lexer{},
	}
}

// Highlight writes code as HTML: <pre class="chroma"><code>...</code></pre>
// with class-based spans. lang is the fenced block's info word ("sip",
// "sdp", "go", "c", "java", "csharp", "js", ...), matched case-insensitively
// against chroma's lexer names and aliases; an unknown or empty lang writes
// the code escaped without token spans. Line endings are normalised to LF.
//
// The HTML is assembled in memory and written with one Write, so a failing
// writer is reported (chroma's formatter ignores write errors) and w sees
// either the whole block or an error.
//
// Each block is highlighted once per Highlighter: the HTML is kept and
// written again for the same language and code.
func (h *Highlighter) Highlight(w io.Writer, lang, code string) error {
	key := memoKey{strings.ToLower(strings.TrimSpace(lang)), code}
	if html, ok := h.memo.get(key); ok {
		_, err := w.Write(html)
		return err
	}
	it, err := h.lexer(lang).Tokenise(nil, code)
	if err != nil {
		return fmt.Errorf("highlight %q block: %w", lang, err)
	}
	var buf bytes.Buffer
	buf.Grow(2*len(code) + 64)
	if err := h.formatter.Format(&buf, h.style, it); err != nil {
		return fmt.Errorf("highlight %q block: %w", lang, err)
	}
	h.memo.put(key, buf.Bytes())
	_, err = w.Write(buf.Bytes())
	return err
}

// lexer returns the cached lexer for lang, resolving and caching it on
// first use. Lexers are wrapped in chroma.Coalesce so that runs of one token
// type become one span and empty tokens disappear from the HTML.
func (h *Highlighter) lexer(lang string) chroma.Lexer {
	key := strings.ToLower(strings.TrimSpace(lang))
	h.mu.RLock()
	l, ok := h.lexers[key]
	h.mu.RUnlock()
	if ok {
		return l
	}
	l = h.plain
	if key != "" {
		if found := lexers.Get(key); found != nil {
			l = chroma.Coalesce(found)
		}
	}
	h.mu.Lock()
	if len(h.lexers) < maxCachedLangs {
		h.lexers[key] = l
	}
	h.mu.Unlock()
	return l
}
