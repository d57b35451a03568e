package content

import (
	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/par"
)

// inParallel runs each job with a loader of its own, on every processor,
// and then appends their problems to l in the order of the jobs: the result
// is what running them one after the other would give. Jobs must write only
// to their own loader and to variables no other job touches.
func (l *loader) inParallel(jobs ...func(*loader)) {
	diags := make([]diag.List, len(jobs))
	par.For(len(jobs), func(i int) {
		sub := loader{fsys: l.fsys, prefix: l.prefix, opt: l.opt}
		jobs[i](&sub)
		diags[i] = sub.diags
	})
	for _, d := range diags {
		l.diags.Append(d)
	}
}
