package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipcodes/sipcodes/internal/highlight"
)

// TestPreviewMatchesBuild edits notes of a copy of the real content the
// way a writer does and checks, after each edit, that the preview's
// rebuild gives exactly what a full build of the same files gives: the same
// files, byte for byte, or the same error. Edits to the text alone must take
// the quick path.
// previewOfCopy copies the real content into a temporary folder and
// returns a Preview of it, built once, with its configuration and folder.
func previewOfCopy(tb testing.TB) (*Preview, Config, string) {
	tb.Helper()
	dir := tb.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		tb.Fatal(err)
	}
	cfg := config(dir, true)
	cfg.Highlighter = highlight.New()
	p := NewPreview(cfg)
	if _, err := p.Build(); err != nil {
		tb.Fatal(err)
	}
	return p, cfg, dir
}

func TestPreviewMatchesBuild(t *testing.T) {
	p, cfg, dir := previewOfCopy(t)
	edit := func(note string, f func(string) string) {
		t.Helper()
		file := filepath.Join(dir, "codes", note)
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(f(string(data))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name  string
		note  string
		edit  func(string) string
		quick bool
	}{
		{"a paragraph added", "486.md", func(s string) string { return s + "\nA paragraph added while writing.\n" }, true},
		{"another note", "181.md", func(s string) string { return s + "\nSee also [the busy code](/486/).\n" }, true},
		{"a heading renamed", "503.md", func(s string) string { return strings.Replace(s, "\n## ", "\n## Renamed: ", 1) }, true},
		{"a word that changes the index", "600.md", func(s string) string { return s + "\nZyzzyvas everywhere.\n" }, true},
		{"a link to a missing section", "486.md", func(s string) string { return s + "\nSee [nothing](/487/#no-such-section).\n" }, false},
		{"fixed again", "486.md", func(s string) string { return strings.Replace(s, "\nSee [nothing](/487/#no-such-section).\n", "", 1) }, false},
		{"front matter changed", "486.md", func(s string) string { return strings.Replace(s, "\n---\n", "\n---\n\n", 1) }, false},
		{"raw HTML refused", "100.md", func(s string) string { return s + "\n<b>bold</b>\n" }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			edit(tc.note, tc.edit)
			quick := p.Quick
			got, gotErr := p.Rebuild([]string{"codes/" + tc.note})
			want, wantErr := Build(cfg)
			if tc.quick && p.Quick != quick+1 {
				t.Errorf("the edit took a full build")
			}
			if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
				t.Fatalf("preview error %v, build error %v", gotErr, wantErr)
			}
			if gotErr != nil {
				return
			}
			for name, data := range want.Files {
				if g := got.Files[name]; !bytes.Equal(g, data) {
					i := 0
					for i < min(len(g), len(data)) && g[i] == data[i] {
						i++
					}
					t.Errorf("%s differs from a full build at byte %d:\n  preview: %q\n  build:   %q",
						name, i, g[max(i-40, 0):min(i+60, len(g))], data[max(i-40, 0):min(i+60, len(data))])
				}
			}
			if len(got.Files) != len(want.Files) {
				t.Errorf("%d files, a full build makes %d", len(got.Files), len(want.Files))
			}
		})
	}
}

// BenchmarkPreviewNote times the live preview's rebuild after a save that
// changed the text of one note of the real site.
func BenchmarkPreviewNote(b *testing.B) {
	p, _, dir := previewOfCopy(b)
	file := filepath.Join(dir, "codes", "486.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		edited := append(bytes.Clone(orig), []byte("\nEdit "+strings.Repeat("x", i%7)+".\n")...)
		if err := os.WriteFile(file, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		if _, err := p.Rebuild([]string{"codes/486.md"}); err != nil {
			b.Fatal(err)
		}
	}
	if p.Quick != b.N {
		b.Errorf("%d of %d rebuilds were quick", p.Quick, b.N)
	}
}
