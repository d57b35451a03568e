package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

const dataset = `codes:
  - code: 486
    reason: Busy Here
    status: active
    refs:
      - rfc: 3261
        section: "21.4.24"
    summary: The callee is busy.
`

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"codes.yaml":     {Data: []byte(dataset)},
		"codes/486.md":   {Data: []byte("---\ncode: 486\nrequests: [INVITE]\n---\n## In practice {#meaning}\n\nBusy.\n")},
		"classes/4xx.md": {Data: []byte("Client failures.\n")},
		"index.md":       {Data: []byte("---\ntitle: Home\n---\nHello.\n")},
	}
	c, diags := Load(fsys, "content")
	if diags != nil {
		t.Fatalf("Load: %v", diags)
	}
	if len(c.Dataset.Codes) != 1 || c.Dataset.Codes[0].Reason != "Busy Here" || c.Dataset.Codes[0].Refs[0].Section != "21.4.24" {
		t.Errorf("dataset = %+v", c.Dataset)
	}
	if len(c.Notes) != 1 {
		t.Fatalf("notes = %d, want 1", len(c.Notes))
	}
	n := c.Notes[0]
	if n.File != "content/codes/486.md" || n.Meta.Code != 486 || n.BodyLine != 5 || !strings.HasPrefix(string(n.Body), "## In practice") {
		t.Errorf("note = %+v", n)
	}
	if len(c.Classes) != 1 || c.Home.Meta.Title != "Home" || c.Home.BodyLine != 4 {
		t.Errorf("classes = %+v, home = %+v", c.Classes, c.Home)
	}
}

func TestLoadAcceptsBOMAndCRLF(t *testing.T) {
	note := "\uFEFF---\r\ncode: 486\r\n---\r\nBusy.\r\n"
	c, diags := Load(fstest.MapFS{
		"codes.yaml":   {Data: []byte(dataset)},
		"codes/486.md": {Data: []byte(note)},
	}, "content")
	if diags != nil {
		t.Fatalf("Load: %v", diags)
	}
	if got := string(c.Notes[0].Body); got != "Busy.\n" {
		t.Errorf("body = %q", got)
	}
}

func TestLoadRefuses(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"no dataset", map[string]string{}, "content/codes.yaml: cannot read: file does not exist"},
		{"unknown dataset key", map[string]string{"codes.yaml": "codes:\n  - code: 100\n    reson: Trying\n"},
			`content/codes.yaml:3:5: unknown key "reson"; did you mean "reason"?`},
		{"wrong type", map[string]string{"codes.yaml": "codes:\n  - code: one hundred\n"},
			`content/codes.yaml:2:11: want a whole number, got "one hundred"`},
		{"unknown front matter key", map[string]string{"codes.yaml": dataset, "codes/486.md": "---\ncode: 486\nsenders: [uas]\nrelatd: []\n---\nx\n"},
			`content/codes/486.md:4:1: unknown key "relatd"; did you mean "related"?`},
		{"front matter not closed", map[string]string{"codes.yaml": dataset, "codes/486.md": "---\ncode: 486\n"},
			"content/codes/486.md:1:1: front matter starts with --- but has no closing --- line"},
		{"note without front matter", map[string]string{"codes.yaml": dataset, "codes/486.md": "Busy.\n"},
			"content/codes/486.md:1:1: a note starts with front matter"},
		{"bad note name", map[string]string{"codes.yaml": dataset, "codes/busy.md": "x"},
			"content/codes/busy.md: a note's file name must be the three-digit code followed by .md"},
		{"stray file", map[string]string{"codes.yaml": dataset, "_redirects": "/* /evil 200"},
			"content/_redirects: unexpected file in content"},
		{"stray folder", map[string]string{"codes.yaml": dataset, "static/x.js": "x"},
			"content/static: unexpected folder; content holds only codes/ and classes/"},
		{"folder of notes", map[string]string{"codes.yaml": dataset, "codes/4xx/486.md": "---\ncode: 486\n---\nx\n"},
			"content/codes/4xx: unexpected folder; files in codes/ go directly inside it, not in folders"},
		{"folder of classes", map[string]string{"codes.yaml": dataset, "classes/old/4xx.md": "x"},
			"content/classes/old: unexpected folder; files in classes/ go directly inside it, not in folders"},
		{"invalid UTF-8", map[string]string{"codes.yaml": dataset, "codes/486.md": "---\ncode: 486\n---\nok\n\xff\n"},
			"content/codes/486.md:5: not valid UTF-8 text"},
		{"NUL byte", map[string]string{"codes.yaml": dataset, "codes/486.md": "---\ncode: 486\n---\n\x00\n"},
			"content/codes/486.md:4: NUL byte in text"},
		{"oversized note", map[string]string{"codes.yaml": dataset, "codes/486.md": "---\ncode: 486\n---\n" + strings.Repeat("a", MaxNoteBytes)},
			"over the limit of 131072"},
		{"oversized front matter", map[string]string{"codes.yaml": dataset, "codes/486.md": "---\ncode: 486\n#" + strings.Repeat("a", MaxFrontMatterBytes) + "\n---\nx\n"},
			"content/codes/486.md:1: front matter is larger than the limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tc.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			_, diags := Load(fsys, "content")
			if !strings.Contains(diags.Error(), tc.want) {
				t.Errorf("Load diagnostics:\n%s\nwant one containing %q", diags.Error(), tc.want)
			}
		})
	}
}

