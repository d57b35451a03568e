package check

import (
	"slices"
	"strings"

	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/highlight"
	"github.com/sipcodes/sipcodes/internal/markdown"
	"github.com/sipcodes/sipcodes/internal/sip"
)

// Doc is a rendered Markdown file and where its body starts.
type Doc struct {
	File     string
	BodyLine int
	Doc      *markdown.Doc
	// Refs are the RFC sections the document may cite; nil means any.
	Refs []sip.Ref
}

func (d Doc) at(diags *diag.List, line int, format string, args ...any) {
	if line > 0 {
		line += d.BodyLine - 1
	}
	diags.Addf(d.File, line, 0, format, args...)
}

// Markdown checks what a rendered document contains: no raw HTML, no H1
// (the page has its own), no skipped heading levels, only safe link
// schemes, code blocks only in languages the site highlights, and only
// citations of sections the dataset or front matter lists for the code.
func Markdown(d Doc) diag.List {
	var diags diag.List
	for _, line := range d.Doc.RawHTML {
		d.at(&diags, line, "raw HTML is not allowed in notes; use Markdown")
	}
	for _, h := range d.Doc.TakenIDs {
		d.at(&diags, h.Line, "heading id #%s is already used on this page; choose another", h.ID)
	}
	prev := 1
	for _, h := range d.Doc.Headings {
		switch {
		case h.Level == 1:
			d.at(&diags, h.Line, "heading %q is level 1; the page has its own title, so start at ##", h.Text)
		case h.Level > prev+1:
			d.at(&diags, h.Line, "heading %q skips from level %d to %d", h.Text, prev, h.Level)
		}
		prev = h.Level
	}
	for _, l := range d.Doc.Links {
		if l.Unsafe {
			d.at(&diags, l.Line, "link %q: only http, https, mailto and site links are allowed", l.Dest)
		}
		if l.Image {
			d.at(&diags, l.Line, "images are not allowed in notes")
		}
	}
	for _, b := range d.Doc.CodeBlocks {
		if !highlight.Supports(b.Lang) {
			d.at(&diags, b.Line, "code block language %s", notHighlighted(b.Lang))
		}
	}
	for _, c := range d.Doc.Citations {
		ref := sip.Ref{RFC: c.RFC, Section: c.Section}
		switch {
		case c.Err != nil:
			d.at(&diags, c.Line, "%v", c.Err)
		case d.Refs != nil && !slices.ContainsFunc(d.Refs, func(r sip.Ref) bool { return r.Covers(ref) }):
			d.at(&diags, c.Line, "%s is not cited for this code; add it to references in the front matter", ref)
		}
	}
	return diags
}

// Targets knows which internal pages and fragments exist.
type Targets interface {
	// Fragments returns the IDs on the page at a site path, and whether
	// the page exists.
	Fragments(path string) (map[string]bool, bool)
}

// InternalLinks checks that every site link of a document leads to a page,
// and to a section of it when a fragment is given. self is the document's
// own page, for links that are only a fragment.
func InternalLinks(d Doc, self string, t Targets) diag.List {
	var diags diag.List
	for _, l := range d.Doc.Links {
		p, frag, _ := strings.Cut(l.Dest, "#")
		switch {
		case strings.HasPrefix(l.Dest, "//"), strings.Contains(p, ":"):
			continue
		case p == "":
			p = self
		case !strings.HasPrefix(p, "/"):
			d.at(&diags, l.Line, "link %q: write site links from the root, such as /486/", l.Dest)
			continue
		}
		ids, ok := t.Fragments(p)
		switch {
		case !ok:
			d.at(&diags, l.Line, "link %q: no page at %s", l.Dest, p)
		case frag != "" && !ids[frag]:
			d.at(&diags, l.Line, "link %q: %s has no section #%s", l.Dest, p, frag)
		}
	}
	return diags
}
