// Package export writes the dataset in forms other programs read: JSON
// (all codes, and one file per code), CSV, and an SQL script for the
// SIPResponseMetaData table of Lync Server 2013 monitoring databases.
package export

import (
	"bytes"
	"encoding/json"
	"strconv"
	"sync"

	"github.com/sipcodes/sipcodes/internal/site"
)

// SchemaVersion is the version of the JSON format. It changes only when a
// field is removed or changes meaning; new fields may appear at any time.
const SchemaVersion = 1

// Codes is the document published as /codes.json.
type Codes struct {
	Schema  string `json:"$schema"`
	Version int    `json:"version"`
	Codes   []Code `json:"codes"`
}

// Code is one code, published in /codes.json and as /486.json.
type Code struct {
	Schema      string     `json:"$schema,omitempty"`
	Version     int        `json:"version,omitempty"`
	Code        int        `json:"code"`
	Reason      string     `json:"reason"`
	Class       int        `json:"class"`
	ClassName   string     `json:"class_name"`
	Provisional bool       `json:"provisional"`
	Status      string     `json:"status"`
	Summary     string     `json:"summary"`
	URL         string     `json:"url"`
	Refs        []Ref      `json:"refs"`
	Aliases     []string   `json:"aliases"`
	Requests    []string   `json:"requests"`
	Senders     []string   `json:"senders"`
	Headers     []Header   `json:"headers"`
	RetryAfter  bool       `json:"retry_after"`
	Related     []Related  `json:"related"`
	Constants   []Constant `json:"constants"`
	FromCauses  []CauseRow `json:"q850_to_sip"`
	ToCauses    []CauseRow `json:"sip_to_q850"`
}

// Ref is a reference to an RFC section.
type Ref struct {
	RFC     int    `json:"rfc"`
	Section string `json:"section,omitempty"`
	URL     string `json:"url"`
}

// Header is a header field the response carries.
type Header struct {
	Name        string `json:"name"`
	Requirement string `json:"requirement"`
	Ref         Ref    `json:"ref"`
	Why         string `json:"why"`
}

// Related is a related code.
type Related struct {
	Code int    `json:"code"`
	How  string `json:"how"`
}

// Constant is a SIP stack's name for the code.
type Constant struct {
	Stack  string `json:"stack"`
	Name   string `json:"name"`
	Value  int    `json:"value,omitempty"`
	Phrase string `json:"phrase,omitempty"`
	Note   string `json:"note,omitempty"`
	Source string `json:"source"`
	URL    string `json:"url"`
}

// CauseRow is a Q.850 cause mapped to or from the code.
type CauseRow struct {
	Cause int    `json:"cause"`
	Name  string `json:"name"`
	Note  string `json:"note,omitempty"`
}

// SchemaPath is where the JSON Schema of the exports is published.
const SchemaPath = "/codes.schema.json"

// Object returns one code as compact JSON, the part that /codes.json and
// /486.json share: it is marshalled once for both, and each file indents
// its own copy.
func Object(s *site.Site, c *site.Code) ([]byte, error) {
	return json.Marshal(code(s, c))
}

// JSON returns /codes.json, given the Object of every code in s.Codes
// order. It is what json.MarshalIndent writes for a Codes document.
func JSON(s *site.Site, objects [][]byte) ([]byte, error) {
	doc, err := opening(s.BaseURL + SchemaPath)
	if err != nil {
		return nil, err
	}
	if len(objects) == 0 {
		return indent(append(doc, `"codes":[]}`...))
	}
	// The document is indented around one placeholder code, and each code
	// is indented on its own into the placeholder's place: a large site's
	// document is never held whole in compact form too.
	frame, err := indent(append(doc, `"codes":[0]}`...))
	if err != nil {
		return nil, err
	}
	at := bytes.LastIndexByte(frame, '0')
	size := len(frame)
	for _, o := range objects {
		size += len(o) * 3 / 2
	}
	out := bytes.NewBuffer(make([]byte, 0, size))
	out.Write(frame[:at])
	for i, o := range objects {
		if i > 0 {
			out.WriteString(",\n" + codeIndent)
		}
		if err := json.Indent(out, o, codeIndent, " "); err != nil {
			return nil, err
		}
	}
	out.Write(frame[at+1:])
	return out.Bytes(), nil
}

// codeIndent starts each line of a code in /codes.json: it is two levels
// in, inside the document and its "codes" array.
const codeIndent = "  "

// CodeJSON returns /486.json, given the code's Object. It is what
// json.MarshalIndent writes for a Code with its schema and version set.
func CodeJSON(s *site.Site, object []byte) ([]byte, error) {
	doc, err := opening(s.BaseURL + SchemaPath + "#/$defs/code")
	if err != nil {
		return nil, err
	}
	return indent(append(doc, object[1:]...))
}

// opening starts a document with its schema and version: the first two
// fields of both Codes and Code.
func opening(schema string) ([]byte, error) {
	quoted, err := json.Marshal(schema)
	if err != nil {
		return nil, err
	}
	doc := append([]byte(`{"$schema":`), quoted...)
	return append(doc, `,"version":`+strconv.Itoa(SchemaVersion)+`,`...), nil
}

// indent indents a compact document into a reused buffer, and copies it
// out at its size: json.Indent asks for twice the compact size up front,
// and a large site indents thousands of documents.
func indent(compact []byte) ([]byte, error) {
	b := indentBuffers.Get().(*bytes.Buffer)
	defer indentBuffers.Put(b)
	b.Reset()
	if err := json.Indent(b, compact, "", " "); err != nil {
		return nil, err
	}
	return bytes.Clone(b.Bytes()), nil
}

var indentBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func code(s *site.Site, c *site.Code) Code {
	out := Code{
		Code: int(c.Code), Reason: c.Reason, Class: int(c.Code.Class()), ClassName: c.Code.Class().Name(),
		Provisional: c.Provisional(), Status: string(c.Status), Summary: c.Summary, URL: s.BaseURL + c.URL(),
		Aliases: nonNil(c.Aliases), Requests: nonNil(c.Requests), Senders: nonNil(c.Senders),
		RetryAfter: c.RetryAfter(),
		Refs:       []Ref{}, Headers: []Header{}, Related: []Related{}, Constants: []Constant{},
		FromCauses: []CauseRow{}, ToCauses: []CauseRow{},
	}
	for _, r := range c.Refs {
		out.Refs = append(out.Refs, Ref{RFC: r.RFC, Section: r.Section, URL: r.URL()})
	}
	for _, h := range c.Headers {
		out.Headers = append(out.Headers, Header{Name: h.Name, Requirement: string(h.Requirement), Ref: Ref{RFC: h.Ref.RFC, Section: h.Ref.Section, URL: h.Ref.URL()}, Why: h.Why})
	}
	for _, r := range c.Related {
		out.Related = append(out.Related, Related{Code: int(r.Code.Code), How: r.How})
	}
	for _, k := range c.Constants {
		out.Constants = append(out.Constants, Constant{Stack: k.Stack.Name, Name: k.Name, Value: k.Value, Phrase: k.Phrase, Note: k.Note, Source: k.Source, URL: k.URL})
	}
	for _, l := range c.FromCauses {
		out.FromCauses = append(out.FromCauses, CauseRow{Cause: l.Cause.Cause, Name: l.Cause.Name, Note: l.Note})
	}
	for _, l := range c.ToCauses {
		row := CauseRow{Note: l.Note}
		if l.Cause != nil {
			row.Cause, row.Name = l.Cause.Cause, l.Cause.Name
		}
		out.ToCauses = append(out.ToCauses, row)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
