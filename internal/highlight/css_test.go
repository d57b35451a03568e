package highlight

import (
	"bytes"
	"strings"
	"testing"
)

func writeCSS(t *testing.T, h *Highlighter) string {
	t.Helper()
	var b bytes.Buffer
	if err := h.WriteCSS(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteCSSSchemes(t *testing.T) {
	css := writeCSS(t, New())
	for _, want := range []string{
		".chroma { color: " + lightText + "; background-color: var(--code-bg, " + lightCodeBg + "); }",
		"@media (prefers-color-scheme: dark) {\n  :root:not([data-theme=light]) .chroma { color: " + darkText + "; background-color: var(--code-bg, " + darkCodeBg + "); }",
		":root[data-theme=dark] .chroma { color: " + darkText,
		".chroma .nt { color: #116329 }",
		":root[data-theme=dark] .chroma .nt { color: #7ee787 }",
	} {
		if !strings.Contains(css, want) {
			t.Errorf("stylesheet lacks %q", want)
		}
	}
	if strings.Count(css, "{") != strings.Count(css, "}") {
		t.Error("unbalanced braces in stylesheet")
	}
}

// TestWriteCSSCoversLexerClasses checks that every class the SIP and SDP
// lexers produce, other than plain text and punctuation, has a colour in
// both schemes.
func TestWriteCSSCoversLexerClasses(t *testing.T) {
	h := New()
	css := writeCSS(t, h)
	dark := css[strings.Index(css, ":root[data-theme=dark]"):]
	seen := map[string]bool{}
	for path, lang := range sampleInputs(t) {
		input := readFile(t, path)
		for _, class := range tokenClasses(highlight(t, h, lang, input)) {
			seen[class] = true
		}
	}
	delete(seen, "p")
	for class := range seen {
		if !strings.Contains(css, ".chroma ."+class+" ") && !strings.Contains(css, ".chroma ."+class+",") {
			t.Errorf("class %q has no light rule", class)
		}
		if !strings.Contains(dark, ".chroma ."+class+" ") && !strings.Contains(dark, ".chroma ."+class+",") {
			t.Errorf("class %q has no dark rule", class)
		}
	}
}

func TestWriteCSSDeterministic(t *testing.T) {
	if a, b := writeCSS(t, New()), writeCSS(t, New()); a != b {
		t.Error("two Highlighters wrote different stylesheets")
	}
}
