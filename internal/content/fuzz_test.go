package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzNote loads arbitrary bytes as a note: the loader must never panic,
// and every diagnostic must name the file and a line.
func FuzzNote(f *testing.F) {
	f.Add([]byte("---\ncode: 486\nrequests: [INVITE]\n---\n## In practice {#meaning}\n\nBusy.\n"))
	f.Add([]byte("---\ncode: 486\nheaders:\n  - name: Retry-After\n    requirement: may\n---\n"))
	f.Add([]byte("---\n&a [*a]\n---\n"))
	f.Add([]byte("---\ncode: 486\nexample:\n  method: SUBSCRIBE\n  headers: [\"Retry-After: 5\"]\nflow:\n  - \"A -> B: INVITE\"\n---\nx\n"))
	f.Add([]byte("---\ncode: 486\nexample: x\n---\nx\n"))
	f.Add([]byte("\uFEFF---\r\ncode: 486\r\n---\r\n"))
	f.Fuzz(func(t *testing.T, note []byte) {
		_, diags := Load(fstest.MapFS{
			"codes.yaml":   {Data: []byte(dataset)},
			"codes/486.md": {Data: note},
		}, "content")
		for _, d := range diags {
			if d.File != "content/codes/486.md" || (d.Line == 0 && !strings.Contains(d.Message, "over the limit")) {
				t.Errorf("diagnostic without file and line: %q", d)
			}
		}
	})
}

// FuzzDataset loads arbitrary bytes as codes.yaml.
func FuzzDataset(f *testing.F) {
	f.Add([]byte(dataset))
	f.Add([]byte("codes:\n  - code: 100\n    reason: Trying\n"))
	f.Add([]byte("codes: &x\n  - *x\n"))
	f.Add([]byte("codes: [[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, diags := Load(fstest.MapFS{"codes.yaml": {Data: data}}, "content")
		for _, d := range diags {
			if d.File != "content/codes.yaml" {
				t.Errorf("diagnostic without the file: %q", d)
			}
		}
	})
}
