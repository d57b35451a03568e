package check

import (
	"bytes"

	"golang.org/x/net/html"
)

// scanFast reads a page as the tokenizer of golang.org/x/net/html would
// and finds what scanTokens finds, about four times faster: a build is
// megabytes of plain tags, and the tokenizer copies every tag name,
// attribute name and value it returns. It gives up, and returns false, on
// anything but plain tags, text, doctypes, scripts and titles: comments,
// other raw-text elements, a script that could hide its end tag, a tag cut
// off by the end of the page. A tag holding "&", a carriage return or NUL,
// whose attributes need decoding, is read by the tokenizer on its own.
// FuzzScanFast holds it to the tokenizer.
func scanFast(data []byte, links *linkMemo) (*pageScan, bool) {
	p := &pageScan{links: links}
	line, counted := 1, 0
	lineAt := func(i int) int {
		line += bytes.Count(data[counted:i], []byte("\n"))
		counted = i
		return line
	}
	// Pages hold no carriage return or NUL, so a tag is searched for "&"
	// alone, unless the page holds one of them.
	oddBytes := bytes.IndexByte(data, '\r') >= 0 || bytes.IndexByte(data, 0) >= 0
	var attrs attrList
	var keys []byte // lower-cased attribute names of the current tag
	var spans []attrSpans
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 || i+j+1 >= len(data) {
			return p, true // the rest is text
		}
		i += j
		switch c := data[i+1]; {
		case isASCIILetter(c):
			if end := classOnlySpanEnd(data, i); end > 0 {
				// Half the tags of a page with highlighted code are
				// these, and record would find nothing in them.
				i = end
				break
			}
			t, ok := readTag(data, i+1, true, spans[:0])
			if !ok {
				return nil, false
			}
			spans = t.attrs
			raw := data[i:t.end]
			var tag string
			if bytes.IndexByte(raw, '&') >= 0 || oddBytes && needsDecoding(raw) {
				tag, attrs = tokenizeTag(raw, attrs[:0])
			} else {
				keys = lowerInto(keys[:0], data[t.name.start:t.name.end])
				for _, a := range t.attrs {
					keys = lowerInto(keys, data[a.key.start:a.key.end])
				}
				tag = tagName(keys[:t.name.end-t.name.start])
				attrs = attrs[:0]
				k := t.name.end - t.name.start
				for _, a := range t.attrs {
					n := a.key.end - a.key.start
					attrs = append(attrs, attr{keys[k : k+n], data[a.val.start:a.val.end]})
					k += n
				}
			}
			rawContent, other := isRawText(tag)
			if other {
				return nil, false
			}
			p.record(tag, attrs, lineAt(i))
			i = t.end
			if rawContent {
				end, ok := rawTextEnd(data, i, tag)
				if !ok || data[t.end-2] == '/' {
					return nil, false
				}
				inScript := tag == "script" && attrs.get("type") != "application/ld+json"
				if inScript && len(bytes.TrimSpace(data[i:end])) > 0 {
					p.unsafe.Addf("", lineAt(i), 0, "inline script")
				}
				i = end
			}
		case c == '/':
			if i+2 >= len(data) || !isASCIILetter(data[i+2]) {
				return nil, false
			}
			// An end tag's attributes are read and dropped; only a quoted
			// value could hold a ">" before the one that ends the tag.
			if k := bytes.IndexByte(data[i+2:], '>'); k >= 0 && !hasQuote(data[i+2:i+2+k]) {
				i += 2 + k + 1
				break
			}
			t, ok := readTag(data, i+2, false, nil)
			if !ok {
				return nil, false
			}
			i = t.end
		case c == '!' || c == '?':
			// A doctype, or what the tokenizer reads as a bogus comment:
			// everything up to the next ">". A real comment is left to it.
			if c == '!' && (i+3 >= len(data) || data[i+2] == '-' && data[i+3] == '-') {
				return nil, false
			}
			k := bytes.IndexByte(data[i+1:], '>')
			if k < 0 {
				return nil, false
			}
			i += 1 + k + 1
		default:
			i++ // a "<" in text
		}
	}
}

// classOnlySpanEnd returns the end of the tag at data[i] if it is exactly
// `<span class="...">`, the tag highlighted code is made of, or 0. Such a
// tag has no ID, link, script or style for record to find, whatever its
// class says.
func classOnlySpanEnd(data []byte, i int) int {
	const open = `<span class="`
	if !bytes.HasPrefix(data[i:], []byte(open)) {
		return 0
	}
	v := i + len(open)
	k := bytes.IndexByte(data[v:], '"')
	if k < 0 || v+k+1 >= len(data) || data[v+k+1] != '>' {
		return 0
	}
	return v + k + 2
}

// isRawText reports whether the tokenizer reads the content of tag as text
// up to its end tag: scanFast reads script and title (raw), and gives up
// on the others (other).
func isRawText(tag string) (raw, other bool) {
	switch tag {
	case "script", "title":
		return true, false
	case "iframe", "noembed", "noframes", "noscript", "plaintext", "style", "textarea", "xmp":
		return false, true
	}
	return false, false
}

// hasQuote reports whether b, the few bytes of an end tag, holds a quote.
func hasQuote(b []byte) bool {
	for _, c := range b {
		if c == '"' || c == '\'' {
			return true
		}
	}
	return false
}

