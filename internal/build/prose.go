package build

import (
	"fmt"
	"html"
	"html/template"
	"strings"

	"github.com/sipcodes/sipcodes/internal/check"
	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/markdown"
	"github.com/sipcodes/sipcodes/internal/sip"
	"github.com/sipcodes/sipcodes/internal/site"
)

// CodePageIDs are the section IDs the code page template uses itself. A
// note's headings never take them, so links such as /486/#related always
// mean the same section.
var CodePageIDs = []string{"main", "facts", "headers", "related", "example", "flow", "constants", "q850", "references", "q", "q-list", "q-status"}

// MaxExpansion bounds how much larger than its source a rendered Markdown
// file may be. Real notes render to about twice their size; pathological
// input (thousands of empty list items or table cells) to far more.
const MaxExpansion = 10

// proseDoc is a rendered Markdown file with what checking it needs.
type proseDoc struct {
	check.Doc
	self string // the page's site path
}

// renderProse renders every Markdown file to HTML. It returns the pages
// by file name, and the jobs and their documents in the same order. Unless
// keep is set, it lets go of the sources as it renders them
// (content.DropSources), and the jobs it returns have no body.
func renderProse(c *content.Content, md *markdown.Renderer, keep bool) (map[string]site.Page, []proseJob, []proseDoc, error) {
	pages := map[string]site.Page{}
	var docs []proseDoc
	refs := map[int][]sip.Ref{}
	for _, code := range c.Dataset.Codes {
		for _, r := range code.Refs {
			refs[code.Code] = append(refs[code.Code], sip.Ref{RFC: r.RFC, Section: r.Section})
		}
	}
	// Files are listed in order, rendered in parallel (renderInParallel),
	// then taken in that order again, so that the first problem in it is
	// the one reported.
	var jobs []proseJob
	add := func(file string, body []byte, bodyLine int, reserved []string, self string, allowed []sip.Ref, meta content.PageMeta) error {
		jobs = append(jobs, proseJob{file, body, bodyLine, reserved, self, allowed, meta})
		return nil
	}
	finish := func() error {
		if !keep {
			// The jobs hold the bodies now, and let go of each once it is
			// rendered.
			c.DropSources()
		}
		for i, r := range renderInParallel(md, jobs, !keep) {
			if r.err != nil {
				return r.err
			}
			pages[jobs[i].file] = r.page
			docs = append(docs, r.doc)
		}
		return nil
	}
	for _, n := range c.Notes {
		allowed := refs[n.Meta.Code]
		for _, r := range n.Meta.References {
			allowed = append(allowed, sip.Ref{RFC: r.RFC, Section: r.Section})
		}
		if allowed == nil {
			allowed = []sip.Ref{}
		}
		self := "/" + sip.Code(n.Meta.Code).String() + "/"
		if err := add(n.File, n.Body, n.BodyLine, CodePageIDs, self, allowed, content.PageMeta{}); err != nil {
			return nil, nil, nil, err
		}
	}
	for _, p := range c.Classes {
		if err := add(p.File, p.Body, p.BodyLine, []string{"main", "codes"}, "", nil, p.Meta); err != nil {
			return nil, nil, nil, err
		}
	}
	for _, p := range []struct {
		page content.Page
		self string
	}{{c.Home, "/"}, {c.About, "/about/"}} {
		if p.page.File == "" {
			continue
		}
		if err := add(p.page.File, p.page.Body, p.page.BodyLine, []string{"main"}, p.self, nil, p.page.Meta); err != nil {
			return nil, nil, nil, err
		}
	}
	if err := finish(); err != nil {
		return nil, nil, nil, err
	}
	return pages, jobs, docs, nil
}

// result is the page and the document a job's rendered Markdown makes,
// or a problem when it renders far larger than its source.
func (j proseJob) result(doc *markdown.Doc) (site.Page, proseDoc, error) {
	if limit := MaxExpansion*len(j.body) + 64<<10; len(doc.HTML) > limit {
		return site.Page{}, proseDoc{}, diag.List{{File: j.file, Line: 1, Message: fmt.Sprintf("renders to %d bytes of HTML, more than %d times its size; simplify it", len(doc.HTML), MaxExpansion)}}
	}
	page := site.Page{
		Title: j.meta.Title, Description: j.meta.Description,
		HTML: template.HTML(doc.HTML), Headings: headings(doc),
	}
	page.Text = textWithoutHeadings(html.UnescapeString(doc.Text), page.Headings)
	// The page holds its own copies; the checks need only the structure.
	doc.HTML, doc.Text = nil, ""
	return page, proseDoc{Doc: check.Doc{File: j.file, BodyLine: j.bodyLine, Doc: doc, Refs: j.allowed}, self: j.self}, nil
}

func headings(doc *markdown.Doc) []site.Heading {
	var hs []site.Heading
	for _, h := range doc.Headings {
		hs = append(hs, site.Heading{Level: h.Level, ID: h.ID, Text: h.Text})
	}
	return hs
}

// checkDocs checks the rendered Markdown: its contents, then, when links
// is set, its links against the pages and sections of the site.
func checkDocs(s *site.Site, docs []proseDoc, links bool) diag.List {
	var diags diag.List
	t := newTargets(s)
	for _, d := range docs {
		diags.Append(check.Markdown(d.Doc))
		if links {
			diags.Append(check.InternalLinks(d.Doc, d.self, t))
		}
	}
	return diags
}

// textWithoutHeadings is the plain text of prose without its headings,
// which name sections ("In practice") and say nothing about a code: it is
// what search indexes. The plain text joins a heading to the paragraph
// after it ("In practiceThe callee"), so taking the heading out also
// separates the words around it. Headings appear in order, so each is
// looked for after the one before.
func textWithoutHeadings(text string, headings []site.Heading) string {
	var b strings.Builder
	rest := text
	for _, h := range headings {
		i := strings.Index(rest, h.Text)
		if h.Text == "" || i < 0 {
			continue
		}
		b.WriteString(rest[:i])
		b.WriteString(" ")
		rest = rest[i+len(h.Text):]
	}
	b.WriteString(rest)
	return b.String()
}
