// Package output holds the files of a built site, as paths and bytes, and
// puts them on disk, rewriting only what changed (Stager).
package output

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"time"
)

// Files maps slash-separated paths inside the site, such as "486/index.html",
// to their contents.
type Files map[string][]byte

// Add stores a file, refusing a path that is not clean, relative and inside
// the site, and refusing to store the same path twice.
func (f Files) Add(name string, data []byte) error {
	if err := ValidPath(name); err != nil {
		return err
	}
	if _, ok := f[name]; ok {
		return fmt.Errorf("output: %s is written twice", name)
	}
	f[name] = data
	return nil
}

// Paths returns every path, sorted.
func (f Files) Paths() []string { return slices.Sorted(maps.Keys(f)) }

// Size is the total number of bytes.
func (f Files) Size() int {
	n := 0
	for _, b := range f {
		n += len(b)
	}
	return n
}

// ValidPath reports why a path may not be written: it must be clean,
// relative, free of backslashes and of any element that starts with a dot.
func ValidPath(name string) error {
	switch {
	case name == "" || path.Clean(name) != name || path.IsAbs(name) || strings.HasPrefix(name, "../") || name == "..":
		return fmt.Errorf("output: path %q is not a clean path inside the site", name)
	case strings.ContainsAny(name, "\\\x00"):
		return fmt.Errorf("output: path %q has a backslash or NUL", name)
	}
	for _, elem := range strings.Split(name, "/") {
		if strings.HasPrefix(elem, ".") {
			return fmt.Errorf("output: path %q has a hidden (dot) element", name)
		}
	}
	return nil
}

// Has reports whether name is one of the files.
func (f Files) Has(name string) bool {
	_, ok := f[name]
	return ok
}

// Open opens a file for reading, so that Files is an fs.FS of its files,
// such as the previous build's output for the next (build.Config.Previous).
// It has no folders.
func (f Files) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	data, ok := f[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &memFile{Reader: bytes.NewReader(data), info: memInfo{path.Base(name), int64(len(data))}}, nil
}

// memFile is an open file of Files.
type memFile struct {
	*bytes.Reader
	info memInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

// memInfo describes a file of Files: read-only, with no time.
type memInfo struct {
	name string
	size int64
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return 0o444 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }
