package check

import (
	"bytes"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/output"
	"github.com/sipcodes/sipcodes/internal/par"
	"golang.org/x/net/html"
)

var rfcLink = regexp.MustCompile(`^https://www\.rfc-editor\.org/rfc/rfc[1-9][0-9]*(#section-([1-9][0-9]*|[A-Z])(\.[0-9]+)*)?$`)

// SiteLinks checks the built site: every link, script, stylesheet and image
// inside the site must lead to a file, and to an element with that ID when
// it names a fragment. Links to the RFC Editor must be well formed.
func SiteLinks(files output.Files) diag.List {
	// Pages are scanned, then resolved, in parallel; problems are joined
	// in the order of the paths.
	names := files.Paths()
	scanned := make([]*pageLinks, len(names))
	par.For(len(names), func(i int) {
		if path.Ext(names[i]) == ".html" {
			scanned[i] = scanHTML(files[names[i]])
		}
	})
	pages := map[string]*pageLinks{}
	for i, p := range scanned {
		if p != nil {
			pages[names[i]] = p
		}
	}
	found := make([]diag.List, len(names))
	par.For(len(names), func(i int) {
		p := scanned[i]
		if p == nil {
			return
		}
		for _, ref := range p.refs {
			if msg := resolve(names[i], ref, files, pages); msg != "" {
				found[i].Addf(names[i], ref.line, 0, "%s", msg)
			}
		}
	})
	var diags diag.List
	for _, d := range found {
		diags.Append(d)
	}
	return diags
}

type pageLinks struct {
	ids  map[string]bool
	refs []linkRef
}

type linkRef struct {
	url  string
	line int
}

// scanHTML collects the IDs of a page and the URLs it refers to.
func scanHTML(data []byte) *pageLinks {
	p := &pageLinks{ids: map[string]bool{}}
	z := html.NewTokenizer(bytes.NewReader(data))
	line := 1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return p
		}
		raw := z.Raw()
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			tag, hasAttr := z.TagName()
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "id":
					p.ids[string(v)] = true
				case "href", "src":
					// A canonical link names the published address, which
					// is the base URL, not a file of this build.
					if string(tag) != "link" || !bytes.Contains(raw, []byte(`rel="canonical"`)) {
						p.refs = append(p.refs, linkRef{url: string(v), line: line})
					}
				}
			}
		}
		line += bytes.Count(raw, []byte("\n"))
	}
}

// resolve returns what is wrong with a reference from page name, or "".
func resolve(name string, ref linkRef, files output.Files, pages map[string]*pageLinks) string {
	u, err := url.Parse(ref.url)
	switch {
	case err != nil:
		return "malformed URL " + ref.url
	case u.Scheme == "http" || u.Scheme == "https":
		if strings.Contains(u.Host, "rfc-editor.org") && !rfcLink.MatchString(ref.url) {
			return "malformed RFC link " + ref.url
		}
		return ""
	case u.Scheme == "mailto":
		return ""
	case u.Scheme != "" || u.Host != "":
		return "unexpected URL " + ref.url
	}
	target := name
	if u.Path != "" {
		p := u.Path
		if !strings.HasPrefix(p, "/") {
			p = path.Join("/", path.Dir(name), p)
		}
		var ok bool
		if target, ok = fileFor(p, files); !ok {
			return "broken link " + ref.url
		}
	}
	if u.Fragment != "" {
		page := pages[target]
		if page == nil || !page.ids[u.Fragment] {
			return "broken link " + ref.url + ": no element with id " + u.Fragment
		}
	}
	return ""
}

// fileFor maps a site path to the file that a static host serves for it.
func fileFor(p string, files output.Files) (string, bool) {
	name := strings.TrimPrefix(p, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if _, ok := files[name]; ok {
		return name, true
	}
	if _, ok := files[name+"/index.html"]; ok {
		return name + "/index.html", true
	}
	return "", false
}
