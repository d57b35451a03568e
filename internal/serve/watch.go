package serve

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// newWatcher watches every folder under roots. fsnotify watches one folder
// at a time, so folders created later are added as they appear.
func newWatcher(roots []string) (*fsnotify.Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watching for changes: %w", err)
	}
	for _, root := range roots {
		if err := addTree(w, root); err != nil {
			w.Close()
			return nil, fmt.Errorf("watching %s: %w", root, err)
		}
	}
	return w, nil
}

// addTree watches root and every folder below it, except editors' hidden
// ones. Symbolic links are not followed.
func addTree(w *fsnotify.Watcher, root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != root && editorFile(d.Name()) {
			return filepath.SkipDir
		}
		return w.Add(p)
	})
}

// watch builds after each burst of changes: a change starts the debounce
// timer, and every further change within it starts it again.
func (s *Server) watch(ctx context.Context, w *fsnotify.Watcher) {
	timer := newStoppedTimer()
	defer timer.Stop()
	var changed []string
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if !relevant(ev) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					if err := addTree(w, ev.Name); err != nil {
						fmt.Fprintf(s.cfg.Log, "watching %s: %v\n", ev.Name, err)
					}
				}
			}
			if !slices.Contains(changed, ev.Name) {
				changed = append(changed, ev.Name)
			}
			timer.Reset(s.cfg.Debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			fmt.Fprintf(s.cfg.Log, "watching: %v\n", err)
		case <-timer.C:
			s.rebuild(changed)
			changed = nil
		}
	}
}

// relevant reports whether an event can change the site: a change of
// permissions alone cannot, nor can an editor's swap or backup file.
func relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	return !editorFile(filepath.Base(ev.Name))
}

func newStoppedTimer() *time.Timer {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return t
}

// Within returns the changed files as paths inside dir, with slashes, such
// as "codes/486.md" for a Build func to act on, or nil when any of them
// lies outside dir.
func Within(dir string, changed []string) []string {
	var rel []string
	for _, p := range changed {
		r, err := filepath.Rel(dir, p)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return nil
		}
		rel = append(rel, filepath.ToSlash(r))
	}
	return rel
}
