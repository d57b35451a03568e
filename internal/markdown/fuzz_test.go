package markdown

import (
	"bytes"
	"html"
	"io"
	"regexp"
	"testing"
)

type escaper struct{}

func (escaper) Highlight(w io.Writer, _, code string) error {
	_, err := io.WriteString(w, "<pre>"+html.EscapeString(code)+"</pre>")
	return err
}

var (
	scriptTag   = regexp.MustCompile(`(?i)<script`)
	eventAttr   = regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+\s*=`)
	scriptedURL = regexp.MustCompile(`(?i)(href|src)="\s*(javascript|vbscript|data):`)
)

// FuzzRender renders arbitrary Markdown: it must never panic, and the HTML
// must never hold a script element, an event handler or a script URL.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"## In practice {#meaning}\n\nText [x](rfc:3261#21.4.24) and [y](/486/#causes).\n",
		"<script>alert(1)</script>\n",
		"[x](javascript:alert(1)) ![y](data:image/svg+xml,<svg onload=alert(1)>) <javascript:alert(1)>",
		"| a | b |\n| - | - |\n| 1 | 2 |\n",
		"```sip\nSIP/2.0 486 Busy Here\n```\n",
		"## T {onclick=alert(1) style=color:red #id}\n",
		"- - - - - - - - - - > > > > >\n",
	} {
		f.Add([]byte(s))
	}
	r := New(escaper{})
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := r.Render(src, []string{"facts"})
		if err != nil {
			return
		}
		for _, re := range []*regexp.Regexp{scriptTag, eventAttr, scriptedURL} {
			if loc := re.FindIndex(doc.HTML); loc != nil {
				t.Fatalf("unsafe HTML %q from %q", doc.HTML[max(0, loc[0]-20):min(len(doc.HTML), loc[1]+20)], src)
			}
		}
		if bytes.Contains(doc.HTML, []byte(`id="facts"`)) {
			t.Fatalf("a heading took the reserved id facts: %q", src)
		}
	})
}
