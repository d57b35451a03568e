package check

import (
	"strings"

	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/output"
	"golang.org/x/net/html"
)

// NoScript checks that the built site can run no code but its own: every
// script element loads one of the site's own .js files, and no page holds
// inline script, inline styles, event-handler attributes, script-bearing
// URLs, or elements that embed or redirect to other documents. It is the
// last line of defence against content that got past the earlier checks,
// and it is what the Content-Security-Policy in netlify.toml relies on.
func NoScript(files output.Files) diag.List {
	sc := scanFiles(files)
	return unsafeAll(sc.names, sc.pages, sc.svgScript)
}

// forbiddenTag reports whether tag embeds another document or changes how
// the page is read.
func forbiddenTag(tag string) bool {
	switch tag {
	case "iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "style":
		return true
	}
	return false
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
	if !strings.ContainsAny(v, ":&") {
		// No scheme, and no entity that could spell one.
		return false
	}
	if plainURL(v) {
		// Nothing to decode or strip: the scheme is as written.
		return hasPrefixFold(v, "javascript:") || hasPrefixFold(v, "vbscript:") || hasPrefixFold(v, "data:")
	}
	var b strings.Builder
	for _, r := range strings.ToLower(html.UnescapeString(v)) {
		if r > ' ' {
			b.WriteRune(r)
		}
	}
	s := b.String()
	return strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "vbscript:") || strings.HasPrefix(s, "data:")
}

// plainURL reports whether v holds no entity, space, control character or
// byte outside ASCII, so that a browser reads its scheme as written.
func plainURL(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c <= ' ' || c == '&' || c >= 0x7f {
			return false
		}
	}
	return true
}

// hasPrefixFold is strings.HasPrefix with ASCII letters folded.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
