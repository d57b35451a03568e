package check

import (
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/output"
	"github.com/sipcodes/sipcodes/internal/par"
)

var rfcLink = regexp.MustCompile(`^https://www\.rfc-editor\.org/rfc/rfc[1-9][0-9]*(#section-([1-9][0-9]*|[A-Z])(\.[0-9]+)*)?$`)

// SiteLinks checks the built site: every link, script, stylesheet and image
// inside the site must lead to a file, and to an element with that ID when
// it names a fragment. Links to the RFC Editor must be well formed.
func SiteLinks(files output.Files) diag.List {
	return resolveAll(files, scanAll(files))
}

// Site runs SiteLinks and NoScript over the built site with one scan of
// each page: the build's last step, where a scan of every page is most of
// the cost.
func Site(files output.Files) diag.List {
	scanned := scanAll(files)
	diags := resolveAll(files, scanned)
	diags.Append(unsafeAll(files, scanned))
	return diags
}

// scanAll scans every HTML page in parallel, in the order of the paths.
func scanAll(files output.Files) map[string]*pageScan {
	names := files.Paths()
	scanned := make([]*pageScan, len(names))
	par.For(len(names), func(i int) {
		if path.Ext(names[i]) == ".html" {
			scanned[i] = scanHTML(files[names[i]])
		}
	})
	pages := map[string]*pageScan{}
	for i, p := range scanned {
		if p != nil {
			pages[names[i]] = p
		}
	}
	return pages
}

// resolveAll resolves every reference of every page, in parallel; problems
// are joined in the order of the paths.
func resolveAll(files output.Files, pages map[string]*pageScan) diag.List {
	names := files.Paths()
	found := make([]diag.List, len(names))
	par.For(len(names), func(i int) {
		p := pages[names[i]]
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

// resolve returns what is wrong with a reference from page name, or "".
func resolve(name string, ref linkRef, files output.Files, pages map[string]*pageScan) string {
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
