package highlight

import (
	"bytes"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters/html"
)

// chromaHTML formats tokens the way Highlight did before writeHTML: through
// chroma.Coalesce and chroma's HTML formatter in class mode.
func chromaHTML(t testing.TB, tokens []chroma.Token) string {
	t.Helper()
	it, err := chroma.Coalesce(literal(tokens)).Tokenise(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	style := chroma.MustNewStyle("test", chroma.StyleEntries{chroma.Background: "bg:#f6f8fa"})
	if err := html.New(html.WithClasses(true)).Format(&b, style, it); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// literal is a lexer that returns the same tokens whatever the text, so
// that chroma.Coalesce can wrap a fixed token stream.
type literal []chroma.Token

func (l literal) Tokenise(*chroma.TokeniseOptions, string) (chroma.Iterator, error) {
	return chroma.Literator(l...), nil
}
func (literal) Config() *chroma.Config                               { return &chroma.Config{} }
func (l literal) SetRegistry(*chroma.LexerRegistry) chroma.Lexer     { return l }
func (l literal) SetAnalyser(func(text string) float32) chroma.Lexer { return l }
func (literal) AnalyseText(string) float32                           { return 0 }

// ourHTML formats tokens with writeHTML.
func ourHTML(tokens []chroma.Token) string {
	var b bytes.Buffer
	writeHTML(&b, tokens)
	return b.String()
}

// checkHTML fails t if writeHTML and chroma's formatter disagree on tokens.
func checkHTML(t *testing.T, name string, tokens []chroma.Token) {
	t.Helper()
	if got, want := ourHTML(tokens), chromaHTML(t, tokens); got != want {
		t.Errorf("%s: HTML differs from chroma's formatter:\n got %q\nwant %q", name, got, want)
	}
}

func TestWriteHTMLMatchesChroma(t *testing.T) {
	for path, lang := range sampleInputs(t) {
		checkHTML(t, path, tokenise(t, lang, readFile(t, path)))
	}
	for lang, code := range map[string]string{
		"go":   "package main\n\n// A comment with <html> & \"quotes\" and 'ticks'.\nfunc main() {\n\tprintln(`raw\nstring`)\n}",
		"xml":  "<?xml version=\"1.0\"?>\n<a b='c'>&amp;</a>\n",
		"java": "class A { String s = \"x\"; }\n\n\n",
	} {
		checkHTML(t, lang, tokenise(t, lang, code))
	}
	checkHTML(t, "plain", tokenise(t, "plaintext", "a < b\n\nc"))
	long := strings.Repeat("x", 3000)
	for name, tokens := range map[string][]chroma.Token{
		"empty":            nil,
		"empty tokens":     {{Type: chroma.Keyword}, {Type: chroma.Text, Value: "a"}, {Type: chroma.Keyword}, {Type: chroma.Text, Value: "\n"}},
		"runs over 8 KiB":  {{Type: chroma.Comment, Value: long}, {Type: chroma.Comment, Value: long}, {Type: chroma.Comment, Value: long + "\n"}, {Type: chroma.Comment, Value: long}, {Type: chroma.Comment, Value: "y"}},
		"run of 8 KiB":     {{Type: chroma.Comment, Value: long[:2048] + long[:2048]}, {Type: chroma.Comment, Value: long[:2048] + long[:2048]}, {Type: chroma.Comment, Value: "z"}},
		"multi-line run":   {{Type: chroma.String, Value: "a\n"}, {Type: chroma.String, Value: "\nb"}, {Type: chroma.Text, Value: "\n\n"}, {Type: chroma.String, Value: "c"}},
		"odd types":        {{Type: chroma.Background, Value: "bg"}, {Type: chroma.TokenType(12345), Value: "x"}, {Type: chroma.TokenType(-7), Value: "y"}, {Type: chroma.NameBuiltinPseudo, Value: "z\n"}},
		"no final newline": {{Type: chroma.Keyword, Value: "a"}, {Type: chroma.Text, Value: " b"}},
	} {
		checkHTML(t, name, tokens)
	}
}

// FuzzWriteHTML cuts text into tokens at the offsets in cuts, each typed by
// its cut byte, and compares writeHTML with chroma's formatter.
func FuzzWriteHTML(f *testing.F) {
	f.Add("INVITE sip:a SIP/2.0\n<&'\">\n\nv=0\n", []byte{3, 0, 5, 9, 5, 200, 40})
	f.Add("", []byte{})
	f.Add("\n\n", []byte{1, 1})
	types := []chroma.TokenType{chroma.Text, chroma.Keyword, chroma.NameTag, chroma.String, chroma.Comment, chroma.Punctuation, chroma.TokenType(-3), chroma.Generic}
	f.Fuzz(func(t *testing.T, text string, cuts []byte) {
		var tokens []chroma.Token
		for i, c := range cuts {
			n := min(int(c)%16, len(text))
			if i == len(cuts)-1 {
				n = len(text)
			}
			tokens = append(tokens, chroma.Token{Type: types[int(c)%len(types)], Value: text[:n]})
			text = text[n:]
		}
		checkHTML(t, "fuzz", tokens)
	})
}

// TestHighlightUsesLexers checks that Highlight really goes through the
// registered lexers: the HTML equals chroma's formatting of their tokens.
func TestHighlightUsesLexers(t *testing.T) {
	h := New()
	for path, lang := range sampleInputs(t) {
		code := readFile(t, path)
		if got, want := highlight(t, h, lang, code), chromaHTML(t, tokenise(t, lang, code)); got != want {
			t.Errorf("%s: Highlight differs from chroma's formatting of the %s tokens", path, lang)
		}
	}
	if got, want := highlight(t, h, "", "a <b>\n"), chromaHTML(t, tokenise(t, "plaintext", "a <b>\n")); got != want {
		t.Errorf("plain text: got %q, want %q", got, want)
	}
}
