package check

import (
	"bytes"
	"path"
	"strings"

	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/output"
	"github.com/sipcodes/sipcodes/internal/par"
	"golang.org/x/net/html"
)

// NoScript checks that the built site can run no code but its own: every
// script element loads one of the site's own .js files, and no page holds
// inline script, inline styles, event-handler attributes, script-bearing
// URLs, or elements that embed or redirect to other documents. It is the
// last line of defence against content that got past the earlier checks,
// and it is what the Content-Security-Policy in netlify.toml relies on.
func NoScript(files output.Files) diag.List {
	// Files are scanned in parallel; problems are joined in path order.
	names := files.Paths()
	found := make([]diag.List, len(names))
	par.For(len(names), func(i int) {
		name := names[i]
		switch path.Ext(name) {
		case ".html":
			scanForScript(name, files[name], files, &found[i])
		case ".svg":
			if bytes.Contains(bytes.ToLower(files[name]), []byte("<script")) {
				found[i].Addf(name, 0, 0, "SVG file holds a script")
			}
		}
	})
	var diags diag.List
	for _, d := range found {
		diags.Append(d)
	}
	return diags
}

// forbiddenTags embed other documents or change how the page is read.
var forbiddenTags = map[string]bool{
	"iframe": true, "frame": true, "frameset": true, "object": true, "embed": true,
	"applet": true, "base": true, "portal": true, "style": true,
}

func scanForScript(name string, data []byte, files output.Files, diags *diag.List) {
	z := html.NewTokenizer(bytes.NewReader(data))
	line := 1
	inScript := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		raw := z.Raw()
		here := line
		line += bytes.Count(raw, []byte("\n"))
		switch tt {
		case html.TextToken:
			if inScript && len(bytes.TrimSpace(raw)) > 0 {
				diags.Addf(name, here, 0, "inline script")
			}
			continue
		case html.EndTagToken:
			if tn, _ := z.TagName(); string(tn) == "script" {
				inScript = false
			}
			continue
		case html.StartTagToken, html.SelfClosingTagToken:
		default:
			continue
		}
		tn, hasAttr := z.TagName()
		tag := string(tn)
		attrs := map[string]string{}
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			key := strings.ToLower(string(k))
			attrs[key] = string(v)
			switch {
			case strings.HasPrefix(key, "on"):
				diags.Addf(name, here, 0, "event-handler attribute %s on <%s>", key, tag)
			case key == "style":
				diags.Addf(name, here, 0, "inline style attribute on <%s>", tag)
			case isURLAttr(key) && scriptURL(string(v)):
				diags.Addf(name, here, 0, "%s=%q on <%s> can run script", key, v, tag)
			}
		}
		switch {
		case tag == "script" && attrs["type"] == "application/ld+json":
			// A data block: browsers never run it, and html/template
			// escaped what is inside.
		case tag == "script":
			inScript = tt == html.StartTagToken
			src := attrs["src"]
			if !strings.HasPrefix(src, "/") || path.Ext(src) != ".js" {
				diags.Addf(name, here, 0, "script that does not load one of the site's own .js files")
			} else if _, ok := files[strings.TrimPrefix(src, "/")]; !ok && !strings.HasPrefix(src, "/_live/") {
				diags.Addf(name, here, 0, "script %s is not a file of the site", src)
			}
		case forbiddenTags[tag]:
			diags.Addf(name, here, 0, "<%s> is not allowed", tag)
		case tag == "meta" && strings.EqualFold(attrs["http-equiv"], "refresh"):
			diags.Addf(name, here, 0, "<meta http-equiv=refresh> is not allowed")
		}
	}
}

func isURLAttr(key string) bool {
	switch key {
	case "href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background", "ping":
		return true
	}
	return false
}

// scriptURL reports whether a URL would run code or load a document the
// site does not control, allowing for the spaces and control characters
// browsers strip before they read the scheme.
func scriptURL(v string) bool {
	var b strings.Builder
	for _, r := range strings.ToLower(html.UnescapeString(v)) {
		if r > ' ' {
			b.WriteRune(r)
		}
	}
	s := b.String()
	return strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "vbscript:") || strings.HasPrefix(s, "data:")
}
