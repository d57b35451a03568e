package highlight

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current lexers")

// sampleInputs returns the testdata inputs with the name of the lexer each
// is written for.
func sampleInputs(t testing.TB) map[string]string {
	t.Helper()
	inputs := map[string]string{}
	for ext, lexer := range map[string]string{".sip": "sip", ".sdp": "sdp"} {
		paths, err := filepath.Glob(filepath.Join("testdata", "*"+ext))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			inputs[p] = lexer
		}
	}
	if len(inputs) == 0 {
		t.Fatal("no testdata inputs")
	}
	return inputs
}

// readFile returns a testdata file's content.
func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// tokenise runs the package's lexer for lang with chroma's default
// options, as Highlight does, minus the coalescing.
func tokenise(t testing.TB, lang, text string) []chroma.Token {
	t.Helper()
	l := lookup(lang)
	if l == nil {
		t.Fatalf("no lexer for %q", lang)
	}
	tokens, err := chroma.Tokenise(l, nil, text)
	if err != nil {
		t.Fatal(err)
	}
	return tokens
}

// dump renders tokens one per line as `TokenType "value"`, skipping the
// empty tokens that optional regexp groups produce.
func dump(tokens []chroma.Token) string {
	var b strings.Builder
	for _, tok := range tokens {
		if tok.Value != "" {
			fmt.Fprintf(&b, "%s %q\n", tok.Type, tok.Value)
		}
	}
	return b.String()
}

func TestLookup(t *testing.T) {
	for lang, name := range map[string]string{
		"sip": "SIP", "SIP": "SIP", " sdp ": "SDP", "xml": "XML", "XML": "XML",
		"c": "C", "go": "Go", "golang": "Go", "java": "Java", "csharp": "C#", "C#": "C#", "cs": "C#",
		"javascript": "JavaScript", "js": "JavaScript", "JS": "JavaScript",
		"": "", "text": "plaintext", "Plain": "plaintext", "python": "", "sip.xml": "", "*.xml": "",
	} {
		got := ""
		if l := lookup(lang); l != nil {
			got = l.Config().Name
		}
		if got != name {
			t.Errorf("lookup(%q) = %q, want %q", lang, got, name)
		}
	}
}

// TestSupports checks what the content checks accept as a code block's
// language: every lexer's name and aliases, and plain text.
func TestSupports(t *testing.T) {
	if got, want := strings.Join(Languages(), " "), "c csharp go java javascript sdp sip text xml"; got != want {
		t.Errorf("Languages() = %s, want %s", got, want)
	}
	for _, lang := range Languages() {
		if !Supports(lang) {
			t.Errorf("Supports(%q) = false for a name Languages lists", lang)
		}
	}
	for lang, want := range map[string]bool{"text": true, "Plain": true, "JavaScript": true, "js": true, "golang": true, "c#": true, "python": false, "": false, "jsx": false} {
		if got := Supports(lang); got != want {
			t.Errorf("Supports(%q) = %v, want %v", lang, got, want)
		}
	}
}

func TestGolden(t *testing.T) {
	for path, lang := range sampleInputs(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			got := dump(tokenise(t, lang, readFile(t, path)))
			golden := strings.TrimSuffix(path, filepath.Ext(path)) + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("tokens differ from %s (run with -update to accept):\n%s", golden, lineDiff(string(want), got))
			}
		})
	}
}

// lineDiff reports the first differing line, which is enough to find a
// regression in a token dump.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  want %s\n  got  %s", i+1, wl, gl)
		}
	}
	return "(no line differs)"
}

func TestNoErrorTokens(t *testing.T) {
	for path, lang := range sampleInputs(t) {
		for _, tok := range tokenise(t, lang, readFile(t, path)) {
			if tok.Type == chroma.Error {
				t.Errorf("%s: Error token %q", path, tok.Value)
			}
		}
	}
}

func TestCRLFSampleHasCRLF(t *testing.T) {
	if !strings.Contains(readFile(t, filepath.Join("testdata", "crlf.sip")), "\r\n") {
		t.Fatal("testdata/crlf.sip lost its CRLF line endings; see testdata/.gitattributes")
	}
}

// TestTokensRoundTrip checks that the lexers neither drop nor invent text.
func TestTokensRoundTrip(t *testing.T) {
	for path, lang := range sampleInputs(t) {
		input := readFile(t, path)
		if got, want := concat(tokenise(t, lang, input)), normaliseEOL(input); got != want {
			t.Errorf("%s: tokens concatenate to\n%q\nwant\n%q", path, got, want)
		}
	}
}

// concat joins token values back into text.
func concat(tokens []chroma.Token) string {
	var b strings.Builder
	for _, tok := range tokens {
		b.WriteString(tok.Value)
	}
	return b.String()
}

// normaliseEOL mirrors chroma's EnsureLF: CRLF and lone CR become LF.
func normaliseEOL(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}
