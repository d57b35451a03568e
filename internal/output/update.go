package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sipcodes/sipcodes/internal/par"
)

// Update makes the folder dir hold exactly files, rewriting only what
// changed: a rebuild usually changes a few files of hundreds, and on most
// file systems creating a file costs far more than reading one to compare.
//
// Files that differ from dir's are first written into a staging folder
// beside dir; any error up to there removes it and leaves dir as it was.
// Then each staged file is renamed into place, which replaces it whole,
// and files and folders that are no longer part of the site are removed.
// Only a failing disk during those renames can leave dir half updated;
// the error says so. When dir does not exist, Update is Write.
func Update(dir string, files Files) error {
	dir = filepath.Clean(dir)
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Write(dir, files)
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("%s is not a folder", dir)
	}
	names := files.Paths()
	changed := make([]bool, len(names))
	par.For(len(names), func(i int) {
		old, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(names[i])))
		changed[i] = err != nil || !bytes.Equal(old, files[names[i]])
	})
	staged := Files{}
	for i, name := range names {
		if changed[i] {
			staged[name] = files[name]
		}
	}
	stale, err := staleEntries(dir, files)
	if err != nil {
		return err
	}
	if len(staged) == 0 && len(stale) == 0 {
		return nil
	}
	stage, err := os.MkdirTemp(filepath.Dir(dir), filepath.Base(dir)+".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage)
	if err := writeAll(stage, staged); err != nil {
		return err
	}
	if err := commit(stage, dir, staged.Paths(), stale); err != nil {
		return fmt.Errorf("%s is partly updated; build again: %w", dir, err)
	}
	return nil
}

// staleEntries lists what dir holds that files do not: files, and folders
// that no file of files lies under, deepest first, as paths relative to
// dir with slashes.
func staleEntries(dir string, files Files) ([]string, error) {
	keep := map[string]bool{}
	for name := range files {
		for d := path.Dir(name); d != "." && !keep[d]; d = path.Dir(d) {
			keep[d] = true
		}
	}
	var stale []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil || rel == "." {
			return err
		}
		// An entry whose name the new site uses, as a file or a folder,
		// is replaced in commit whatever it was, and not listed.
		if rel = filepath.ToSlash(rel); files[rel] == nil && !keep[rel] {
			stale = append(stale, rel)
		}
		return nil
	})
	// Deepest first: a folder's entries before the folder.
	slices.SortFunc(stale, func(a, b string) int {
		return strings.Count(b, "/") - strings.Count(a, "/")
	})
	return stale, err
}

// commit renames each staged file over its place in dir, making the
// folders it needs (replacing a file that stands where a folder must),
// then removes the stale entries.
func commit(stage, dir string, names, stale []string) error {
	for _, name := range names {
		target := filepath.Join(dir, filepath.FromSlash(name))
		if err := makeParents(dir, path.Dir(name)); err != nil {
			return err
		}
		if info, err := os.Lstat(target); err == nil && info.IsDir() {
			// A folder where a file now goes: it is stale as a whole.
			if err := os.RemoveAll(target); err != nil {
				return err
			}
		}
		if err := os.Rename(filepath.Join(stage, filepath.FromSlash(name)), target); err != nil {
			return err
		}
	}
	for _, name := range stale {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if _, err := os.Lstat(p); err != nil {
			continue // gone with its folder, or under a file that replaced it
		}
		if err := os.RemoveAll(p); err != nil {
			return err
		}
	}
	return nil
}

// makeParents makes the folder rel of dir and its parents, replacing any
// file that stands in the way.
func makeParents(dir, rel string) error {
	if rel == "." {
		return nil
	}
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if info, err := os.Lstat(p); err == nil && info.IsDir() {
		return nil
	}
	if err := makeParents(dir, path.Dir(rel)); err != nil {
		return err
	}
	if info, err := os.Lstat(p); err == nil && !info.IsDir() {
		if err := os.Remove(p); err != nil {
			return err
		}
	}
	return os.Mkdir(p, 0o755)
}
