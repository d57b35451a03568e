package content

import (
	"io/fs"
	"path"
	"regexp"

	"github.com/sipcodes/sipcodes/internal/diag"
)

// Options change what Load accepts. The zero value is what the site uses.
type Options struct {
	// Synthetic admits the generated content that benchmarks build to see
	// how the pipeline scales (cmd/benchsite): codes of four or five
	// digits (1000 to 69999, class by first digit), notes named after
	// them, and a dataset larger than MaxDataBytes. It relaxes only the
	// rules that tie a site to the 600 possible three-digit codes; every
	// other rule holds. Real content never sets it.
	Synthetic bool
}

// MaxSyntheticDataBytes bounds a data file of synthetic content, whose
// dataset lists up to ten thousand codes.
const MaxSyntheticDataBytes = 64 << 20

// syntheticNoteName is the name of a note of synthetic content.
var syntheticNoteName = regexp.MustCompile(`^[1-6][0-9]{2,4}\.md$`)

// LoadWith is Load with options.
func LoadWith(fsys fs.FS, prefix string, opt Options) (*Content, diag.List) {
	return load(loader{fsys: fsys, prefix: prefix, opt: opt})
}

// LoadNote reads one note, p such as "codes/486.md", as Load would. It
// does not check the folder around it.
func LoadNote(fsys fs.FS, prefix, p string, opt Options) (Note, diag.List) {
	l := loader{fsys: fsys, prefix: prefix, opt: opt}
	if !l.noteName().MatchString(path.Base(p)) || path.Dir(p) != NotesDir {
		l.errorf(p, 0, "not a note")
		return Note{}, l.diags
	}
	n, _ := l.note(p)
	return n, l.diags
}

// noteName returns the pattern of note file names.
func (l *loader) noteName() *regexp.Regexp {
	if l.opt.Synthetic {
		return syntheticNoteName
	}
	return noteName
}

// maxDataBytes bounds a data file.
func (l *loader) maxDataBytes() int {
	if l.opt.Synthetic {
		return MaxSyntheticDataBytes
	}
	return MaxDataBytes
}
