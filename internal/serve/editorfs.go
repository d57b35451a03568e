package serve

import (
	"io/fs"
	"slices"
	"strings"
)

// HideEditorFiles returns fsys without the files editors keep beside the
// one being edited: dot files (.486.md.swp, .#486.md), backups (486.md~),
// Emacs auto-saves (#486.md#) and the file 4913 that Vim creates and
// removes before it saves, to learn whether it may write in the folder. The content loader refuses every file
// it does not expect, which is right for a build but would put an error on
// screen for as long as an editor has a note open; the preview looks past
// them. They are never published either way: a build refuses them.
func HideEditorFiles(fsys fs.FS) fs.FS { return editorFS{fsys} }

// editorFile reports whether a path names an editor's file.
func editorFile(name string) bool {
	for elem := range strings.SplitSeq(name, "/") {
		if elem != "." && (strings.HasPrefix(elem, ".") || strings.HasPrefix(elem, "#") || strings.HasSuffix(elem, "~") || elem == "4913") {
			return true
		}
	}
	return false
}

type editorFS struct{ fsys fs.FS }

func (e editorFS) Open(name string) (fs.File, error) {
	if editorFile(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	f, err := e.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	if d, ok := f.(fs.ReadDirFile); ok {
		if info, err := f.Stat(); err == nil && info.IsDir() {
			return editorDir{d}, nil
		}
	}
	return f, nil
}

// editorDir lists a folder without editors' files.
type editorDir struct{ fs.ReadDirFile }

func (d editorDir) ReadDir(n int) ([]fs.DirEntry, error) {
	for {
		entries, err := d.ReadDirFile.ReadDir(n)
		entries = slices.DeleteFunc(entries, hidden)
		// A batch of only hidden entries is not the end of the folder.
		if len(entries) > 0 || err != nil || n <= 0 {
			return entries, err
		}
	}
}

func hidden(d fs.DirEntry) bool { return editorFile(d.Name()) }

func (e editorFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if editorFile(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries, err := fs.ReadDir(e.fsys, name)
	return slices.DeleteFunc(entries, hidden), err
}

func (e editorFS) ReadFile(name string) ([]byte, error) {
	if editorFile(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	}
	return fs.ReadFile(e.fsys, name)
}

func (e editorFS) Stat(name string) (fs.FileInfo, error) {
	if editorFile(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return fs.Stat(e.fsys, name)
}
