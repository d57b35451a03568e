package strictyaml

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// parseFast parses the plain YAML that our files are written in, about five
// times faster than the YAML library: block mappings with simple keys,
// block sequences, one-line scalars (plain, quoted without escapes) and
// one-line flow sequences of scalars, with comments and blank lines. It
// returns the node tree the library would, with the same kinds, tags,
// values, lines and columns (FuzzParseFast holds it to that), or false
// for anything else, which the library then parses: escapes, anchors,
// multi-line scalars, plain scalars that could be numbers of another kind,
// booleans or nulls, and every syntax error.
func parseFast(data []byte) (*yaml.Node, bool) {
	return new(fastParser).parse(data)
}

// parsers are fast parsers to reuse, with their slabs of nodes: a build
// decodes thousands of files, whose nodes are garbage once decoded, and
// new slabs for each were a twelfth of all that a large build allocated.
var parsers = sync.Pool{New: func() any { return new(fastParser) }}

// withParseFast calls f with what parseFast returns, in nodes that are
// reused once f returns; f must not keep them.
func withParseFast(data []byte, f func(doc *yaml.Node, ok bool)) {
	p := parsers.Get().(*fastParser)
	defer parsers.Put(p)
	defer p.reset()
	f(p.parse(data))
}

func (p *fastParser) parse(data []byte) (*yaml.Node, bool) {
	if !p.split(string(data)) || len(p.lines) == 0 {
		return nil, false
	}
	root, ok := p.block(p.lines[0].indent)
	if !ok || p.i != len(p.lines) {
		return nil, false
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: root.Column, Content: []*yaml.Node{root}}, true
}

type fastParser struct {
	lines []fastLine // the lines with content, without comment lines
	i     int        // the line being parsed
	slab  []yaml.Node
	// used are the slabs handed out by this parse, the last one being
	// slab; spare are those of earlier parses, emptied, to hand out again.
	used, spare [][]yaml.Node
}

// slabSize is how many nodes a slab holds; a parser keeps at most
// maxSpare of them, enough for a note's front matter.
const (
	slabSize = 128
	maxSpare = 8
)

// node returns a copy of n from a slab of nodes: a file has thousands, and
// allocating them one by one took half the time.
func (p *fastParser) node(n yaml.Node) *yaml.Node {
	if len(p.slab) == cap(p.slab) {
		if k := len(p.spare); k > 0 {
			p.slab, p.spare = p.spare[k-1], p.spare[:k-1]
		} else {
			p.slab = make([]yaml.Node, 0, slabSize)
		}
		p.used = append(p.used, p.slab)
	}
	p.slab = append(p.slab, n)
	return &p.slab[len(p.slab)-1]
}

// reset readies p for another parse, keeping its slabs and lines but
// nothing they pointed to.
func (p *fastParser) reset() {
	for _, slab := range p.used {
		if len(p.spare) == maxSpare {
			break // a large file's other slabs go
		}
		clear(slab[:cap(slab)])
		p.spare = append(p.spare, slab[:0])
	}
	clear(p.used)
	p.used, p.slab, p.i = p.used[:0], nil, 0
	clear(p.lines)
	p.lines = p.lines[:0]
}

type fastLine struct {
	text   string
	num    int // 1-based
	indent int // spaces before the content; "- " counts as indentation for a mapping in a sequence
	ascii  bool
}

// split keeps the lines that hold content. It refuses what the parser
// never handles anywhere (see plainText), directives and document markers.
func (p *fastParser) split(s string) bool {
	if !plainText(s) {
		return false
	}
	p.lines = slices.Grow(p.lines[:0], strings.Count(s, "\n")+1)
	for n := 1; len(s) > 0; n++ {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		content := strings.TrimLeft(line, " ")
		if content == "" || content[0] == '#' {
			continue
		}
		if strings.HasPrefix(line, "---") || strings.HasPrefix(line, "...") || line[0] == '%' {
			return false
		}
		p.lines = append(p.lines, fastLine{text: line, num: n, indent: len(line) - len(content), ascii: isASCII(line)})
	}
	return true
}

// plainText reports whether s is valid UTF-8 with no control character
// but \n, no tab, no line break YAML knows besides \n (NEL, LS, PS), no
// byte order mark and no non-character.
func plainText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' || c == 0x7f {
			return false
		} else if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError || r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0xfeff || r >= 0xfffe && r <= 0xffff {
				return false
			}
			i += size - 1
		}
	}
	return true
}

// block parses the mapping or sequence whose first line is the current
// one, at indent.
func (p *fastParser) block(indent int) (*yaml.Node, bool) {
	if p.i >= len(p.lines) || p.lines[p.i].indent != indent {
		return nil, false
	}
	if isItem(p.lines[p.i]) {
		return p.sequence(indent)
	}
	return p.mapping(indent)
}

