package build

import (
	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/markdown"
	"github.com/sipcodes/sipcodes/internal/par"
	"github.com/sipcodes/sipcodes/internal/sip"
)

// proseJob is one Markdown file to render, with what its page needs.
type proseJob struct {
	file     string
	body     []byte
	bodyLine int
	reserved []string
	self     string
	allowed  []sip.Ref
	meta     content.PageMeta
}

// renderInParallel renders every job on every processor. The renderer and
// its highlighter are safe for concurrent use; results come back by index.
func renderInParallel(md *markdown.Renderer, jobs []proseJob) ([]*markdown.Doc, []error) {
	docs := make([]*markdown.Doc, len(jobs))
	errs := make([]error, len(jobs))
	par.For(len(jobs), func(i int) {
		docs[i], errs[i] = md.Render(jobs[i].body, jobs[i].reserved)
	})
	return docs, errs
}
