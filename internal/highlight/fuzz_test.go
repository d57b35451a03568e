package highlight

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// FuzzSIPLexer feeds arbitrary text to the SIP lexer (and through it the SDP
// and XML lexers) and checks that it neither panics nor loses or invents
// text: the token values must concatenate to the input as chroma sees it,
// with line endings normalised and invalid UTF-8 replaced rune by rune.
func FuzzSIPLexer(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.s[id]p"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, seed := range []string{
		"",
		"\n\n\n",
		"\r\r\n\r",
		"INVITE sip:a@b SIP/2.0\nv=0\n",
		"SIP/2.0 200\n",
		"To: <sip:",
		"To: <sip:a@[2001:db8::1]:5060;lr;maddr=\"x",
		"From: \"unterminated\n continuation ;tag=\n\nv=",
		"Contact: <tel:+1;x=y?a=b&c>;q=0.\x00\xff",
		"m=audio 0\nm=\na=x:\nc=IN IP6 ::\n",
		"\n<?xml\n<a b=\"",
		"WWW-Authenticate: Digest realm=\"x\", nonce=",
	} {
		f.Add(seed)
	}

	sip := lookup("sip")
	f.Fuzz(func(t *testing.T, input string) {
		tokens, err := chroma.Tokenise(sip, nil, input)
		if err != nil {
			t.Fatal(err)
		}
		want := string([]rune(normaliseEOL(input)))
		if got := concat(tokens); got != want {
			t.Fatalf("tokens concatenate to\n%q\nwant\n%q", got, want)
		}
	})
}
