package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"

	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/strictyaml"
)

// The files a content folder may hold. Anything else is refused, so that a
// stray or misnamed file never goes unnoticed and nothing from content can
// reach the output under a name of its choosing.
const (
	DatasetFile = "codes.yaml"
	StacksFile  = "stacks.yaml"
	Q850File    = "q850.yaml"
	HomeFile    = "index.md"
	AboutFile   = "about.md"
	NotesDir    = "codes"
	ClassesDir  = "classes"
)

var (
	noteName  = regexp.MustCompile(`^[1-6][0-9][0-9]\.md$`)
	className = regexp.MustCompile(`^[1-6]xx\.md$`)
)

// Load reads the whole content folder. prefix is how the folder is named in
// diagnostics, such as "content". It reports every problem it finds, not just
// the first.
func Load(fsys fs.FS, prefix string) (*Content, diag.List) {
	return load(loader{fsys: fsys, prefix: prefix})
}

func load(l loader) (*Content, diag.List) {
	c := &Content{}
	l.checkTree()
	// Decoding YAML is most of the time a load takes, so the data files and
	// the notes are decoded in parallel; see inParallel.
	l.inParallel(
		func(l *loader) { l.yamlFile(DatasetFile, true, &c.Dataset) },
		func(l *loader) { l.yamlFile(StacksFile, false, &c.Stacks) },
		func(l *loader) { l.yamlFile(Q850File, false, &c.Q850) },
		func(l *loader) { c.Notes = l.notes() },
	)
	c.Dataset.File = l.name(DatasetFile)
	c.Dataset.Synthetic = l.opt.Synthetic
	c.Stacks.File = l.name(StacksFile)
	c.Q850.File = l.name(Q850File)
	c.Classes = l.pages(ClassesDir, className)
	if home, ok := l.page(HomeFile, false); ok {
		c.Home = home
	}
	if about, ok := l.page(AboutFile, false); ok {
		c.About = about
	}
	return c, l.diags
}

type loader struct {
	fsys   fs.FS
	prefix string
	opt    Options
	diags  diag.List
}

func (l *loader) name(p string) string { return path.Join(l.prefix, p) }

func (l *loader) errorf(file string, line int, format string, args ...any) {
	l.diags.Addf(l.name(file), line, 0, format, args...)
}

// checkTree refuses symlinks and any file or folder the site does not use.
func (l *loader) checkTree() {
	err := fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			l.errorf(p, 0, "cannot read: %v", err)
			return nil
		}
		if p == "." {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			l.errorf(p, 0, "symbolic links are not allowed in content")
			return nil
		}
		dir, base := path.Split(p)
		switch {
		case d.IsDir() && dir == "" && (base == NotesDir || base == ClassesDir):
			return nil
		case d.IsDir() && (dir == NotesDir+"/" || dir == ClassesDir+"/"):
			// Pages are made from the files directly inside, so a
			// contributor who groups notes in folders must hear it.
			l.errorf(p, 0, "unexpected folder; files in %s go directly inside it, not in folders", dir)
			return fs.SkipDir
		case d.IsDir():
			l.errorf(p, 0, "unexpected folder; content holds only %s/ and %s/", NotesDir, ClassesDir)
			return fs.SkipDir
		case !d.Type().IsRegular():
			l.errorf(p, 0, "not a regular file")
		case dir == "" && slices.Contains([]string{DatasetFile, StacksFile, Q850File, HomeFile, AboutFile}, base):
		case dir == NotesDir+"/" && l.noteName().MatchString(base):
		case dir == NotesDir+"/":
			l.errorf(p, 0, "a note's file name must be the three-digit code followed by .md, such as 486.md")
		case dir == ClassesDir+"/" && className.MatchString(base):
		case dir == ClassesDir+"/":
			l.errorf(p, 0, "a class introduction's file name must be 1xx.md to 6xx.md")
		default:
			l.errorf(p, 0, "unexpected file in content")
		}
		return nil
	})
	if err != nil {
		l.errorf(".", 0, "cannot read the content folder: %v", err)
	}
}

