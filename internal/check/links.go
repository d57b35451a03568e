package check

import (
	"bytes"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/output"
	"github.com/sipcodes/sipcodes/internal/par"
)

var rfcLink = regexp.MustCompile(`^https://www\.rfc-editor\.org/rfc/rfc[1-9][0-9]*(#section-([1-9][0-9]*|[A-Z])(\.[0-9]+)*)?$`)

// SiteLinks checks the built site: every link, script, stylesheet and image
// inside the site must lead to a file, and to an element with that ID when
// it names a fragment. Links to the RFC Editor must be well formed.
func SiteLinks(files output.Files) diag.List {
	sc := scanFiles(files)
	return resolveAll(sc.names, sc.pages)
}

// Site runs SiteLinks and NoScript over the built site with one scan of
// each page.
func Site(files output.Files) diag.List { return scanFiles(files).Problems() }

// scanFiles scans every file in parallel.
func scanFiles(files output.Files) *SiteScan {
	sc := NewSiteScan()
	names := files.Paths()
	par.For(len(names), func(i int) { sc.Add(names[i], files[names[i]]) })
	return sc
}

// SiteScan checks a site's files as the build makes them, so that it need
// not hold every page until the end: each page is scanned once, when it is
// added, and only what the links need (its IDs and references) and what
// could run script are kept. It is safe for concurrent use.
type SiteScan struct {
	links     linkMemo
	mu        sync.Mutex
	names     map[string]bool
	pages     map[string]*pageScan
	svgScript map[string]bool
}

// NewSiteScan starts an empty scan.
func NewSiteScan() *SiteScan {
	return &SiteScan{names: map[string]bool{}, pages: map[string]*pageScan{}, svgScript: map[string]bool{}}
}

// Add scans one file of the site, in place of any file of that name.
func (sc *SiteScan) Add(name string, data []byte) {
	var page *pageScan
	svgScript := false
	switch path.Ext(name) {
	case ".html":
		page = scanHTML(data, &sc.links)
	case ".svg":
		svgScript = bytes.Contains(bytes.ToLower(data), []byte("<script"))
	}
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.names[name] = true
	if page != nil {
		sc.pages[name] = page
	}
	if svgScript {
		sc.svgScript[name] = true
	}
}

// Reads reports whether Add reads the contents of a file named name; of
// other files it notes only that they exist.
func Reads(name string) bool {
	ext := path.Ext(name)
	return ext == ".html" || ext == ".svg"
}

// Remove forgets a file, for a rebuild that no longer makes it.
func (sc *SiteScan) Remove(name string) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	delete(sc.names, name)
	delete(sc.pages, name)
	delete(sc.svgScript, name)
}

// Problems resolves every reference once all files are added, and lists
// what could run script, in the order of the paths.
func (sc *SiteScan) Problems() diag.List {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	diags := resolveAll(sc.names, sc.pages)
	diags.Append(unsafeAll(sc.names, sc.pages, sc.svgScript))
	return diags
}

// resolveAll resolves every reference of every page, in parallel; problems
// are joined in the order of the paths.
func resolveAll(files map[string]bool, pages map[string]*pageScan) diag.List {
	names := slices.Sorted(maps.Keys(pages))
	found := make([]diag.List, len(names))
	par.For(len(names), func(i int) {
		for _, ref := range pages[names[i]].refs {
			if msg := resolve(names[i], ref, files, pages); msg != "" {
				found[i].Addf(names[i], int(ref.line), 0, "%s", msg)
			}
		}
	})
	var diags diag.List
	for _, d := range found {
		diags.Append(d)
	}
	return diags
}

// internalPath reports whether u is a path from the root of the site,
// "/486/#related", or a fragment, "#facts", which most references are: it
// needs no parsing to know that it stays in the site.
func internalPath(u []byte) bool {
	return bytes.HasPrefix(u, []byte("#")) || bytes.HasPrefix(u, []byte("/")) && !bytes.HasPrefix(u, []byte("//"))
}

// checkOutside checks a URL that leaves the site, or could not be parsed:
// ok is false for a reference within the site, which only the other
// pages can tell right or wrong.
func checkOutside(raw string) (msg string, ok bool) {
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return "malformed URL " + raw, true
	case u.Scheme == "http" || u.Scheme == "https":
		if strings.Contains(u.Host, "rfc-editor.org") && !rfcLink.MatchString(raw) {
			return "malformed RFC link " + raw, true
		}
		return "", true
	case u.Scheme == "mailto":
		return "", true
	case u.Scheme != "" || u.Host != "":
		return "unexpected URL " + raw, true
	}
	return "", false
}

// resolve returns what is wrong with a reference from page name, or "".
func resolve(name string, ref linkRef, files map[string]bool, pages map[string]*pageScan) string {
	if ref.outside {
		msg, _ := checkOutside(ref.url)
		return msg
	}
	// Every other reference stays in the site (see addRef).
	u, err := url.Parse(ref.url)
	if err != nil {
		return "malformed URL " + ref.url
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
		if page == nil || !page.hasID(u.Fragment) {
			return "broken link " + ref.url + ": no element with id " + u.Fragment
		}
	}
	return ""
}

// fileFor maps a site path to the file that a static host serves for it.
func fileFor(p string, files map[string]bool) (string, bool) {
	name := strings.TrimPrefix(p, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if files[name] {
		return name, true
	}
	if files[name+"/index.html"] {
		return name + "/index.html", true
	}
	return "", false
}