// isItem reports whether l starts a block sequence item, "- " or "-".
func isItem(l fastLine) bool {
	rest := l.text[l.indent:]
	return rest == "-" || strings.HasPrefix(rest, "- ")
}

func (p *fastParser) mapping(indent int) (*yaml.Node, bool) {
	first := p.lines[p.i]
	m := p.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: first.num, Column: first.column(indent)})
	for p.i < len(p.lines) && p.lines[p.i].indent == indent && !isItem(p.lines[p.i]) {
		l := p.lines[p.i]
		colon := strings.IndexByte(l.text[indent:], ':')
		if colon <= 0 {
			return nil, false
		}
		end := indent + colon
		key := l.text[indent:end]
		if !isSimpleKey(key) || end+1 < len(l.text) && l.text[end+1] != ' ' {
			return nil, false
		}
		k := p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: l.num, Column: l.column(indent)})
		v, ok := p.value(l, end+1, indent)
		if !ok {
			return nil, false
		}
		m.Content = append(m.Content, k, v)
	}
	return m, p.i == len(p.lines) || p.lines[p.i].indent < indent
}

// value parses what follows a key's colon at off in l: a value on the same
// line, or a block on the lines below, more indented than the key or, for
// a sequence, as indented.
func (p *fastParser) value(l fastLine, off, keyIndent int) (*yaml.Node, bool) {
	for off < len(l.text) && l.text[off] == ' ' {
		off++
	}
	p.i++
	if off == len(l.text) || l.text[off] == '#' {
		if p.i == len(p.lines) {
			return nil, false // a null value
		}
		next := p.lines[p.i]
		switch {
		case next.indent > keyIndent:
			return p.block(next.indent)
		case next.indent == keyIndent && isItem(next):
			return p.sequence(keyIndent)
		}
		return nil, false
	}
	v, ok := p.inline(l, off)
	// A line more indented than the key would continue the scalar.
	return v, ok && (p.i == len(p.lines) || p.lines[p.i].indent <= keyIndent)
}

func (p *fastParser) sequence(indent int) (*yaml.Node, bool) {
	first := p.lines[p.i]
	s := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: first.num, Column: first.column(indent)})
	for p.i < len(p.lines) && p.lines[p.i].indent == indent && isItem(p.lines[p.i]) {
		l := p.lines[p.i]
		off := indent + 2
		if off >= len(l.text) || l.text[off] == ' ' || l.text[off] == '#' {
			return nil, false // an empty item, or one more indented
		}
		var item *yaml.Node
		var ok bool
		if looksLikeKey(l.text[off:]) {
			// "- name: x": a mapping whose keys stand at off.
			p.lines[p.i].indent = off
			item, ok = p.mapping(off)
		} else {
			item, ok = p.inline(l, off)
			p.i++
			ok = ok && (p.i == len(p.lines) || p.lines[p.i].indent <= indent)
		}
		if !ok {
			return nil, false
		}
		s.Content = append(s.Content, item)
	}
	return s, p.i == len(p.lines) || p.lines[p.i].indent < indent || p.lines[p.i].indent == indent && !isItem(p.lines[p.i])
}

// looksLikeKey reports whether s starts with a simple key and its colon.
func looksLikeKey(s string) bool {
	colon := strings.IndexByte(s, ':')
	return colon > 0 && isSimpleKey(s[:colon]) && (colon+1 == len(s) || s[colon+1] == ' ')
}

// isSimpleKey accepts the keys our files use: a letter, then letters,
// digits, underscores and hyphens, and none the library reads as other
// than a string.
func isSimpleKey(k string) bool {
	if k == "" || !isASCIILetter(k[0]) || isSpecialWord(k) {
		return false
	}
	for i := 1; i < len(k); i++ {
		c := k[i]
		if !isASCIILetter(c) && !('0' <= c && c <= '9') && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

// inline parses the scalar or flow sequence at off, which runs to the end
// of the line or to a comment.
func (p *fastParser) inline(l fastLine, off int) (*yaml.Node, bool) {
	var n *yaml.Node
	var end int
	switch l.text[off] {
	case '"', '\'':
		n, end = p.quoted(l, off)
	case '[':
		n, end = p.flowSequence(l, off)
	default:
		value := l.text[off:]
		if i := strings.Index(value, " #"); i >= 0 {
			value = value[:i]
		}
		value = strings.TrimRight(value, " ")
		tag, ok := plainTag(value, false)
		if !ok {
			return nil, false
		}
		return p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value, Line: l.num, Column: l.column(off)}), true
	}
	if n == nil || !onlyComment(l.text[end:]) {
		return nil, false
	}
	return n, true
}

// onlyComment reports whether rest, after a value, holds only spaces and a
// comment.
func onlyComment(rest string) bool {
	trimmed := strings.TrimLeft(rest, " ")
	return trimmed == "" || trimmed[0] == '#' && len(trimmed) < len(rest)
}

