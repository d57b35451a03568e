package render

import (
	"fmt"

	"github.com/sipcodes/sipcodes/internal/site"
)

// Page is one HTML file to write and the data its template sees.
type Page struct {
	Kind        string // the template: home, class, code, 404, q850
	File        string // output path, such as "486/index.html"
	Path        string // URL path, such as "/486/"
	Title       string
	Description string
	Crumbs      []Crumb
	Site        *site.Site
	Class       *site.Class
	Code        *site.Code
}

// Crumb is one step of the breadcrumb; the current page has no URL.
type Crumb struct {
	Name string
	URL  string
}

// Nav is what the site header shows: the classes, and on a class page the
// path of that page, which the header marks as current. It is all the
// header sees, so that each variant is rendered once per build.
type Nav struct {
	Site    *site.Site
	Current string
}

// Nav is the header of the page.
func (p Page) Nav() Nav {
	n := Nav{Site: p.Site}
	if p.Kind == "class" {
		n.Current = p.Path
	}
	return n
}

// AbsURL makes a site path absolute with the base URL, for canonical links
// and link previews.
func (p Page) AbsURL(path string) string { return p.Site.BaseURL + path }

// homeCrumb starts every breadcrumb.
var homeCrumb = Crumb{Name: "Home", URL: "/"}

// SiteName is how titles name the site.
const SiteName = "SIP response codes"

// Pages lists every HTML page of the site, in a fixed order.
func Pages(s *site.Site) []Page {
	pages := []Page{{
		Kind: "home", File: "index.html", Path: "/",
		Title:       "SIP response codes: every code, what it means, what to do",
		Description: s.Home.Description,
		Site:        s,
	}, {
		Kind: "404", File: "404.html", Path: "/404.html",
		Title:       "Page not found · " + SiteName,
		Description: "There is no page at this address.",
		Site:        s,
	}, {
		Kind: "q850", File: "q850/index.html", Path: "/q850/",
		Title:       "Q.850 cause codes and SIP responses · " + SiteName,
		Description: "How gateways map ISDN Q.850 release causes to SIP response codes and back, after RFC 3398.",
		Crumbs:      []Crumb{homeCrumb, {Name: "Q.850 causes"}},
		Site:        s,
	}}
	if s.About.HTML != "" {
		pages = append(pages, Page{
			Kind: "about", File: "about/index.html", Path: "/about/",
			Title:       "About · " + SiteName,
			Description: s.About.Description,
			Crumbs:      []Crumb{homeCrumb, {Name: "About"}},
			Site:        s,
		})
	}
	for _, c := range s.Classes {
		pages = append(pages, Page{
			Kind: "class", File: c.Slug() + "/index.html", Path: c.URL(),
			Title:       fmt.Sprintf("%s %s · %s", c.Slug(), c.Name(), SiteName),
			Description: c.Intro.Description,
			Crumbs:      []Crumb{homeCrumb, {Name: c.Slug()}},
			Site:        s, Class: c,
		})
	}
	for _, c := range s.Codes {
		pages = append(pages, CodePage(s, c))
	}
	return pages
}

// CodePage is the page of c, as Pages lists it: the live preview renders
// one code page again without listing them all.
func CodePage(s *site.Site, c *site.Code) Page {
	return Page{
		Kind: "code", File: c.Code.String() + "/index.html", Path: c.URL(),
		Title:       fmt.Sprintf("%s %s · SIP response code", c.Code, c.Reason),
		Description: c.Summary,
		Crumbs:      []Crumb{homeCrumb, {Name: c.Class.Slug(), URL: c.Class.URL()}, {Name: c.Code.String()}},
		Site:        s, Class: c.Class, Code: c,
	}
}

// LinkedData is the page's schema.org description for search engines: each
// code is a DefinedTerm within the DefinedTermSet of all codes. It is
// encoded by html/template, which escapes it for the script element.
func (p Page) LinkedData() map[string]any {
	set := map[string]any{
		"@type":       "DefinedTermSet",
		"name":        SiteName,
		"url":         p.Site.BaseURL + "/",
		"description": "Every SIP response code in the IANA registry, with notes for engineers.",
	}
	switch p.Kind {
	case "home":
		set["@context"] = "https://schema.org"
		return set
	case "code":
		return map[string]any{
			"@context":         "https://schema.org",
			"@type":            "DefinedTerm",
			"name":             p.Code.Code.String() + " " + p.Code.Reason,
			"termCode":         p.Code.Code.String(),
			"description":      p.Code.Summary,
			"url":              p.AbsURL(p.Path),
			"inDefinedTermSet": set,
		}
	}
	return nil
}
