package output

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/sipcodes/sipcodes/internal/par"
)

// Sink receives the files of a build as they are made, from several
// goroutines at once, so that a build need not hold its whole output.
type Sink interface {
	Put(name string, data []byte) error
}

// Memory is a Sink that keeps every file.
type Memory struct {
	mu    sync.Mutex
	files Files
}

// Put keeps a copy of nothing: data must not change afterwards.
func (m *Memory) Put(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = Files{}
	}
	return m.files.Add(name, data)
}

// Files returns what was put.
func (m *Memory) Files() Files {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.files
}

// Stager updates the folder dir to hold exactly the files put into it,
// rewriting only what changed: a rebuild usually changes a few files of
// hundreds, and on most file systems creating a file costs far more than
// reading one to compare.
//
// Put compares each file with dir's and has one that differs written into
// a staging folder beside dir, by writers of its own, so that the caller
// goes on while the file system works; dir is untouched until Commit. Commit renames
// each staged file over its place, which replaces it whole, then removes
// the files and folders of dir that were not put. When dir does not exist
// yet, the staging folder becomes dir in one rename. Abort, or a failed
// Commit before its first rename, leaves dir as it was; only a failing disk
// during the renames can leave it half updated, and the error says so.
type Stager struct {
	dir, stage string
	fresh      bool // dir does not exist: everything is staged

	mu      sync.Mutex
	put     map[string]bool
	changed []string
	made    map[string]bool // folders made in stage
	err     error           // the first failed write

	writes  chan staged
	writers sync.WaitGroup
	stop    sync.Once
}

type staged struct {
	name string
	data []byte
}

// writers is how many files are written at once: creating a file mostly
// waits on the file system, so more writers than processors help.
const writers = 8

// NewStager makes the staging folder for dir.
func NewStager(dir string) (*Stager, error) {
	dir = filepath.Clean(dir)
	s := &Stager{dir: dir, put: map[string]bool{}, made: map[string]bool{".": true}}
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		s.fresh = true
	case err != nil:
		return nil, err
	case !info.IsDir():
		return nil, fmt.Errorf("%s is not a folder", dir)
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, err
	}
	if s.stage, err = os.MkdirTemp(filepath.Dir(dir), filepath.Base(dir)+".tmp-"); err != nil {
		return nil, err
	}
	s.writes = make(chan staged, 2*writers)
	for range writers {
		s.writers.Go(func() {
			for f := range s.writes {
				if err := s.write(f); err != nil {
					s.mu.Lock()
					s.err = cmp.Or(s.err, err)
					s.mu.Unlock()
				}
			}
		})
	}
	if err := os.Chmod(s.stage, 0o755); err != nil {
		s.Abort()
		return nil, err
	}
	return s, nil
}

// write writes one staged file.
func (s *Stager) write(f staged) error {
	if err := s.makeDirs(path.Dir(f.name)); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(s.stage, filepath.FromSlash(f.name)), f.data, 0o644); err != nil {
		return err
	}
	s.mu.Lock()
	s.changed = append(s.changed, f.name)
	s.mu.Unlock()
	return nil
}

// finish waits for the writers and returns the first error they met.
func (s *Stager) finish() error {
	s.stop.Do(func() { close(s.writes) })
	s.writers.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Put stages name unless dir already holds the same bytes under it. data
// must not change afterwards. A failed write is reported by Commit.
func (s *Stager) Put(name string, data []byte) error {
	if err := ValidPath(name); err != nil {
		return err
	}
	s.mu.Lock()
	dup := s.put[name]
	s.put[name] = true
	s.mu.Unlock()
	if dup {
		return fmt.Errorf("output: %s is written twice", name)
	}
	if !s.fresh && holds(filepath.Join(s.dir, filepath.FromSlash(name)), data) {
		return nil
	}
	s.writes <- staged{name, data}
	return nil
}

// compareChunk is how much of a file holds reads at a time.
const compareChunk = 64 << 10

var compareBuffers = sync.Pool{New: func() any { return new([compareChunk]byte) }}

// holds reports whether the file at p holds exactly data. A file of
// another size is not read; the others are read a chunk at a time into a
// reused buffer, so that comparing a large site, or a file of megabytes
// such as /codes.json, allocates nothing. Any error counts as different.
func holds(p string, data []byte) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
	buf := compareBuffers.Get().(*[compareChunk]byte)
	defer compareBuffers.Put(buf)
	for rest := data; len(rest) > 0; {
		n := min(len(rest), compareChunk)
		if _, err := io.ReadFull(f, buf[:n]); err != nil || !bytes.Equal(buf[:n], rest[:n]) {
			return false
		}
		rest = rest[n:]
	}
	// A file that grew since Stat holds more than data.
	n, _ := f.Read(buf[:1])
	return n == 0
}

// Keeper is a Sink that can be told a file is unchanged without its bytes.
type Keeper interface {
	// Keep records name as made by this build with the bytes the output
	// folder holds under it now, which the caller has found right (for a
	// card, by the key at its start): nothing is read, compared or written.
	Keep(name string) error
}

// Keep is Keeper's Keep: the file stays as it is when the site is
// committed.
func (s *Stager) Keep(name string) error {
	if err := ValidPath(name); err != nil {
		return err
	}
	if s.fresh {
		return fmt.Errorf("output: %s cannot be kept: %s is new", name, s.dir)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.put[name] {
		return fmt.Errorf("output: %s is written twice", name)
	}
	s.put[name] = true
	return nil
}

// makeDirs makes the folder d of the staging folder, parents first, each
// once. A file and a folder of the same name fail here, when the second
// is made.
func (s *Stager) makeDirs(d string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var missing []string
	for ; !s.made[d]; d = path.Dir(d) {
		missing = append(missing, d)
	}
	for i := len(missing) - 1; i >= 0; i-- {
		err := os.Mkdir(filepath.Join(s.stage, filepath.FromSlash(missing[i])), 0o755)
		if err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
		s.made[missing[i]] = true
	}
	return nil
}

// Abort removes the staging folder; dir stays as it was.
func (s *Stager) Abort() {
	s.finish()
	os.RemoveAll(s.stage)
}

// Commit puts the staged files in place and removes what was not put.
func (s *Stager) Commit() error {
	defer s.Abort()
	if err := s.finish(); err != nil {
		return err
	}
	if s.fresh {
		return os.Rename(s.stage, s.dir)
	}
	for name := range s.put {
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			if s.put[d] {
				return fmt.Errorf("output: %s is both a file and the folder of %s", d, name)
			}
		}
	}
	stale, err := staleEntries(s.dir, s.put)
	if err != nil {
		return err
	}
	slices.Sort(s.changed)
	if err := commit(s.stage, s.dir, s.changed, stale); err != nil {
		return fmt.Errorf("%s is partly updated; build again: %w", s.dir, err)
	}
	return nil
}

// Update makes dir hold exactly files, through a Stager.
func Update(dir string, files Files) error {
	s, err := NewStager(dir)
	if err != nil {
		return err
	}
	names := files.Paths()
	errs := make([]error, len(names))
	par.For(len(names), func(i int) { errs[i] = s.Put(names[i], files[names[i]]) })
	if err := errors.Join(errs...); err != nil {
		s.Abort()
		return err
	}
	return s.Commit()
}

// staleEntries lists what dir holds that was not put: files, and folders
// that nothing put lies under, deepest first, as paths relative to dir
// with slashes.
func staleEntries(dir string, put map[string]bool) ([]string, error) {
	keep := map[string]bool{}
	for name := range put {
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
		if rel = filepath.ToSlash(rel); !put[rel] && !keep[rel] {
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
