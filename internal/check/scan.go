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
	outside *outsideChecks // may be nil
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
	line int
	// problem is what is wrong with a link that leaves the site, found
	// when the page is read: such a link needs no other page to check, and
	// only those with a problem are kept.
	problem string
}

// scanHTML reads a page once: with scanFast when it can, or else with the
// tokenizer. outside, which may be nil, answers for the links that leave
// the site.
func scanHTML(data []byte, outside *outsideChecks) *pageScan {
	if p, ok := scanFast(data, outside); ok {
		return p.done()
	}
	return scanTokens(data, outside).done()
}

// scanTokens reads a page once, token by token.
func scanTokens(data []byte, outside *outsideChecks) *pageScan {
	p := &pageScan{outside: outside}
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
		if msg, ok := p.outside.check(u); ok {
			if msg != "" {
				p.refs = append(p.refs, linkRef{url: string(u), line: line, problem: msg})
			}
			return
		}
	}
	p.refs = append(p.refs, linkRef{url: string(u), line: line})
}

// outsideChecks remembers what checkOutside says of each link that leaves
// the site: the same links to the RFC Editor come back page after page. It
// is safe for concurrent use; a nil one checks every link afresh.
type outsideChecks struct {
	mu   sync.RWMutex
	said map[string]string // URL to problem, "" when there is none
}

// check is checkOutside, remembered.
func (c *outsideChecks) check(u []byte) (msg string, ok bool) {
	if c != nil {
		c.mu.RLock()
		msg, ok = c.said[string(u)]
		c.mu.RUnlock()
		if ok {
			return msg, true
		}
	}
	s := string(u)
	msg, ok = checkOutside(s)
	if ok && c != nil {
		c.mu.Lock()
		if c.said == nil {
			c.said = map[string]string{}
		}
		c.said[s] = msg
		c.mu.Unlock()
	}
	return msg, ok
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