// needsDecoding reports whether a tag holds "&", a carriage return or NUL,
// which the tokenizer decodes or replaces in names and values.
func needsDecoding(raw []byte) bool {
	for _, c := range raw {
		if c == '&' || c == '\r' || c == 0 {
			return true
		}
	}
	return false
}

// rawTextEnd finds where the content of a script or title that starts at
// i ends: at "</script" or "</title", in any case, followed by a space,
// "/" or ">". A script whose content holds "<!--" could hide its end tag
// (the script data escaped states); it is left to the tokenizer.
func rawTextEnd(data []byte, i int, tag string) (int, bool) {
	for j := i; ; {
		k := bytes.Index(data[j:], []byte("</"))
		if k < 0 {
			return 0, false
		}
		j += k
		name := j + 2
		if name+len(tag) < len(data) && asciiEqualFold(data[name:name+len(tag)], []byte(tag)) {
			switch data[name+len(tag)] {
			case ' ', '\n', '\r', '\t', '\f', '/', '>':
				if tag == "script" && bytes.Contains(data[i:j], []byte("<!--")) {
					return 0, false
				}
				return j, true
			}
		}
		j += 2
	}
}

type span struct{ start, end int }

type tagSpans struct {
	name  span
	attrs []attrSpans
	end   int // just past the closing ">"
}

type attrSpans struct{ key, val span }

// readTag reads a tag whose name starts at data[i], step for step as the
// tokenizer's readTag, readTagName, readTagAttrKey and readTagAttrVal do.
// When save is set it appends to attrs the first attribute of each name.
// It returns false when the page ends inside the tag.
func readTag(data []byte, i int, save bool, attrs []attrSpans) (tagSpans, bool) {
	r := tagReader{data: data, pos: i + 1}
	t := tagSpans{attrs: attrs}
	t.name = r.name(i)
	r.skipSpace()
	for !r.eof() {
		if r.data[r.pos] == '>' {
			t.end = r.pos + 1
			return t, true
		}
		key := r.key()
		val := r.val()
		if save && key.end > key.start && !seenKey(data, t.attrs, key) {
			t.attrs = append(t.attrs, attrSpans{key, val})
		}
		r.skipSpace()
	}
	return t, false
}

type tagReader struct {
	data []byte
	pos  int
}

func (r *tagReader) eof() bool { return r.pos >= len(r.data) }

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

func (r *tagReader) skipSpace() {
	for !r.eof() && isSpace(r.data[r.pos]) {
		r.pos++
	}
}

// name reads the rest of a tag name that starts at start: up to a space,
// which is consumed, or a "/" or ">", which is not.
func (r *tagReader) name(start int) span {
	for ; !r.eof(); r.pos++ {
		switch c := r.data[r.pos]; {
		case isSpace(c):
			r.pos++
			return span{start, r.pos - 1}
		case c == '/' || c == '>':
			return span{start, r.pos}
		}
	}
	return span{start, r.pos}
}

// key reads an attribute name; an "=" may be its first character.
func (r *tagReader) key() span {
	start := r.pos
	for ; !r.eof(); r.pos++ {
		switch c := r.data[r.pos]; {
		case c == '=' && r.pos == start:
		case c == '=' || c == '/' || c == '>' || isSpace(c):
			return span{start, r.pos}
		}
	}
	return span{start, r.pos}
}

// val reads "=value", quoted or not, after an attribute name; a "/"
// instead of "=" is consumed, as the tokenizer does.
func (r *tagReader) val() span {
	empty := span{r.pos, r.pos}
	r.skipSpace()
	if r.eof() {
		return empty
	}
	switch r.data[r.pos] {
	case '/':
		r.pos++
		return empty
	case '=':
		r.pos++
	default:
		return empty
	}
	r.skipSpace()
	if r.eof() {
		return empty
	}
	switch q := r.data[r.pos]; q {
	case '>':
		return empty
	case '\'', '"':
		r.pos++
		start := r.pos
		k := bytes.IndexByte(r.data[r.pos:], q)
		if k < 0 {
			r.pos = len(r.data)
			return span{start, r.pos}
		}
		r.pos += k + 1
		return span{start, r.pos - 1}
	}
	start := r.pos
	for r.pos++; !r.eof(); r.pos++ {
		if c := r.data[r.pos]; isSpace(c) || c == '>' {
			return span{start, r.pos}
		}
	}
	return span{start, r.pos}
}

// seenKey reports whether an attribute of the same name, in any case,
// came before.
func seenKey(data []byte, attrs []attrSpans, key span) bool {
	for _, a := range attrs {
		if asciiEqualFold(data[a.key.start:a.key.end], data[key.start:key.end]) {
			return true
		}
	}
	return false
}

// asciiEqualFold compares a and b with ASCII letters folded, as the
// tokenizer does; unlike bytes.EqualFold, it folds nothing else.
func asciiEqualFold(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// lowerInto appends b to dst with ASCII letters lower-cased, as the
// tokenizer lower-cases tag and attribute names.
func lowerInto(dst, b []byte) []byte {
	for _, c := range b {
		dst = append(dst, lowerASCII(c))
	}
	return dst
}

// tokenizeTag reads one start tag with the tokenizer itself, for the tags
// whose attributes need decoding.
func tokenizeTag(raw []byte, attrs attrList) (string, attrList) {
	z := html.NewTokenizer(bytes.NewReader(raw))
	z.Next()
	name, more := z.TagName()
	tag := string(name)
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		attrs = append(attrs, attr{k, v})
	}
	return tag, attrs
}
