package check

import (
	"bytes"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/sipcodes/sipcodes/internal/diag"
	"golang.org/x/net/html"
)

// pageScan is what one pass over a page finds: the IDs it defines, the
// URLs it refers to, and anything in it that could run script.
type pageScan struct {
	links *linkMemo // may be nil
	// ids are kept sorted and each once (see done): a site of thousands
	// of pages keeps them all until its links are resolved, and a slice
	// is far smaller than a set.
	ids    []string
	refs   []linkRef
	unsafe diag.List // without a file name
}

// done sorts the IDs and drops repeats, once the page is read.
func (p *pageScan) done() *pageScan {
	slices.Sort(p.ids)
	p.ids = slices.Compact(p.ids)
	return p
}

// hasID reports whether the page defines id.
func (p *pageScan) hasID(id string) bool {
	_, ok := slices.BinarySearch(p.ids, id)
	return ok
}

// attrList holds a tag's attributes in order; a tag has few, so a slice
// beats a map. Keys and values point into the tokenizer's buffer and are
// copied only when kept: a build scans hundreds of thousands of them.
type attrList []attr

type attr struct {
	key, val []byte
}

func (l attrList) get(key string) string {
	for _, a := range l {
		if string(a.key) == key {
			return string(a.val)
		}
	}
	return ""
}

// tagName returns the name of a tag as a string, without copying the names
// the site's pages are made of.
func tagName(name []byte) string {
	switch string(name) {
	case "a":
		return "a"
	case "span":
		return "span"
	case "li":
		return "li"
	case "p":
		return "p"
	case "code":
		return "code"
	case "td":
		return "td"
	case "th":
		return "th"
	case "tr":
		return "tr"
	case "text":
		return "text"
	case "line":
		return "line"
	case "g":
		return "g"
	case "link":
		return "link"
	case "meta":
		return "meta"
	case "script":
		return "script"
	case "div":
		return "div"
	case "h2":
		return "h2"
	case "h3":
		return "h3"
	}
	return string(name)
}

type linkRef struct {
	url  string
	line int32
	// outside marks a link that leaves the site and has a problem, found
	// as the page is read: such a link needs no other page to check, and
	// only those with a problem are kept. A site keeps tens of thousands
	// of links until they resolve, so the struct stays small.
	outside bool
}

// scanHTML reads a page once: with scanFast when it can, or else with the
// tokenizer. links, which may be nil, is shared by the pages of a site.
func scanHTML(data []byte, links *linkMemo) *pageScan {
	if p, ok := scanFast(data, links); ok {
		return p.done()
	}
	return scanTokens(data, links).done()
}

// scanTokens reads a page once, token by token.
func scanTokens(data []byte, links *linkMemo) *pageScan {
	p := &pageScan{links: links}
	z := html.NewTokenizer(bytes.NewReader(data))
	line := 1
	inScript := false
	var attrs attrList
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return p
		}
		raw := z.Raw()
		here := line
		line += bytes.Count(raw, []byte("\n"))
		switch tt {
		case html.TextToken:
			if inScript && len(bytes.TrimSpace(raw)) > 0 {
				p.unsafe.Addf("", here, 0, "inline script")
			}
		case html.EndTagToken:
			if tn, _ := z.TagName(); string(tn) == "script" {
				inScript = false
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tn, hasAttr := z.TagName()
			tag := tagName(tn)
			attrs = attrs[:0]
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr() // keys come lower-cased
				attrs = append(attrs, attr{k, v})
			}
			p.record(tag, attrs, here)
			inScript = tag == "script" && tt == html.StartTagToken && attrs.get("type") != "application/ld+json"
		}
	}
}

