package build

import (
	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/markdown"
	"github.com/sipcodes/sipcodes/internal/par"
	"github.com/sipcodes/sipcodes/internal/sip"
	"github.com/sipcodes/sipcodes/internal/site"
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

// proseResult is what a job made: its page and its document, or why not.
type proseResult struct {
	page site.Page
	doc  proseDoc
	err  error
}

// renderInParallel renders every job on every processor. The renderer and
// its highlighter are safe for concurrent use; results come back by index.
// With drop, each job lets go of its source as soon as it is rendered, so
// that on a large site the sources already rendered are not held while
// the rest render.
func renderInParallel(md *markdown.Renderer, jobs []proseJob, drop bool) []proseResult {
	results := make([]proseResult, len(jobs))
	par.For(len(jobs), func(i int) {
		r := &results[i]
		doc, err := md.Render(jobs[i].body, jobs[i].reserved)
		if err == nil {
			r.page, r.doc, err = jobs[i].result(doc)
		}
		r.err = err
		if drop {
			jobs[i].body = nil
		}
	})
	return results
}
