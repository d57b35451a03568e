package build

import (
	"maps"
	"slices"
	"sync"

	"github.com/sipcodes/sipcodes/internal/check"
	"github.com/sipcodes/sipcodes/internal/output"
)

// fileSet is the site's files so far, as the steps that add files after
// the pages see them.
type fileSet interface {
	Add(name string, data []byte) error
	// Reuse adds the file of the previous build's output under name, of
	// size bytes, which read reads whole.
	Reuse(name string, size int, read func() ([]byte, error)) error
	Paths() []string
	Has(name string) bool
}

// siteFiles receives every file of a build as it is made, from any
// goroutine: it scans the file for the final checks and hands it to out.
// It keeps only the names and sizes, so that a build of thousands of
// pages streams them to disk instead of holding them.
type siteFiles struct {
	scan *check.SiteScan
	out  output.Sink

	mu    sync.Mutex
	sizes map[string]int
}

func newSiteFiles(out output.Sink) *siteFiles {
	return &siteFiles{scan: check.NewSiteScan(), out: out, sizes: map[string]int{}}
}

// Add scans a file and puts it. Paths are checked by out.
func (f *siteFiles) Add(name string, data []byte) error {
	if err := f.out.Put(name, data); err != nil {
		return err
	}
	f.record(name, data)
	return nil
}

// Reuse is Add for a file of the previous build's output (a card): a sink
// that can keep the file as it is does, so that it is neither read nor
// written, unless the final checks must read it.
func (f *siteFiles) Reuse(name string, size int, read func() ([]byte, error)) error {
	k, ok := f.out.(output.Keeper)
	if !ok || check.Reads(name) {
		data, err := read()
		if err != nil {
			return err
		}
		return f.Add(name, data)
	}
	if err := k.Keep(name); err != nil {
		return err
	}
	f.scanned(name, nil, size)
	return nil
}

// record scans a file that went out, for the final checks, and notes its
// size.
func (f *siteFiles) record(name string, data []byte) { f.scanned(name, data, len(data)) }

// scanned scans data, which may be nil for a file the scan does not read
// (check.Reads), and notes that name is size bytes.
func (f *siteFiles) scanned(name string, data []byte, size int) {
	f.scan.Add(name, data)
	f.mu.Lock()
	f.sizes[name] = size
	f.mu.Unlock()
}

// Paths returns the names added so far, sorted.
func (f *siteFiles) Paths() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Sorted(maps.Keys(f.sizes))
}

// Has reports whether name was added.
func (f *siteFiles) Has(name string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, ok := f.sizes[name]
	return ok
}

// size is the number of bytes added.
func (f *siteFiles) size() int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := int64(0)
	for _, s := range f.sizes {
		n += int64(s)
	}
	return n
}
