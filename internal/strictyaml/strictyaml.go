// Package strictyaml decodes YAML into typed Go structs and refuses anything
// it does not expect: unknown keys (with the nearest known key suggested),
// values of the wrong type, anchors, aliases and merge keys, and documents
// nested deeper than MaxDepth. Every problem carries a line and column.
//
// It decodes from the parsed node tree itself rather than through the YAML
// library's reflection, so that each diagnostic points at the exact value.
package strictyaml

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/sipcodes/sipcodes/internal/diag"
	"go.yaml.in/yaml/v4"
)

// MaxDepth bounds the nesting of mappings and sequences. Our files need four
// levels; anything far deeper is a mistake or an attack.
const MaxDepth = 16

// Pos is a place in the YAML text, 1-based.
type Pos struct{ Line, Col int }

// Where records where a mapping and each of its values stand. A struct field
// of this type (tagged `yaml:"-"`) is filled by Decode, so that later checks
// can point at the value they reject.
type Where struct {
	Pos
	// fields are the keys in the order written, with their values'
	// positions. A mapping has a few; a site has hundreds of thousands of
	// mappings, for which maps took tens of megabytes.
	fields []fieldPos
}

type fieldPos struct {
	key string
	pos Pos
}

// Of returns the position of key's value, or of the mapping when the key is
// absent.
func (w Where) Of(key string) Pos {
	if p, ok := w.find(key); ok {
		return p
	}
	return w.Pos
}

// Has reports whether the mapping has key.
func (w Where) Has(key string) bool {
	_, ok := w.find(key)
	return ok
}

func (w Where) find(key string) (Pos, bool) {
	for _, f := range w.fields {
		if f.key == key {
			return f.pos, true
		}
	}
	return Pos{}, false
}

var whereType = reflect.TypeFor[Where]()

// Decode parses data as one YAML document into v, a pointer to a struct.
// Diagnostics have no file name; the caller adds it with diag.List.In.
func Decode(data []byte, v any) diag.List { return DecodeAt(data, v, 0) }

// DecodeAt is Decode for YAML that starts after line offset of its file, as
// front matter does: every position, in diagnostics and in Where, is a line
// of the whole file.
func DecodeAt(data []byte, v any, offset int) diag.List {
	// Text the fast path takes holds no control character; for the rest,
	// one is reported with its position, which the library does not give.
	var diags diag.List
	withParseFast(data, func(doc *yaml.Node, ok bool) {
		if !ok {
			if d := controlCharacter(data); d != nil {
				diags = d.In("", offset)
				return
			}
			doc = new(yaml.Node)
			if err := yaml.Unmarshal(data, doc); err != nil {
				diags = parseError(err).In("", offset)
				return
			}
		}
		diags = decode(doc, v, offset)
	})
	return diags
}

// decode decodes the document doc into v.
func decode(doc *yaml.Node, v any, offset int) diag.List {
	d := decoder{offset: offset}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		// An empty document decodes to the zero value.
		return nil
	}
	root := doc.Content[0]
	d.value(root, reflect.ValueOf(v).Elem(), 0)
	return d.diags
}

type decoder struct {
	diags  diag.List
	offset int
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.diags.Addf("", n.Line+d.offset, n.Column, format, args...)
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{n.Line + d.offset, n.Column} }

func (d *decoder) value(n *yaml.Node, v reflect.Value, depth int) {
	if depth > MaxDepth {
		d.errorf(n, "nesting deeper than %d levels", MaxDepth)
		return
	}
	if n.Kind == yaml.AliasNode {
		d.errorf(n, "aliases (*%s) are not allowed; write the value out", n.Value)
		return
	}
	if n.Anchor != "" {
		d.errorf(n, "anchors (&%s) are not allowed", n.Anchor)
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.mapping(n, v, depth)
	case reflect.Slice:
		d.sequence(n, v, depth)
	case reflect.String:
		if s, ok := d.scalar(n, "a string"); ok {
			if n.Tag != "!!str" {
				d.errorf(n, "want a string, got %s %q; quote it", kindName(n), s)
				return
			}
			v.SetString(s)
		}
	case reflect.Int:
		if s, ok := d.scalar(n, "a whole number"); ok {
			i, err := strconv.Atoi(s)
			if err != nil || n.Tag != "!!int" {
				d.errorf(n, "want a whole number, got %q", s)
				return
			}
			v.SetInt(int64(i))
		}
	case reflect.Pointer:
		// An optional section: left nil when absent or empty, and made
		// only when the file gives it.
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return
		}
		p := reflect.New(v.Type().Elem())
		d.value(n, p.Elem(), depth)
		v.Set(p)
	case reflect.Bool:
		if s, ok := d.scalar(n, "true or false"); ok {
			if n.Tag != "!!bool" || (s != "true" && s != "false") {
				d.errorf(n, "want true or false, got %q", s)
				return
			}
			v.SetBool(s == "true")
		}
	default:
		panic(fmt.Sprintf("strictyaml: unsupported field kind %s", v.Kind()))
	}
}

