package output

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"
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

// BenchmarkWrite writes a site into a new folder, as the first build does.
func BenchmarkWrite(b *testing.B) {
	files := benchFiles(500)
	root := b.TempDir()
	b.SetBytes(int64(files.Size()))
	i := 0
	for b.Loop() {
		i++
		if err := Update(filepath.Join(root, fmt.Sprint(i)), files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUpdateUnchanged rebuilds over a site with the same bytes, as
// `sipcodes build` does when nothing changed: every file is read and
// compared, none is written.
func BenchmarkUpdateUnchanged(b *testing.B) {
	files := benchFiles(500)
	dir := filepath.Join(b.TempDir(), "site")
	if err := Update(dir, files); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(files.Size()))
	for b.Loop() {
		if err := Update(dir, files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUpdateOneChanged rebuilds over a site where one page changed,
// as saving one note does.
func BenchmarkUpdateOneChanged(b *testing.B) {
	files := benchFiles(500)
	dir := filepath.Join(b.TempDir(), "site")
	if err := Update(dir, files); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(files.Size()))
	i := 0
	for b.Loop() {
		i++
		files["1000/index.html"] = fmt.Appendf(nil, "<p>version %d</p>", i)
		if err := Update(dir, files); err != nil {
			b.Fatal(err)
		}
	}
}
