package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
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

func writeAll(root string, files Files) error {
	for _, name := range files.Paths() {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
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
