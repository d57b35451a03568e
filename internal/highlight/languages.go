package highlight

import (
	"sort"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

// registry holds the package's own lexers, and only them. Chroma's lexers
// package would offer hundreds more, but it builds all of them when the
// program starts, which took 10 to 18 ms of every build, more than any
// stage but rendering, for a site that needs a handful of languages.
var registry = sync.OnceValue(func() *chroma.LexerRegistry {
	r := chroma.NewLexerRegistry()
	r.Register(newSIPLexer()) // finds the XML lexer for bodies through r
	r.Register(newSDPLexer())
	r.Register(newXMLLexer())
	for _, lang := range codeLanguages {
		r.Register(newCodeLexer(lang))
	}
	r.Register(newPlainLexer())
	return r
})

// byName maps each lexer's name and aliases, in lower case, to it.
var byName = sync.OnceValue(func() map[string]chroma.Lexer {
	m := map[string]chroma.Lexer{}
	for _, l := range registry().Lexers {
		c := l.Config()
		m[strings.ToLower(c.Name)] = l
		for _, a := range c.Aliases {
			m[a] = l
		}
	}
	return m
})

// lookup returns the lexer for a fenced block's language, matched
// case-insensitively against the lexers' names and aliases, or nil.
func lookup(lang string) chroma.Lexer {
	return byName()[strings.ToLower(strings.TrimSpace(lang))]
}

// Supports reports whether lang is a language Highlight colours, or one of
// the names for plain text. The content checks use it, so that a note's
// code block in an unknown language is an error rather than a block that
// silently stays grey.
func Supports(lang string) bool { return lookup(lang) != nil }

// Languages returns the main name of each language a code block may be
// marked with, sorted; Supports also takes the other names ("js", "cs",
// "golang", "txt").
func Languages() []string {
	var names []string
	for _, l := range registry().Lexers {
		names = append(names, l.Config().Aliases[0])
	}
	sort.Strings(names)
	return names
}

// newPlainLexer builds the lexer for code in no known language: all of it
// is one Text token, escaped and never coloured.
func newPlainLexer() chroma.Lexer {
	return &handLexer{
		config: &chroma.Config{Name: "plaintext", Aliases: []string{"text", "plain", "plaintext", "txt"}},
		scan: func(_ *handLexer, text string, out []chroma.Token) []chroma.Token {
			if text == "" {
				return out
			}
			return append(out, chroma.Token{Type: chroma.Text, Value: text})
		},
	}
}
