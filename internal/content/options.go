package content

import (
	"io/fs"
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
