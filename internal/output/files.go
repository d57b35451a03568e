// Package output holds the files of a built site, as paths and bytes, and
// puts them on disk, rewriting only what changed (Stager).
package output

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
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
