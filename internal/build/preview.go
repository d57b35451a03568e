package build

import (
	"bytes"
	"maps"
	"path"
	"slices"

	"github.com/sipcodes/sipcodes/internal/check"
	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/par"
	"github.com/sipcodes/sipcodes/internal/render"
	"github.com/sipcodes/sipcodes/internal/search"
	"github.com/sipcodes/sipcodes/internal/sip"
)

// Preview builds the site over and over for the live preview. After a
// build it keeps the content, the model and the files, so that when only
// the text of one note changed (the usual save while writing) it renders
// that note and its code page, rebuilds the search index and checks the
// links again, instead of building everything. Every other change, and
// any problem on the way, is a full build, so the result and the errors
// are always those of Build (TestPreviewMatchesBuild).
//
// A note's text reaches only its own page and the search index: the
// index's name, in every page's header, is replaced in place when it
// changes. Other pages use the note's front matter, which
// must be unchanged for the quick path.
type Preview struct {
	cfg  Config
	last *state // nil when the next build must be full
	// Quick counts the rebuilds that took the quick path, for tests.
	Quick int
}

// NewPreview returns a Preview of the site cfg describes. cfg.Out must be
// nil: the files are kept in memory.
func NewPreview(cfg Config) *Preview {
	cfg.Out = nil
	cfg.searchCounts = new(search.Counts)
	return &Preview{cfg: cfg}
}

// Build builds the whole site.
func (p *Preview) Build() (*Result, error) {
	res, st, err := build(p.cfg, true)
	p.last = st
	return res, err
}

// Rebuild builds the site again after the files changed have changed;
// they are paths inside the content folder with slashes, such as
// "codes/486.md". nil means unknown.
func (p *Preview) Rebuild(changed []string) (*Result, error) {
	if len(changed) == 1 && p.last != nil {
		st := p.last
		// The state changes below; it is kept only if all goes well.
		p.last = nil
		if res, ok := p.rebuildNote(st, changed[0]); ok {
			p.last = st
			p.Quick++
			return res, nil
		}
	}
	return p.Build()
}

// rebuildNote rebuilds after the note at name changed, if only its text
// did and it has no problem; ok is false when a full build must decide.
func (p *Preview) rebuildNote(st *state, name string) (_ *Result, ok bool) {
	cfg := p.cfg
	n, diags := content.LoadNote(cfg.Content, cfg.ContentName, name, content.Options{Synthetic: cfg.Synthetic})
	if diags != nil {
		return nil, false
	}
	i := slices.IndexFunc(st.content.Notes, func(o content.Note) bool { return o.File == n.File })
	j := slices.IndexFunc(st.jobs, func(job proseJob) bool { return job.file == n.File })
	k := slices.IndexFunc(st.docs, func(d proseDoc) bool { return d.File == n.File })
	if i < 0 || j < 0 || k < 0 {
		return nil, false
	}
	old := st.content.Notes[i]
	if !bytes.Equal(old.Front, n.Front) || old.BodyLine != n.BodyLine || st.files == nil {
		return nil, false
	}
	if check.Notes([]content.Note{n}, st.content.Dataset) != nil {
		return nil, false
	}
	job := st.jobs[j]
	job.body = n.Body
	rendered, err := st.markdown.Render(job.body, job.reserved)
	if err != nil {
		return nil, false
	}
	page, doc, err := job.result(rendered)
	if err != nil {
		return nil, false
	}
	code := st.site.Code(sip.Code(n.Meta.Code))
	if code == nil {
		return nil, false
	}
	st.content.Notes[i], st.jobs[j], st.docs[k] = n, job, doc
	code.Note = page
	if checkDocs(st.site, st.docs, true) != nil {
		return nil, false
	}

	// The search index takes longest: it is built while the page renders.
	indexName, buildIndex := searchIndex(st.site, p.cfg.searchCounts)
	building := par.Start(buildIndex)
	html, err := st.renderer.RenderPage(render.CodePage(st.site, code))
	index, indexErr := building()
	if err != nil || indexErr != nil {
		return nil, false
	}
	files := maps.Clone(st.files)
	pageFile := code.URL()[1:] + "index.html"
	// The page names the index the renderer knows; make it the current one.
	html = bytes.ReplaceAll(html, []byte("/"+st.rendered), []byte("/"+st.indexName))
	files[pageFile] = html
	st.scan.Add(pageFile, html)

	if indexName != st.indexName {
		// Every page names the index; only the name changed.
		oldRef, newRef := []byte("/"+st.indexName), []byte("/"+indexName)
		for name, data := range files {
			if path.Ext(name) == ".html" {
				files[name] = bytes.ReplaceAll(data, oldRef, newRef)
			}
		}
		delete(files, st.indexName)
		st.scan.Remove(st.indexName)
		st.indexName = indexName
	}
	files[indexName] = index
	st.scan.Add(indexName, index)
	if st.scan.Problems() != nil {
		return nil, false
	}
	st.files = files
	return &Result{Files: files, Site: st.site, Count: len(files), Size: int64(files.Size())}, true
}