// quoted parses a one-line quoted scalar at off and returns it with the
// offset just past its closing quote; double-quoted scalars with escapes
// are left to the library.
func (p *fastParser) quoted(l fastLine, off int) (*yaml.Node, int) {
	q := l.text[off]
	n := p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Line: l.num, Column: l.column(off)})
	if q == '"' {
		end := strings.IndexByte(l.text[off+1:], '"')
		if end < 0 || strings.IndexByte(l.text[off+1:off+1+end], '\\') >= 0 {
			return nil, 0
		}
		n.Value, n.Style = l.text[off+1:off+1+end], yaml.DoubleQuotedStyle
		return n, off + end + 2
	}
	var b strings.Builder
	start := off + 1
	for i := start; i < len(l.text); i++ {
		if l.text[i] != '\'' {
			continue
		}
		if i+1 < len(l.text) && l.text[i+1] == '\'' {
			// '' stands for one quote.
			b.WriteString(l.text[start : i+1])
			i++
			start = i + 1
			continue
		}
		b.WriteString(l.text[start:i])
		n.Value, n.Style = b.String(), yaml.SingleQuotedStyle
		return n, i + 1
	}
	return nil, 0
}

// flowSequence parses "[a, b, 'c']" at off, items being plain or quoted
// scalars, and returns it with the offset just past the bracket.
func (p *fastParser) flowSequence(l fastLine, off int) (*yaml.Node, int) {
	s := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: l.num, Column: l.column(off)})
	i := off + 1
	for {
		for i < len(l.text) && l.text[i] == ' ' {
			i++
		}
		if i == len(l.text) {
			return nil, 0
		}
		if l.text[i] == ']' && len(s.Content) == 0 {
			return s, i + 1
		}
		var item *yaml.Node
		switch l.text[i] {
		case '"', '\'':
			item, i = p.quoted(l, i)
			if item == nil {
				return nil, 0
			}
		default:
			start := i
			for i < len(l.text) && !strings.ContainsRune(",[]{}#:", rune(l.text[i])) {
				i++
			}
			value := strings.TrimRight(l.text[start:i], " ")
			tag, ok := plainTag(value, true)
			if !ok {
				return nil, 0
			}
			item = p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value, Line: l.num, Column: l.column(start)})
		}
		s.Content = append(s.Content, item)
		for i < len(l.text) && l.text[i] == ' ' {
			i++
		}
		switch {
		case i < len(l.text) && l.text[i] == ',':
			i++
		case i < len(l.text) && l.text[i] == ']':
			return s, i + 1
		default:
			return nil, 0
		}
	}
}

// plainTag resolves a plain scalar as the library does, for the values it
// is sure of: strings that cannot be read as anything else, and decimal
// integers. Anything that might be a float, a timestamp, a boolean, a null,
// an integer in another notation, or that a plain scalar cannot hold, is
// not sure.
func plainTag(v string, flow bool) (string, bool) {
	if v == "" || strings.Contains(v, ": ") || strings.HasSuffix(v, ":") || strings.Contains(v, " #") {
		return "", false
	}
	c := v[0]
	switch {
	case isASCIILetter(c):
		if isSpecialWord(v) {
			return "", false
		}
		return "!!str", true
	case '1' <= c && c <= '9' && len(v) <= 18 && allDigits(v):
		return "!!int", true
	case v == "0":
		return "!!int", true
	case '0' <= c && c <= '9' || c == '-' || c == '+' || c == '.':
		// Numbers and timestamps are written with these characters
		// only; a value with any other cannot be one. A timestamp's
		// date may be followed by a space and a time.
		if len(v) >= 5 && allDigits(v[:4]) && v[4] == '-' {
			return "", false
		}
		if c == '-' && (len(v) == 1 || v[1] == ' ') {
			return "", false // a sequence item, or "-"
		}
		// Nor can a value with two dots ("21.4.24", a section).
		if strings.Trim(v, "0123456789_.+-eExXoObBaAcCdDfFiInNtTzZ: ") != "" || '0' <= c && c <= '9' && strings.Count(v, ".") >= 2 {
			return "!!str", !flow || !strings.ContainsAny(v, "[]{},")
		}
	case c == '(' || c == '/' || c == '$' || c >= utf8.RuneSelf:
		return "!!str", !flow || !strings.ContainsAny(v, "[]{},")
	}
	return "", false
}

// isSpecialWord reports whether the library reads the plain scalar s as a
// boolean or a null.
func isSpecialWord(s string) bool {
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL":
		return true
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// column is the 1-based column of the byte at off, counted in characters
// as the library counts them.
func (l fastLine) column(off int) int {
	if l.ascii {
		return off + 1
	}
	return utf8.RuneCountInString(l.text[:off]) + 1
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