// record notes an element's ID and references, and whatever about it could
// run script.
func (p *pageScan) record(tag string, attrs attrList, line int) {
	for _, a := range attrs {
		key, v := a.key, a.val
		switch string(key) {
		case "id":
			p.ids = append(p.ids, string(v))
		case "href", "src":
			// A canonical link names the published address, which is the
			// base URL, not a file of this build.
			if !(tag == "link" && attrs.get("rel") == "canonical") {
				p.addRef(v, line)
			}
		}
		switch {
		case bytes.HasPrefix(key, []byte("on")):
			p.unsafe.Addf("", line, 0, "event-handler attribute %s on <%s>", key, tag)
		case string(key) == "style":
			p.unsafe.Addf("", line, 0, "inline style attribute on <%s>", tag)
		case isURLAttr(string(key)) && scriptURL(string(v)):
			p.unsafe.Addf("", line, 0, "%s=%q on <%s> can run script", key, v, tag)
		}
	}
	switch {
	case tag == "script" && attrs.get("type") == "application/ld+json":
		// A data block: browsers never run it, and html/template escaped
		// what is inside.
	case tag == "script":
		if src := attrs.get("src"); !strings.HasPrefix(src, "/") || path.Ext(src) != ".js" {
			p.unsafe.Addf("", line, 0, "script that does not load one of the site's own .js files")
		}
	case forbiddenTag(tag):
		p.unsafe.Addf("", line, 0, "<%s> is not allowed", tag)
	case tag == "meta" && strings.EqualFold(attrs.get("http-equiv"), "refresh"):
		p.unsafe.Addf("", line, 0, "<meta http-equiv=refresh> is not allowed")
	}
}

// addRef keeps a reference to check once every page is read, or checks at
// once a link that leaves the site.
func (p *pageScan) addRef(u []byte, line int) {
	if !internalPath(u) {
		if msg, ok := p.links.checkOutside(u); ok {
			if msg != "" {
				p.refs = append(p.refs, linkRef{url: string(u), line: int32(line), outside: true})
			}
			return
		}
	}
	p.refs = append(p.refs, linkRef{url: p.links.within(u), line: int32(line)})
}

// linkMemo is what the scans of a site's pages share, so that what many
// pages repeat is checked and kept once: the problem, if any, of each link
// that leaves the site (the same RFC sections come back page after page),
// and one copy of each link within it ("/", "#facts", "/486/"). It is safe
// for concurrent use; a nil one checks and copies every link afresh.
type linkMemo struct {
	mu      sync.RWMutex
	outside map[string]string // URL to its problem, "" when there is none
	inside  map[string]string // URL to its one copy
}

// checkOutside is the function of that name, remembered.
func (m *linkMemo) checkOutside(u []byte) (msg string, ok bool) {
	if m != nil {
		m.mu.RLock()
		msg, ok = m.outside[string(u)]
		m.mu.RUnlock()
		if ok {
			return msg, true
		}
	}
	s := string(u)
	msg, ok = checkOutside(s)
	if ok && m != nil {
		m.mu.Lock()
		if m.outside == nil {
			m.outside = map[string]string{}
		}
		m.outside[s] = msg
		m.mu.Unlock()
	}
	return msg, ok
}

// within returns u as a string, the same copy for every page that has it.
func (m *linkMemo) within(u []byte) string {
	if m == nil {
		return string(u)
	}
	m.mu.RLock()
	s, ok := m.inside[string(u)]
	m.mu.RUnlock()
	if ok {
		return s
	}
	s = string(u)
	m.mu.Lock()
	if m.inside == nil {
		m.inside = map[string]string{}
	}
	m.inside[s] = s
	m.mu.Unlock()
	return s
}

// unsafeAll gathers what the scans found that could run script, and the
// SVG files that hold a script, in the order of the paths.
func unsafeAll(files map[string]bool, pages map[string]*pageScan, svgScript map[string]bool) diag.List {
	var diags diag.List
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if p := pages[name]; p != nil {
			found := p.unsafe.In(name, 0)
			found.Sort()
			diags.Append(found)
		}
		if svgScript[name] {
			diags.Addf(name, 0, 0, "SVG file holds a script")
		}
	}
	return diags
}
