package highlight

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// handLexer is a chroma.Lexer whose tokeniser is Go code rather than a table
// of regular expressions. Chroma's regexp2 lexers convert the text to runes,
// try rule after rule with a backtracking engine and allocate for every
// match; a SIP message took about 2 ms that way. The hand-written scanners
// make one pass, emit tokens that are substrings of the input, and
// reproduce the token stream of the rules they replaced (the tests keep
// those rules as the reference).
type handLexer struct {
	config *chroma.Config
	// scan appends the tokens of text, which has valid UTF-8 and the line
	// endings the options asked for, to out; the lexer is passed for its
	// registry.
	scan     func(l *handLexer, text string, out []chroma.Token) []chroma.Token
	registry *chroma.LexerRegistry
	analyser func(text string) float32
}

// Config implements chroma.Lexer.
func (l *handLexer) Config() *chroma.Config { return l.config }

// SetRegistry implements chroma.Lexer. The SIP lexer finds the XML lexer
// for message bodies in this registry, as a regexp lexer's Using would.
func (l *handLexer) SetRegistry(registry *chroma.LexerRegistry) chroma.Lexer {
	l.registry = registry
	return l
}

// SetAnalyser implements chroma.Lexer.
func (l *handLexer) SetAnalyser(analyser func(text string) float32) chroma.Lexer {
	l.analyser = analyser
	return l
}

// AnalyseText implements chroma.Lexer; without an analyser it claims no
// text, so lexers.Analyse never picks these lexers by guesswork.
func (l *handLexer) AnalyseText(text string) float32 {
	if l.analyser != nil {
		return l.analyser(text)
	}
	return 0
}

// Tokenise implements chroma.Lexer. The tokens are produced at once; the
// iterator only hands them out.
func (l *handLexer) Tokenise(options *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	tokens, err := l.appendTokens(nil, options, text)
	if err != nil {
		return nil, err
	}
	return chroma.Literator(tokens...), nil
}

// appendTokens appends the tokens of text to out, which Highlight reuses
// from block to block. Like chroma's own lexers it normalises line endings
// unless the options say otherwise (nil options mean chroma's defaults),
// and it sees invalid UTF-8 as U+FFFD, rune by rune, as chroma's conversion
// to runes does.
func (l *handLexer) appendTokens(out []chroma.Token, options *chroma.TokeniseOptions, text string) ([]chroma.Token, error) {
	ensureLF := true
	if options != nil {
		if options.State != "" && options.State != "root" {
			return nil, fmt.Errorf("%s lexer: no state %q", l.config.Name, options.State)
		}
		ensureLF = options.EnsureLF
	}
	if ensureLF && strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	if !utf8.ValidString(text) {
		text = string([]rune(text))
	}
	if out == nil {
		// Room for the typical density of a SIP message, one token per
		// three bytes.
		out = make([]chroma.Token, 0, len(text)/3+8)
	}
	return l.scan(l, text, out), nil
}

// tokens collects the tokens of one text. Every token is a substring of the
// text, so emitting one costs no allocation beyond the slice.
type tokens struct {
	src string
	pos int
	out []chroma.Token
}

// emit ends the current token at end: src[pos:end] becomes a token of type
// t, unless it is empty, and pos moves to end.
func (z *tokens) emit(t chroma.TokenType, end int) {
	if end > z.pos {
		z.out = append(z.out, chroma.Token{Type: t, Value: z.src[z.pos:end]})
	}
	z.pos = end
}

// emitRune emits the single rune at pos as t, the regular expressions' "."
// catch-all.
func (z *tokens) emitRune(t chroma.TokenType) {
	_, n := runeAt(z.src, z.pos)
	z.emit(t, z.pos+n)
}
