package output

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"testing"
)

// TestFilesOpen reads files back through Files as an fs.FS, which is how a
// build reuses the previous one's cards in serve.
func TestFilesOpen(t *testing.T) {
	files := Files{"486/card.png": []byte("png bytes"), "index.html": []byte("<!doctype html>")}
	for _, c := range []struct {
		name string
		want error // nil: opens, and reads back as the file
	}{
		{"486/card.png", nil},
		{"index.html", nil},
		{"487/card.png", fs.ErrNotExist},
		{"486", fs.ErrNotExist}, // no folders
		{"../486/card.png", fs.ErrInvalid},
		{"/index.html", fs.ErrInvalid},
		{"486//card.png", fs.ErrInvalid},
	} {
		f, err := files.Open(c.name)
		if c.want != nil {
			if !errors.Is(err, c.want) {
				t.Errorf("Open(%q) = %v, want %v", c.name, err, c.want)
			}
			continue
		}
		if err != nil {
			t.Errorf("Open(%q): %v", c.name, err)
			continue
		}
		data, err := io.ReadAll(f)
		info, statErr := f.Stat()
		f.Close()
		if err != nil || statErr != nil || string(data) != string(files[c.name]) {
			t.Errorf("Open(%q) reads %q, %v, %v", c.name, data, err, statErr)
			continue
		}
		if info.Size() != int64(len(data)) || info.IsDir() || info.Name() != path.Base(c.name) {
			t.Errorf("Open(%q).Stat() = %s, %d bytes, dir %v", c.name, info.Name(), info.Size(), info.IsDir())
		}
	}
}
