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

// fuzzFile loads arbitrary bytes as the file name beside a good dataset:
// the loader must never panic, and every diagnostic must name that file.
func fuzzFile(f *testing.F, name string, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, diags := Load(fstest.MapFS{
			"codes.yaml": {Data: []byte(dataset)},
			name:         {Data: data},
		}, "content")
		for _, d := range diags {
			if d.File != "content/"+name {
				t.Errorf("diagnostic without the file: %q", d)
			}
		}
	})
}

// FuzzStacks loads arbitrary bytes as stacks.yaml.
func FuzzStacks(f *testing.F) {
	fuzzFile(f, StacksFile,
		"stacks:\n- id: pjsip\n  name: PJSIP\n  language: c\n  kind: enum\n  source: sip_msg.h\n  url: https://example.com/\n  usage: if (c == {name})\n  constants:\n  - code: 486\n    name: PJSIP_SC_BUSY_HERE\n    value: 0\n    phrase: Busy\n    note: x\n",
		"stacks: [{constants: [{code: x}]}]\n",
		"stacks:\n- &a {id: x}\n- *a\n")
}

// FuzzQ850 loads arbitrary bytes as q850.yaml.
func FuzzQ850(f *testing.F) {
	fuzzFile(f, Q850File,
		"causes:\n- cause: 17\n  name: User busy\nisdn_to_sip:\n- cause: 17\n  code: 486\nsip_to_isdn:\n- code: 486\n  cause: 17\n  note: x\n",
		"causes: {cause: 17}\n",
		"isdn_to_sip: [[1, 2]]\n")
}

// FuzzPage loads arbitrary bytes as a class page, which has the same
// shape as the home and about pages: optional front matter and Markdown.
func FuzzPage(f *testing.F) {
	fuzzFile(f, "classes/4xx.md",
		"---\ntitle: Client errors\n---\nThe request was wrong.\n",
		"---\n---\n",
		"---\ntitle: [x]\n",
		"no front matter\n")
}