func (d *decoder) scalar(n *yaml.Node, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "want %s, got %s", want, kindName(n))
		return "", false
	}
	return n.Value, true
}

func (d *decoder) sequence(n *yaml.Node, v reflect.Value, depth int) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "want a list, got %s", kindName(n))
		return
	}
	out := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.value(item, out.Index(i), depth+1)
	}
	v.Set(out)
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, depth int) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "want a mapping of keys to values, got %s", kindName(n))
		return
	}
	fields := fieldsOf(v.Type())
	where := Where{Pos: d.pos(n), fields: make([]fieldPos, 0, len(n.Content)/2)}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if key.Kind != yaml.ScalarNode {
			d.errorf(key, "keys must be plain words")
			continue
		}
		if key.Value == "<<" {
			d.errorf(key, "merge keys (<<) are not allowed")
			continue
		}
		idx, ok := fields.index[key.Value]
		if !ok {
			d.errorf(key, "unknown key %q%s", key.Value, suggest(key.Value, fields.names))
			continue
		}
		if where.Has(key.Value) {
			d.errorf(key, "key %q appears twice", key.Value)
			continue
		}
		where.fields = append(where.fields, fieldPos{key.Value, d.pos(val)})
		d.value(val, v.Field(idx), depth+1)
	}
	if fields.where >= 0 {
		v.Field(fields.where).Set(reflect.ValueOf(where))
	}
}

type structFields struct {
	index map[string]int
	names []string
	where int
}

// fieldsOf describes the fields of struct type t, once per type: every
// mapping of every file is decoded through it.
func fieldsOf(t reflect.Type) structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(structFields)
	}
	f := describeFields(t)
	fieldCache.Store(t, f)
	return f
}

var fieldCache sync.Map // reflect.Type → structFields

func describeFields(t reflect.Type) structFields {
	f := structFields{index: map[string]int{}, where: -1}
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Type == whereType {
			f.where = i
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if name == "-" || !sf.IsExported() {
			continue
		}
		if name == "" {
			name = strings.ToLower(sf.Name)
		}
		f.index[name] = i
		f.names = append(f.names, name)
	}
	return f
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!int":
		return "a number"
	case "!!float":
		return "a decimal number"
	case "!!bool":
		return "a boolean"
	case "!!null":
		return "nothing"
	}
	return "a string"
}

// parseError turns the YAML library's syntax error into a diagnostic with
// the position it reports.
func parseError(err error) diag.List {
	var le *yaml.LoadError
	if errors.As(err, &le) {
		msg := "YAML syntax: " + le.Message
		if strings.Contains(le.Message, "mapping values are not allowed") {
			// The usual cause in prose fields: "how: 420 answers a Require: timer".
			msg += ` (a value containing ": " must be quoted)`
		}
		return diag.List{{Line: le.Mark.Line, Col: le.Mark.Column, Message: msg}}
	}
	var les *yaml.LoadErrors
	if errors.As(err, &les) && len(les.Errors) > 0 {
		var out diag.List
		for _, e := range les.Errors {
			out = append(out, diag.Diagnostic{Line: e.Mark.Line, Col: e.Mark.Column, Message: "YAML: " + e.Message})
		}
		return out
	}
	// The library gave no position: say so at the start rather than
	// nowhere.
	return diag.List{{Line: 1, Col: 1, Message: "YAML: " + err.Error()}}
}

// controlCharacter finds the first character YAML forbids in a document
// (C0 and C1 controls other than tab and line breaks, and DEL), which the
// YAML library reports without a position.
func controlCharacter(data []byte) diag.List {
	line, col := 1, 1
	for _, r := range string(data) {
		switch {
		case r == '\n':
			line, col = line+1, 1
			continue
		case r == '\t' || r == '\r':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			return diag.List{{Line: line, Col: col, Message: fmt.Sprintf("control character U+%04X is not allowed in YAML", r)}}
		}
		col++
	}
	return nil
}