func TestLoadRefusesCostlyMarkdown(t *testing.T) {
	note := func(body string) map[string]string {
		return map[string]string{"codes.yaml": dataset, "codes/486.md": "---\ncode: 486\n---\n" + body}
	}
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"long line", note("ok\n" + strings.Repeat("a", MaxLineLength+1) + "\n"), "content/codes/486.md:5:2001: line is 2001 bytes long, over the limit of 2000"},
		{"deep quotes", note(strings.Repeat("> ", 11) + "x\n"), "content/codes/486.md:4:1: lists and quotes nested 11 deep, over the limit of 10"},
		{"deep lists", note(strings.Repeat("- ", 50) + "\n"), "nested 50 deep"},
		{"wide table", note("|" + strings.Repeat(" a |", 21) + "\n"), "content/codes/486.md:4:1: table row has 21 columns, over the limit of 20"},
		{"bidi in text", note("safe \u202Etxt.exe\n"), "content/codes/486.md:4:6: invisible bidirectional control character"},
		{"bidi in front matter", map[string]string{"codes.yaml": dataset, "codes/486.md": "---\ncode: 486\nrequests: [\u2066INVITE]\n---\nx\n"}, "content/codes/486.md:3:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tc.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			_, diags := Load(fsys, "content")
			if !strings.Contains(diags.Error(), tc.want) {
				t.Errorf("diagnostics:\n%v\nwant one containing %q", diags, tc.want)
			}
		})
	}
	// Code blocks may hold long lines and bidi characters, as traces do.
	ok := "---\ncode: 486\n---\n```\n" + strings.Repeat("a", 3000) + "\n\u202E\n```\nand `\u202E` inline\n"
	if _, diags := Load(fstest.MapFS{"codes.yaml": {Data: []byte(dataset)}, "codes/486.md": {Data: []byte(ok)}}, "content"); diags != nil {
		t.Errorf("code blocks refused: %v", diags)
	}
}

func TestLoadRefusesSymlinks(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(outside, []byte("---\ncode: 486\n---\nx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "codes.yaml"), []byte(dataset), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "codes"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "codes", "486.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	c, diags := Load(os.DirFS(dir), "content")
	if !strings.Contains(diags.Error(), "content/codes/486.md: symbolic links are not allowed in content") {
		t.Errorf("diagnostics: %v", diags)
	}
	if len(c.Notes) != 0 {
		t.Errorf("the linked file was read: %+v", c.Notes)
	}
}

// TestLoadNote reads one note as Load reads it, front matter as written
// included, and refuses what is not a note.
func TestLoadNote(t *testing.T) {
	fsys := fstest.MapFS{
		"codes.yaml":   {Data: []byte(dataset)},
		"codes/486.md": {Data: []byte("---\ncode: 486\nrequests: [INVITE]\n---\nBusy.\n")},
		"codes/487.md": {Data: []byte("---\ncode: 486\nrequets: [INVITE]\n---\nBusy.\n")},
	}
	c, diags := Load(fstest.MapFS{"codes.yaml": fsys["codes.yaml"], "codes/486.md": fsys["codes/486.md"]}, "content")
	if diags != nil {
		t.Fatal(diags)
	}
	n, diags := LoadNote(fsys, "content", "codes/486.md", Options{})
	if diags != nil {
		t.Fatal(diags)
	}
	want := c.Notes[0]
	if n.File != want.File || string(n.Front) != "code: 486\nrequests: [INVITE]\n" || string(n.Body) != string(want.Body) ||
		n.BodyLine != want.BodyLine || n.Meta.Code != 486 || strings.Join(n.Meta.Requests, ",") != "INVITE" {
		t.Errorf("LoadNote = %+v, Load gave %+v", n, want)
	}
	if _, diags := LoadNote(fsys, "content", "codes/487.md", Options{}); diags == nil || !strings.Contains(diags.Error(), `content/codes/487.md:3:1: unknown key "requets"`) {
		t.Errorf("a misspelt key: %v", diags)
	}
	for _, p := range []string{"codes.yaml", "classes/4xx.md", "codes/../codes/486.md", "codes/missing.md"} {
		if _, diags := LoadNote(fsys, "content", p, Options{}); diags == nil {
			t.Errorf("LoadNote(%q) found no problem", p)
		}
	}
}
