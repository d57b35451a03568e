package ladder

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  Flow
	}{
		{
			name:  "parties in order of appearance",
			lines: []string{"Alice -> Proxy: INVITE", "Proxy -> Bob: INVITE", "Bob -> Proxy: 486 Busy Here"},
			want: Flow{Parties: []string{"Alice", "Proxy", "Bob"}, Steps: []Step{
				{0, 1, "INVITE", ""}, {1, 2, "INVITE", ""}, {2, 1, "486 Busy Here", ""},
			}},
		},
		{
			name:  "note and spacing",
			lines: []string{"  Bob->Alice :  486 Busy Here (retry after 60 s) "},
			want:  Flow{Parties: []string{"Bob", "Alice"}, Steps: []Step{{0, 1, "486 Busy Here", "retry after 60 s"}}},
		},
		{
			name:  "colon in the label",
			lines: []string{"Alice -> Registrar: REGISTER (Expires: 60)"},
			want:  Flow{Parties: []string{"Alice", "Registrar"}, Steps: []Step{{0, 1, "REGISTER", "Expires: 60"}}},
		},
		{
			name:  "names with spaces and punctuation",
			lines: []string{"Bob's desk -> Proxy 1: 603 Decline"},
			want:  Flow{Parties: []string{"Bob's desk", "Proxy 1"}, Steps: []Step{{0, 1, "603 Decline", ""}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.lines)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	many := func(n int, line func(i int) string) []string {
		var out []string
		for i := range n {
			out = append(out, line(i))
		}
		return out
	}
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"no lines", nil, "no steps"},
		{"missing arrow", []string{"Alice -> Bob: INVITE", "Alice Bob: ACK"}, `line 2: missing "->"`},
		{"other arrow", []string{"Alice => Bob: INVITE"}, `line 1: missing "->"`},
		{"missing colon", []string{"Alice -> Bob INVITE"}, `line 1: missing ":"`},
		{"two arrows", []string{"Alice -> Proxy -> Bob: INVITE"}, "line 1: unknown syntax"},
		{"bad party name", []string{"Alice -> <Bob>: INVITE"}, "line 1: unknown syntax"},
		{"unbalanced note", []string{"Alice -> Bob: INVITE (first"}, "line 1: unknown syntax"},
		{"empty label", []string{"Alice -> Bob:  "}, "line 1: empty label"},
		{"only a note", []string{"Alice -> Bob: (hello)"}, "line 1: empty label"},
		{"empty note", []string{"Alice -> Bob: INVITE ()"}, "line 1: empty note"},
		{"empty line", []string{"Alice -> Bob: INVITE", " "}, "line 2: empty line"},
		{"missing sender", []string{"-> Bob: INVITE"}, "line 1: missing party"},
		{"to itself", []string{"Bob -> Bob: INVITE"}, "line 1: Bob sends to itself"},
		{"long label", []string{"Alice -> Bob: " + strings.Repeat("x", 61)}, "line 1: label or note longer"},
		{"seven parties", many(6, func(i int) string { return fmt.Sprintf("P%d -> P%d: MESSAGE", i, i+1) }), "line 6: more than 6 parties"},
		{"31 steps", many(31, func(i int) string { return "Alice -> Bob: MESSAGE" }), "line 31: more than 30 steps"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.lines)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	f := Flow{Parties: []string{"Alice", "Proxy"}, Steps: []Step{{0, 1, "INVITE", ""}, {1, 0, "407 Proxy Authentication Required", "with a nonce"}}}
	want := []string{"Alice sends INVITE to Proxy.", "Proxy sends 407 Proxy Authentication Required to Alice (with a nonce)."}
	if got := f.Text(); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// loadCodes reads the codes and reason phrases of the real dataset.
func loadCodes(t *testing.T) map[int]string {
	t.Helper()
	data, err := os.ReadFile("../../content/codes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Codes []struct {
			Code   int    `yaml:"code"`
			Reason string `yaml:"reason"`
		} `yaml:"codes"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	codes := map[int]string{}
	for _, c := range doc.Codes {
		codes[c.Code] = c.Reason
	}
	if len(codes) < 70 {
		t.Fatalf("only %d codes in content/codes.yaml", len(codes))
	}
	return codes
}

// methods are the requests the example package chooses for codes that are
// not about INVITE; the flows are checked with the same choice.
var methods = map[int]string{
	202: "SUBSCRIBE", 204: "SUBSCRIBE", 401: "REGISTER", 405: "SUBSCRIBE", 406: "SUBSCRIBE",
	409: "REGISTER", 412: "PUBLISH", 413: "MESSAGE", 415: "MESSAGE", 423: "REGISTER",
	439: "REGISTER", 469: "INFO", 470: "MESSAGE", 481: "BYE", 489: "SUBSCRIBE",
	494: "REGISTER", 555: "REGISTER",
}

func TestDefaultEveryCode(t *testing.T) {
	for code, reason := range loadCodes(t) {
		for _, method := range []string{methods[code], "INVITE", "MESSAGE", "REGISTER"} {
			f := Default(code, reason, method)
			checkFlow(t, fmt.Sprintf("Default(%d, %s)", code, method), f, fmt.Sprintf("%d %s", code, reason))
		}
	}
}

// checkFlow checks the invariants every default flow keeps.
func checkFlow(t *testing.T, name string, f Flow, status string) {
	t.Helper()
	if n := len(f.Parties); n < 2 || n > 4 {
		t.Errorf("%s has %d parties: %q", name, n, f.Parties)
	}
	if n := len(f.Steps); n < 2 || n > maxSteps {
		t.Errorf("%s has %d steps", name, n)
	}
	found := false
	for _, s := range f.Steps {
		if !f.valid(s) {
			t.Errorf("%s: step %+v does not join two parties", name, s)
		}
		found = found || s.Label == status
	}
	if !found {
		t.Errorf("%s never shows %q", name, status)
	}
	// What the default gives, a note could write: it must survive Parse.
	var lines []string
	for _, s := range f.Steps {
		line := f.Parties[s.From] + " -> " + f.Parties[s.To] + ": " + s.Label
		if s.Note != "" {
			line += " (" + s.Note + ")"
		}
		lines = append(lines, line)
	}
	if back, err := Parse(lines); err != nil || !reflect.DeepEqual(back, f) {
		t.Errorf("%s does not round-trip through Parse: %v", name, err)
	}
}

func TestSpecialFlows(t *testing.T) {
	tests := []struct {
		code    int
		reason  string
		method  string
		labels  string // the step labels, joined by " | "
		parties string
	}{
		{486, "Busy Here", "INVITE", "INVITE | 100 Trying | INVITE | 180 Ringing | 180 Ringing | 486 Busy Here | ACK | 486 Busy Here | ACK", "Alice Proxy Bob"},
		{401, "Unauthorized", "REGISTER", "REGISTER | 401 Unauthorized | REGISTER | 200 OK", "Alice Registrar"},
		{407, "Proxy Authentication Required", "INVITE", "INVITE | 407 Proxy Authentication Required | ACK | INVITE | 100 Trying | INVITE | 200 OK | 200 OK | ACK", "Alice Proxy Bob"},
		{302, "Moved Temporarily", "INVITE", "INVITE | 302 Moved Temporarily | ACK | INVITE | 200 OK | ACK", "Alice Redirect Bob"},
		{100, "Trying", "INVITE", "INVITE | 100 Trying | INVITE | 100 Trying", "Alice Proxy Bob"},
		{183, "Session Progress", "INVITE", "INVITE | 100 Trying | INVITE | 183 Session Progress | 183 Session Progress | 200 OK | 200 OK | ACK", "Alice Proxy Bob"},
		{202, "Accepted", "SUBSCRIBE", "SUBSCRIBE | SUBSCRIBE | 202 Accepted | 202 Accepted | NOTIFY | 200 OK", "Alice Proxy Bob"},
		{423, "Interval Too Brief", "REGISTER", "REGISTER | 423 Interval Too Brief | REGISTER | 200 OK", "Alice Registrar"},
		{481, "Call/Transaction Does Not Exist", "BYE", "BYE | 481 Call/Transaction Does Not Exist", "Alice Bob"},
		{404, "Not Found", "MESSAGE", "MESSAGE | 404 Not Found", "Alice Proxy"},
		{491, "Request Pending", "INVITE", "INVITE | INVITE | 491 Request Pending | ACK | 491 Request Pending | ACK | INVITE | 200 OK | ACK", "Alice Bob"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			f := Default(tt.code, tt.reason, tt.method)
			var labels []string
			for _, s := range f.Steps {
				labels = append(labels, s.Label)
			}
			if got := strings.Join(labels, " | "); got != tt.labels {
				t.Errorf("steps\n got %s\nwant %s", got, tt.labels)
			}
			if got := strings.Join(f.Parties, " "); got != tt.parties {
				t.Errorf("parties %q, want %q", got, tt.parties)
			}
		})
	}
}

func TestSVGGolden(t *testing.T) {
	for _, tt := range []struct {
		code           int
		reason, method string
	}{
		{486, "Busy Here", "INVITE"},
		{401, "Unauthorized", "REGISTER"},
	} {
		name := fmt.Sprint(tt.code)
		t.Run(name, func(t *testing.T) {
			got := SVG(Default(tt.code, tt.reason, tt.method), "flow-"+name, name+" "+tt.reason+" call flow", "A typical exchange that ends in "+name+".")
			path := filepath.Join("testdata", name+".svg.golden")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs; run go test -update and review the diff\n%s", path, got)
			}
		})
	}
}

// TestSVGSafe checks every default diagram, and one full of markup, for
// well-formed XML without script, event handlers or inline style, and for
// the accessible name.
func TestSVGSafe(t *testing.T) {
	flows := map[string]Flow{
		"markup": {Parties: []string{"A&B", "<C>"}, Steps: []Step{{0, 1, `<script>alert("x")</script>`, `" onload="x`}}},
	}
	for code, reason := range loadCodes(t) {
		flows[fmt.Sprint(code)] = Default(code, reason, methods[code])
	}
	for name, f := range flows {
		svg := SVG(f, "flow-"+name, "T & <t>", `D "d"`)
		if bytes.Contains(svg, []byte("<script")) || bytes.Contains(svg, []byte("style=")) {
			t.Errorf("%s: script or style in\n%s", name, svg)
		}
		checkXML(t, name, svg)
	}
}

// checkXML reads svg to the end as XML and checks its attributes.
func checkXML(t *testing.T, name string, svg []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	ids := map[string]bool{}
	var labelledBy string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v\n%s", name, err, svg)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range el.Attr {
			switch {
			case strings.HasPrefix(strings.ToLower(a.Name.Local), "on"):
				t.Errorf("%s: event attribute %s", name, a.Name.Local)
			case a.Name.Local == "id":
				ids[a.Value] = true
			case a.Name.Local == "aria-labelledby":
				labelledBy = a.Value
			case a.Name.Local == "href" || strings.Contains(a.Value, "url(") && !strings.HasPrefix(a.Value, "url(#"):
				t.Errorf("%s: external reference %s=%q", name, a.Name.Local, a.Value)
			}
		}
	}
	for _, ref := range strings.Fields(labelledBy) {
		if !ids[ref] {
			t.Errorf("%s: aria-labelledby names %q, which is not an id", name, ref)
		}
	}
	if labelledBy == "" {
		t.Errorf("%s: no aria-labelledby", name)
	}
}

// TestSVGWidth checks that diagrams stay narrow enough to read on a phone
// (640 units for up to three lanes, 720 for four) and that every label fits
// the gap it is drawn in.
func TestSVGWidth(t *testing.T) {
	codes := loadCodes(t)
	for code, reason := range codes {
		f := Default(code, reason, methods[code])
		l := measure(f)
		if limit := map[bool]int{true: 640, false: 720}[len(f.Parties) <= 3]; l.width > limit {
			t.Errorf("%d: %d lanes in %d units, more than %d", code, len(f.Parties), l.width, limit)
		}
		for _, s := range f.Steps {
			g := gap(s)
			if w := textWidth(s.Label, labelChar); w > l.lanes[g+1]-l.lanes[g] {
				t.Errorf("%d: label %q (%d) wider than its gap (%d)", code, s.Label, w, l.lanes[g+1]-l.lanes[g])
			}
		}
	}
}