// read returns a file's normalised text, refusing files above limit.
func (l *loader) read(p string, limit int, required bool) ([]byte, bool) {
	info, err := fs.Stat(l.fsys, p)
	if errors.Is(err, fs.ErrNotExist) && !required {
		return nil, false
	}
	if err != nil {
		l.errorf(p, 0, "cannot read: %v", unwrapPath(err))
		return nil, false
	}
	if !info.Mode().IsRegular() {
		return nil, false
	}
	if info.Size() > int64(limit) {
		l.errorf(p, 0, "file is %d bytes, over the limit of %d", info.Size(), limit)
		return nil, false
	}
	data, err := fs.ReadFile(l.fsys, p)
	if err != nil {
		l.errorf(p, 0, "cannot read: %v", unwrapPath(err))
		return nil, false
	}
	data, diags := normalize(data)
	l.diags.Append(diags.In(l.name(p), 0))
	return data, diags == nil
}

func (l *loader) yamlFile(p string, required bool, v any) {
	data, ok := l.read(p, l.maxDataBytes(), required)
	if !ok {
		return
	}
	l.diags.Append(strictyaml.Decode(data, v).In(l.name(p), 0))
}

func (l *loader) notes() []Note {
	paths := l.list(NotesDir, l.noteName())
	notes := make([]Note, len(paths))
	ok := make([]bool, len(paths))
	jobs := make([]func(*loader), len(paths))
	for i, p := range paths {
		jobs[i] = func(l *loader) { notes[i], ok[i] = l.note(p) }
	}
	l.inParallel(jobs...)
	var loaded []Note
	for i, n := range notes {
		if ok[i] {
			loaded = append(loaded, n)
		}
	}
	return loaded
}

func (l *loader) note(p string) (Note, bool) {
	data, ok := l.read(p, MaxNoteBytes, true)
	if !ok {
		return Note{}, false
	}
	front, body, bodyLine, diags := splitFrontMatter(data)
	if diags == nil && front == nil {
		diags.Addf("", 1, 1, "a note starts with front matter: a line ---, then at least code: %s, then ---", path.Base(p)[:3])
	}
	n := Note{File: l.name(p), Front: front, Body: body, BodyLine: bodyLine}
	if diags == nil {
		diags = decodeFrontMatter(front, &n.Meta)
		diags.Append(checkFrontMatterText(front))
		diags.Append(checkText(body, bodyLine))
	}
	l.diags.Append(diags.In(n.File, 0))
	return n, diags == nil
}

func (l *loader) pages(dir string, pattern *regexp.Regexp) []Page {
	var pages []Page
	for _, p := range l.list(dir, pattern) {
		if pg, ok := l.page(p, true); ok {
			pages = append(pages, pg)
		}
	}
	return pages
}

func (l *loader) page(p string, required bool) (Page, bool) {
	data, ok := l.read(p, MaxNoteBytes, required)
	if !ok {
		return Page{}, false
	}
	front, body, bodyLine, diags := splitFrontMatter(data)
	pg := Page{File: l.name(p), Body: body, BodyLine: bodyLine}
	if diags == nil && front != nil {
		diags = decodeFrontMatter(front, &pg.Meta)
		diags.Append(checkFrontMatterText(front))
	}
	if diags == nil {
		diags.Append(checkText(body, bodyLine))
	}
	l.diags.Append(diags.In(pg.File, 0))
	return pg, diags == nil
}

// list returns the sorted paths in dir whose names match pattern.
func (l *loader) list(dir string, pattern *regexp.Regexp) []string {
	entries, err := fs.ReadDir(l.fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		l.errorf(dir, 0, "cannot read: %v", unwrapPath(err))
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && pattern.MatchString(e.Name()) {
			out = append(out, path.Join(dir, e.Name()))
		}
	}
	return out
}

// unwrapPath drops the path from an fs.PathError, since diagnostics already
// name the file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return fmt.Errorf("%w", err)
}
