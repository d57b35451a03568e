package highlight

import (
	"bytes"
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// highlight runs Highlight into a string, failing the test on error.
func highlight(t testing.TB, h *Highlighter, lang, code string) string {
	t.Helper()
	var b strings.Builder
	if err := h.Highlight(&b, lang, code); err != nil {
		t.Fatalf("Highlight(%q): %v", lang, err)
	}
	return b.String()
}

// spanClass finds the class of every span the formatter wrote.
var spanClass = regexp.MustCompile(`<span class="([^"]*)"`)

// tokenClasses lists the token classes in html, leaving out the per-line
// wrappers ("line", "cl") that chroma puts around every line.
func tokenClasses(html string) []string {
	var out []string
	for _, m := range spanClass.FindAllStringSubmatch(html, -1) {
		if m[1] != "line" && m[1] != "cl" {
			out = append(out, m[1])
		}
	}
	return out
}

func TestHighlightWrapper(t *testing.T) {
	h := New()
	for _, lang := range []string{"sip", "sdp", "go", "", "no-such-language"} {
		out := highlight(t, h, lang, "v=0\n")
		if !strings.HasPrefix(out, `<pre class="chroma"><code>`) || !strings.HasSuffix(out, `</code></pre>`) {
			t.Errorf("%q: output not wrapped in <pre class=\"chroma\"><code>: %q", lang, out)
		}
		if strings.Contains(out, "style=") {
			t.Errorf("%q: output carries an inline style: %q", lang, out)
		}
	}
}

func TestHighlightSIPUsesClasses(t *testing.T) {
	out := highlight(t, New(), "sip", "SIP/2.0 486 Busy Here\r\nContent-Length: 0\r\n")
	for _, want := range []string{
		`<span class="kr">SIP</span>`,
		`<span class="mi">486</span>`,
		`<span class="ne">Busy Here</span>`,
		`<span class="nt">Content-Length</span>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\r") {
		t.Errorf("CR survived into the HTML: %q", out)
	}
}

func TestHighlightEscapes(t *testing.T) {
	h := New()
	code := "Subject: <script>alert(\"x\")</script> & more\n"
	for _, lang := range []string{"sip", "sdp", "go", "", "no-such-language"} {
		out := highlight(t, h, lang, code)
		if strings.Contains(out, "<script") || strings.Contains(out, "</script") {
			t.Errorf("%q: <script> not escaped:\n%s", lang, out)
		}
		if !strings.Contains(out, "&lt;") || !strings.Contains(out, "&amp;") {
			t.Errorf("%q: < or & not escaped:\n%s", lang, out)
		}
	}
}

func TestHighlightUnknownLanguageIsPlain(t *testing.T) {
	h := New()
	code := "INVITE sip:bob@example.com SIP/2.0\nif a < b && c > d {}\n"
	for _, lang := range []string{"", "  ", "no-such-language"} {
		out := highlight(t, h, lang, code)
		if classes := tokenClasses(out); len(classes) > 0 {
			t.Errorf("%q: plain text got token spans %v:\n%s", lang, classes, out)
		}
		if !strings.Contains(out, "if a &lt; b &amp;&amp; c &gt; d {}") {
			t.Errorf("%q: text not escaped verbatim:\n%s", lang, out)
		}
	}
}

func TestHighlightKnownLanguages(t *testing.T) {
	h := New()
	for lang, code := range map[string]string{
		"sip":    "INVITE sip:bob@example.com SIP/2.0\n",
		"SIP":    "INVITE sip:bob@example.com SIP/2.0\n",
		"sdp":    "v=0\n",
		"go":     "package main\n",
		"c":      "int main(void) { return 0; }\n",
		"java":   "class A {}\n",
		"csharp": "class A {}\n",
		"js":     "const a = 1;\n",
	} {
		if classes := tokenClasses(highlight(t, h, lang, code)); len(classes) == 0 {
			t.Errorf("%q: no token spans; the language was not recognised", lang)
		}
	}
}

func TestHighlightDeterministicAndConcurrent(t *testing.T) {
	h := New()
	input := readFile(t, filepath.Join("testdata", "dialog.sip"))
	want := highlight(t, New(), "sip", input)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, lang := range []string{"sip", "sdp", "go", "unknown"} {
				var got strings.Builder
				if err := h.Highlight(&got, lang, input); err != nil {
					t.Error(err)
				}
				if lang == "sip" && got.String() != want {
					t.Error("concurrent Highlight output differs from a fresh Highlighter's")
				}
			}
		})
	}
	wg.Wait()
}

func TestLexerLookupIsCached(t *testing.T) {
	h := New()
	for _, lang := range []string{"sip", "go", "no-such-language"} {
		if first, again := h.lexer(lang), h.lexer(" "+strings.ToUpper(lang)); first != again {
			t.Errorf("%q: second lookup returned a different lexer", lang)
		}
	}
}

// failingWriter fails every write, as a full disk would.
type failingWriter struct{}

var errFull = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errFull }

func TestHighlightReportsWriteErrors(t *testing.T) {
	if err := New().Highlight(failingWriter{}, "sip", "v: SIP/2.0/UDP 192.0.2.1\n"); !errors.Is(err, errFull) {
		t.Errorf("Highlight error = %v, want %v", err, errFull)
	}
	if err := New().WriteCSS(failingWriter{}); !errors.Is(err, errFull) {
		t.Errorf("WriteCSS error = %v, want %v", err, errFull)
	}
}

// BenchmarkHighlightSIP measures highlighting a SIP message with its SDP
// body from scratch: the memo is emptied on every iteration, or it would
// answer all but the first.
func BenchmarkHighlightSIP(b *testing.B) {
	input := readFile(b, filepath.Join("testdata", "invite.sip"))
	h := New()
	var out bytes.Buffer
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		h.memo = memo{}
		if err := h.Highlight(&out, "sip", input); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHighlightSIPMemoised measures highlighting a block seen before.
func BenchmarkHighlightSIPMemoised(b *testing.B) {
	input := readFile(b, filepath.Join("testdata", "invite.sip"))
	h := New()
	var out bytes.Buffer
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		if err := h.Highlight(&out, "sip", input); err != nil {
			b.Fatal(err)
		}
	}
}
