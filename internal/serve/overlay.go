package serve

import (
	"bytes"
	"html"
)

// blankPage stands in for a page when no build has succeeded yet, so that
// the error overlay has something to cover.
const blankPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Build failed · sipcodes serve</title></head><body></body></html>`

// inject returns page with the live-reload script added before </head>,
// and, when failure is not empty, the error overlay at the start of the
// body showing it. The script is external (the site allows no inline
// script), and the message is escaped: it quotes what notes say.
func inject(page []byte, version, failure string) []byte {
	head := `<script src="` + reloadPath + `" data-version="` + html.EscapeString(version) + `" defer></script>`
	if failure != "" {
		head = `<link rel="stylesheet" href="` + overlayPath + `">` + head
	}
	out := insertBefore(page, []byte(head), []byte("</head>"), []byte("<body"))
	if failure == "" {
		return out
	}
	overlay := `<div class="sipcodes-live-error" role="alert"><h2>The site did not build</h2>` +
		`<p>This is the last good build. Fix the problem and save: the page reloads by itself.</p>` +
		`<pre>` + html.EscapeString(failure) + `</pre></div>`
	return insertAfterTag(out, []byte("<body"), []byte(overlay))
}

// insertBefore puts add before the first of the markers found, matched
// without regard to case, or at the start when none is.
func insertBefore(page, add []byte, markers ...[]byte) []byte {
	at := 0
	for _, m := range markers {
		if i := indexFold(page, m); i >= 0 {
			at = i
			break
		}
	}
	return splice(page, at, add)
}

// insertAfterTag puts add right after the start tag that begins with
// open, such as <body class="x">, or at the end when there is none.
func insertAfterTag(page, open, add []byte) []byte {
	at := len(page)
	if i := indexFold(page, open); i >= 0 {
		if j := bytes.IndexByte(page[i:], '>'); j >= 0 {
			at = i + j + 1
		}
	}
	return splice(page, at, add)
}

func splice(page []byte, at int, add []byte) []byte {
	out := make([]byte, 0, len(page)+len(add))
	out = append(out, page[:at]...)
	out = append(out, add...)
	return append(out, page[at:]...)
}

// indexFold is bytes.Index ignoring ASCII case.
func indexFold(s, sep []byte) int {
	n := len(sep)
	for i := 0; i+n <= len(s); i++ {
		if bytes.EqualFold(s[i:i+n], sep) {
			return i
		}
	}
	return -1
}
