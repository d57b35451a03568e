package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// SafeTarget refuses an output folder whose replacement would destroy
// something else: an empty name, the file system root, the current folder
// or any folder above it, a home folder, or one of the source folders or a
// folder that contains them.
func SafeTarget(dir string, sources ...string) error {
	if dir == "" {
		return fmt.Errorf("the output folder is empty")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if abs == filepath.Dir(abs) {
		return fmt.Errorf("refusing to replace the root folder %s", abs)
	}
	if home, err := os.UserHomeDir(); err == nil && abs == filepath.Clean(home) {
		return fmt.Errorf("refusing to replace the home folder %s", abs)
	}
	if wd, err := os.Getwd(); err == nil && within(wd, abs) {
		return fmt.Errorf("refusing to replace %s: it holds the current folder", dir)
	}
	for _, s := range sources {
		sabs, err := filepath.Abs(s)
		if err != nil {
			return err
		}
		if within(sabs, abs) || within(abs, sabs) {
			return fmt.Errorf("refusing to write the site into %s: it overlaps the source folder %s", dir, s)
		}
	}
	return nil
}

// within reports whether path lies inside dir or is dir.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
