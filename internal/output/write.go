package output

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/sipcodes/sipcodes/internal/par"
)

// Write replaces the folder dir with files, atomically as far as the file
// system allows: everything is written into a new folder beside dir, which
// is renamed into place only when every file is written. On any error the
// new folder is removed and dir is left as it was.
func Write(dir string, files Files) (err error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, filepath.Base(dir)+".tmp-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := writeAll(tmp, files); err != nil {
		return err
	}
	return swap(tmp, dir)
}

// writeAll writes files under root, which exists and is empty. Each folder
// is made once, parents first, and then the files are written on every
// processor: a build writes hundreds to thousands of small files, and the
// file system calls, not the bytes, are the cost. Each file takes one
// write call.
func writeAll(root string, files Files) error {
	names := files.Paths()
	made := map[string]bool{".": true}
	var dirs []string
	for _, name := range names {
		for d := path.Dir(name); !made[d]; d = path.Dir(d) {
			made[d] = true
			dirs = append(dirs, d)
		}
	}
	// A parent's path sorts before its children's.
	slices.Sort(dirs)
	for _, d := range dirs {
		if err := os.Mkdir(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil {
			return err
		}
	}
	errs := make([]error, len(names))
	par.For(len(names), func(i int) {
		p := filepath.Join(root, filepath.FromSlash(names[i]))
		errs[i] = os.WriteFile(p, files[names[i]], 0o644)
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// swap moves tmp to dir. An existing dir is first moved aside, then removed
// once the new folder is in place; if the second rename fails it is moved
// back.
func swap(tmp, dir string) error {
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("moving the previous %s aside: %w", dir, err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			err = errors.Join(err, os.Rename(old, dir))
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
