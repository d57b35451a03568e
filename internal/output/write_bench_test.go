package output

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/sipcodes/sipcodes/internal/par"
)

// benchFiles is a site of n pages of 24 KB, the size of a code page.
func benchFiles(n int) Files {
	files := Files{}
	page := bytes.Repeat([]byte("<p>SIP response code</p>\n"), 24<<10/26)
	for i := range n {
		files[fmt.Sprintf("%d/index.html", 1000+i)] = page
		files[fmt.Sprintf("%d.json", 1000+i)] = page[:2<<10]
	}
	return files
}

// BenchmarkWrite writes a site over the one a previous build left, as every
// rebuild does.
func BenchmarkWrite(b *testing.B) {
	files := benchFiles(500)
	dir := filepath.Join(b.TempDir(), "site")
	b.SetBytes(int64(files.Size()))
	for b.Loop() {
		if err := Write(dir, files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteLinkUnchanged measures the option the build does not take:
// a file whose bytes equal the previous site's is hard-linked from it
// instead of written. Reading the old file to compare costs about what
// writing the new one does, so the saving is small (BENCHMARKS.md).
func BenchmarkWriteLinkUnchanged(b *testing.B) {
	files := benchFiles(500)
	dir := filepath.Join(b.TempDir(), "site")
	if err := Write(dir, files); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(files.Size()))
	for b.Loop() {
		tmp := dir + ".next"
		if err := os.Mkdir(tmp, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := linkUnchanged(tmp, dir, files); err != nil {
			b.Fatal(err)
		}
		if err := swap(tmp, dir); err != nil {
			b.Fatal(err)
		}
	}
}

// linkUnchanged is writeAll, except that a file equal to the one in old
// is hard-linked from there.
func linkUnchanged(root, old string, files Files) error {
	names := files.Paths()
	for _, name := range names {
		if err := os.MkdirAll(filepath.Join(root, filepath.Dir(filepath.FromSlash(name))), 0o755); err != nil {
			return err
		}
	}
	errs := make([]error, len(names))
	par.For(len(names), func(i int) {
		rel := filepath.FromSlash(names[i])
		prev := filepath.Join(old, rel)
		if have, err := os.ReadFile(prev); err == nil && bytes.Equal(have, files[names[i]]) {
			if os.Link(prev, filepath.Join(root, rel)) == nil {
				return
			}
		}
		errs[i] = os.WriteFile(filepath.Join(root, rel), files[names[i]], 0o644)
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
