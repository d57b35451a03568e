// Package example writes the sample exchange each code's page shows: the
// request that provoked the response and the response itself, as they would
// appear in a trace.
//
// The messages are built from fixed parties and values rather than from a
// template per code, so that a note only has to say what is special about its
// code (the method, the header fields it cares about, a body) and every page
// still shows a complete, parseable message. Output is deterministic: the same
// Spec always gives the same bytes, so pages do not change between builds.
package example

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/sipcodes/sipcodes/internal/sip"
)

// Spec is what the example for one code is made from.
type Spec struct {
	Code    int      // e.g. 486
	Reason  string   // registered reason phrase, e.g. "Busy Here"
	Method  string   // request method; "" means DefaultMethod(Code)
	Headers []string // header field names the response must, should or may carry, from the note's data
	Extra   []string // override lines "Name: value"; each replaces the generated field of that name or is added
	Body    string   // optional response body; Content-Type must then be in Extra
}

// Example is a request and the response it provoked. Lines end in "\n" for
// display; the messages stand for their wire form, in which every line ends
// in CRLF, and Content-Length counts the body in that form.
type Example struct {
	Request  string
	Response string
}

// Generate builds the example exchange for s.
func Generate(s Spec) (Example, error) {
	// Codes of four and five digits (class by first digit) come only from
	// the synthetic content of the benchmarks; see content.Options.
	if s.Code < 100 || !sip.Code(s.Code).Class().Valid() {
		return Example{}, fmt.Errorf("example: code %d is not between 100 and 699", s.Code)
	}
	if strings.TrimSpace(s.Reason) == "" {
		return Example{}, fmt.Errorf("example: code %d has no reason phrase", s.Code)
	}
	method := s.Method
	if method == "" {
		method = DefaultMethod(s.Code)
	}
	req, err := newRequest(method, s.Code)
	if err != nil {
		return Example{}, fmt.Errorf("example: code %d: %w", s.Code, err)
	}
	tweakRequest(&req, s.Code)
	res := newResponse(req, s.Code, s.Reason)
	if err := addCodeFields(&req, &res, s.Code); err != nil {
		return Example{}, fmt.Errorf("example: code %d: %w", s.Code, err)
	}
	if err := addNamedFields(&req, &res, s.Code, s.Headers); err != nil {
		return Example{}, fmt.Errorf("example: code %d: %w", s.Code, err)
	}
	if err := applyExtra(&res, s.Extra, s.Body); err != nil {
		return Example{}, fmt.Errorf("example: code %d: %w", s.Code, err)
	}
	return Example{Request: req.String(), Response: res.String()}, nil
}

// field is one header field line.
type field struct{ name, value string }

// message is a request or response being assembled. Fields are kept in the
// order they are added and put into the conventional order only when the
// message is written, so that code-specific steps need not know where a
// field belongs.
type message struct {
	start  string
	method string // the request's method, also for a response (from CSeq)
	fields []field
	body   string // with "\n" line ends
}

// get returns the value of the first field called name and whether there is one.
func (m *message) get(name string) (string, bool) {
	for _, f := range m.fields {
		if sameName(f.name, name) {
			return f.value, true
		}
	}
	return "", false
}

// has reports whether m has a field called name.
func (m *message) has(name string) bool {
	_, ok := m.get(name)
	return ok
}

// add appends a field.
func (m *message) add(name, value string) { m.fields = append(m.fields, field{name, value}) }

// set replaces the first field called name, dropping any others of that
// name, or appends one when there is none.
func (m *message) set(name, value string) {
	m.remove(name)
	m.add(name, value)
}

// remove drops every field called name.
func (m *message) remove(name string) {
	m.fields = slices.DeleteFunc(m.fields, func(f field) bool { return sameName(f.name, name) })
}

// String writes the message with the fields in conventional order and a
// Content-Length that counts the body as sent, with CRLF line ends.
func (m *message) String() string {
	fields := slices.Clone(m.fields)
	slices.SortStableFunc(fields, func(a, b field) int { return rank(a.name) - rank(b.name) })
	var b strings.Builder
	b.WriteString(m.start + "\n")
	for _, f := range fields {
		b.WriteString(f.name + ": " + f.value + "\n")
	}
	b.WriteString("Content-Length: " + strconv.Itoa(wireLen(m.body)) + "\n\n")
	b.WriteString(m.body)
	return b.String()
}

// wireLen is the length of body once each "\n" has become CRLF.
func wireLen(body string) int { return len(body) + strings.Count(body, "\n") }

// order puts the fields a reader looks for first where traces usually have
// them: the routing and dialog fields at the top, the body's description at
// the bottom. Fields not listed keep the order they were added in.
var order = []string{"Via", "Record-Route", "Max-Forwards", "From", "To", "Call-ID", "CSeq", "Contact"}

// rank returns the sorting position of a field name.
func rank(name string) int {
	for i, n := range order {
		if sameName(n, name) {
			return i
		}
	}
	if sameName(name, "Content-Type") {
		return len(order) + 1
	}
	return len(order)
}

// compact maps the compact forms of RFC 3261 §7.3.3 and its extensions to
// the full names, so that an override written either way replaces the same
// field.
var compact = map[string]string{
	"a": "Accept-Contact", "b": "Referred-By", "c": "Content-Type", "d": "Request-Disposition",
	"e": "Content-Encoding", "f": "From", "i": "Call-ID", "j": "Reject-Contact",
	"k": "Supported", "l": "Content-Length", "m": "Contact", "o": "Event",
	"r": "Refer-To", "s": "Subject", "t": "To", "u": "Allow-Events",
	"v": "Via", "x": "Session-Expires", "y": "Identity",
}

// sameName compares header field names as SIP does: without regard to case
// and with compact forms equal to their full names.
func sameName(a, b string) bool { return strings.EqualFold(fullName(a), fullName(b)) }

// fullName expands a compact form. Compact forms are one letter; other
// names are returned without lower-casing them, which the examples of a
// site do hundreds of thousands of times.
func fullName(name string) string {
	if len(name) != 1 {
		return name
	}
	if full, ok := compact[strings.ToLower(name)]; ok {
		return full
	}
	return name
}
