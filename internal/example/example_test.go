package example

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/emiago/sipgo/sip"
	"go.yaml.in/yaml/v4"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// datasetCode is the part of a content/codes.yaml entry the tests need.
type datasetCode struct {
	Code   int    `yaml:"code"`
	Reason string `yaml:"reason"`
}

// loadCodes reads the real dataset, so that every code the site lists is
// checked, including codes added later.
func loadCodes(t *testing.T) []datasetCode {
	t.Helper()
	data, err := os.ReadFile("../../content/codes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Codes []datasetCode `yaml:"codes"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Codes) < 70 {
		t.Fatalf("only %d codes in content/codes.yaml", len(doc.Codes))
	}
	return doc.Codes
}

// noteHeaders are header fields notes list for their codes, as a sample of
// what Spec.Headers will carry.
var noteHeaders = map[int][]string{
	100: {"Timestamp"},
	180: {"Contact", "RSeq", "Require", "Record-Route", "Alert-Info"},
	181: {"Contact", "RSeq"},
	183: {"Contact", "RSeq", "Require", "Record-Route"},
	199: {"To", "Reason"},
	200: {"Contact", "Record-Route", "Allow", "Supported", "Expires"},
	202: {"Expires", "Contact"},
	204: {"Expires"},
	302: {"Contact", "Expires"},
	400: {"Warning"},
	401: {"WWW-Authenticate", "Proxy-Authenticate"},
	403: {"Warning"},
	404: {"Retry-After"},
	405: {"Allow"},
	407: {"Proxy-Authenticate", "WWW-Authenticate"},
	415: {"Accept", "Accept-Encoding", "Accept-Language"},
	494: {"Security-Server"},
	503: {"Retry-After", "Server"},
	608: {"Call-Info"},
}

// wantHeader is the field each code's response must show.
var wantHeader = map[int]string{
	100: "Timestamp", 180: "RSeq", 183: "Content-Type", 199: "Reason",
	200: "Contact", 202: "Expires", 204: "Expires",
	300: "Contact", 301: "Contact", 302: "Contact", 305: "Contact", 380: "Contact",
	401: "WWW-Authenticate", 404: "Retry-After", 405: "Allow", 407: "Proxy-Authenticate",
	413: "Retry-After", 415: "Accept", 417: "Accept-Resource-Priority",
	420: "Unsupported", 421: "Require", 422: "Min-SE", 423: "Min-Expires",
	424: "Geolocation-Error", 425: "AlertMsg-Error", 469: "Recv-Info", 470: "Permission-Missing",
	480: "Retry-After", 485: "Contact", 486: "Retry-After", 488: "Warning", 489: "Allow-Events",
	494: "Security-Server", 500: "Retry-After", 503: "Retry-After",
	600: "Retry-After", 603: "Reason", 606: "Warning", 608: "Call-Info",
}

// parse converts a displayed message to its wire form and parses it with an
// independent SIP stack.
func parse(t *testing.T, what, msg string) sip.Message {
	t.Helper()
	wire := strings.ReplaceAll(msg, "\n", "\r\n")
	m, err := sip.NewParser().ParseSIP([]byte(wire))
	if err != nil {
		t.Fatalf("%s does not parse: %v\n%s", what, err, msg)
	}
	for _, name := range []string{"Via", "From", "To", "Call-ID", "CSeq", "Content-Length"} {
		if len(m.GetHeaders(name)) == 0 {
			t.Errorf("%s has no %s", what, name)
		}
	}
	if cl := m.ContentLength(); cl == nil || int(*cl) != len(m.Body()) {
		t.Errorf("%s: Content-Length %v, body has %d bytes", what, cl, len(m.Body()))
	}
	return m
}

// TestEveryCode generates the example of every code in the dataset and
// checks it with sipgo's parser.
func TestEveryCode(t *testing.T) {
	for _, c := range loadCodes(t) {
		t.Run(c.Reason, func(t *testing.T) {
			ex, err := Generate(Spec{Code: c.Code, Reason: c.Reason, Headers: noteHeaders[c.Code]})
			if err != nil {
				t.Fatal(err)
			}
			req, ok := parse(t, "request", ex.Request).(*sip.Request)
			if !ok {
				t.Fatalf("request is not a request:\n%s", ex.Request)
			}
			if req.MaxForwards() == nil {
				t.Error("request has no Max-Forwards")
			}
			if got, want := string(req.Method), DefaultMethod(c.Code); got != want {
				t.Errorf("method %s, want %s", got, want)
			}
			res, ok := parse(t, "response", ex.Response).(*sip.Response)
			if !ok {
				t.Fatalf("response is not a response:\n%s", ex.Response)
			}
			if res.StatusCode != c.Code || res.Reason != c.Reason {
				t.Errorf("status line %d %q, want %d %q", res.StatusCode, res.Reason, c.Code, c.Reason)
			}
			if res.CSeq().MethodName != req.Method || res.CSeq().SeqNo != req.CSeq().SeqNo {
				t.Errorf("response CSeq %v, request CSeq %v", res.CSeq(), req.CSeq())
			}
			if res.From().Value() != req.From().Value() {
				t.Errorf("From %q, request's %q", res.From().Value(), req.From().Value())
			}
			if len(res.GetHeaders("Via")) != len(req.GetHeaders("Via")) {
				t.Errorf("response has %d Vias, request %d", len(res.GetHeaders("Via")), len(req.GetHeaders("Via")))
			}
			if res.CallID().Value() != req.CallID().Value() {
				t.Errorf("Call-ID %q, request's %q", res.CallID().Value(), req.CallID().Value())
			}
			if _, tagged := res.To().Params.Get("tag"); tagged == (c.Code == 100) {
				t.Errorf("To %q: a tag is wanted in every response but 100", res.To().Value())
			}
			if name, ok := wantHeader[c.Code]; ok && len(res.GetHeaders(name)) == 0 {
				t.Errorf("no %s in\n%s", name, ex.Response)
			}
			checkDocumentation(t, ex.Request+ex.Response)
		})
	}
}

// Host names and IPv4 addresses in an example, and the dotted words that
// are neither: package names, file names and option values.
var (
	userPart  = regexp.MustCompile(`[a-z0-9._+-]+@`)
	hostName  = regexp.MustCompile(`[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z][a-z0-9]+\b`)
	ipv4      = regexp.MustCompile(`\b\d+\.\d+\.\d+\.\d+\b`)
	notAHost  = map[string]bool{"g.3gpp.ussd": true, "sip.instance": true, "dsn.flash": true, "608.jwt": true, "photo.png": true}
	docRanges = []string{"192.0.2.", "198.51.100.", "203.0.113."}
)

// checkDocumentation fails when an example names a host outside the
// documentation domains and addresses (RFC 2606, RFC 5737).
func checkDocumentation(t *testing.T, text string) {
	t.Helper()
	for _, h := range hostName.FindAllString(userPart.ReplaceAllString(strings.ToLower(text), "@"), -1) {
		ok := notAHost[h] || h == "example.com" || h == "example.net" ||
			strings.HasSuffix(h, ".example.com") || strings.HasSuffix(h, ".example.net") || strings.HasSuffix(h, ".invalid")
		if !ok {
			t.Errorf("%q is not a documentation domain", h)
		}
	}
	for _, ip := range ipv4.FindAllString(text, -1) {
		if !slices.ContainsFunc(docRanges, func(p string) bool { return strings.HasPrefix(ip, p) }) {
			t.Errorf("%q is not a documentation address", ip)
		}
	}
}

func TestDefaultMethod(t *testing.T) {
	tests := []struct {
		code int
		want string
	}{
		{100, "INVITE"},
		{200, "INVITE"},
		{202, "SUBSCRIBE"},
		{204, "SUBSCRIBE"},
		{401, "REGISTER"},
		{407, "INVITE"},
		{412, "PUBLISH"},
		{423, "REGISTER"},
		{469, "INFO"},
		{470, "MESSAGE"},
		{481, "BYE"},
		{486, "INVITE"},
		{489, "SUBSCRIBE"},
		{603, "INVITE"},
	}
	for _, tt := range tests {
		if got := DefaultMethod(tt.code); got != tt.want {
			t.Errorf("DefaultMethod(%d) = %s, want %s", tt.code, got, tt.want)
		}
	}
}

func TestExtra(t *testing.T) {
	tests := []struct {
		name  string
		spec  Spec
		want  []string // lines the response must contain
		avoid []string // lines it must not contain
	}{
		{
			name:  "replaces a generated field",
			spec:  Spec{Code: 486, Reason: "Busy Here", Extra: []string{"Retry-After: 300;duration=1800"}},
			want:  []string{"Retry-After: 300;duration=1800\n"},
			avoid: []string{"Retry-After: 60\n"},
		},
		{
			name: "matches names without regard to case",
			spec: Spec{Code: 486, Reason: "Busy Here", Extra: []string{"retry-after: 5"}},
			want: []string{"retry-after: 5\n"}, avoid: []string{"Retry-After: 60\n"},
		},
		{
			name: "matches compact forms",
			spec: Spec{Code: 200, Reason: "OK", Extra: []string{"m: <sip:bob@203.0.113.9>"}},
			want: []string{"m: <sip:bob@203.0.113.9>\n"}, avoid: []string{"Contact: "},
		},
		{
			name: "adds a new field",
			spec: Spec{Code: 486, Reason: "Busy Here", Extra: []string{"Server: ExamplePBX/9.1"}},
			want: []string{"Retry-After: 60\n", "Server: ExamplePBX/9.1\n"},
		},
		{
			name: "several lines of one name replace all generated ones in place",
			spec: Spec{Code: 300, Reason: "Multiple Choices", Extra: []string{"Contact: <sip:a@biloxi.example.com>", "Contact: <sip:b@biloxi.example.com>"}},
			want: []string{"CSeq: 1 INVITE\nContact: <sip:a@biloxi.example.com>\nContact: <sip:b@biloxi.example.com>\nContent-Length: 0\n"},
		},
		{
			name: "a body with its Content-Type",
			spec: Spec{Code: 488, Reason: "Not Acceptable Here", Extra: []string{"Content-Type: application/json"}, Body: `{"why":"codec"}`},
			want: []string{"Content-Type: application/json\nContent-Length: 17\n\n{\"why\":\"codec\"}\n"},
		},
		{
			name: "a body replaces a generated one",
			spec: Spec{Code: 200, Reason: "OK", Extra: []string{"Content-Type: text/plain"}, Body: "hi\n"},
			want: []string{"Content-Type: text/plain\nContent-Length: 4\n\nhi\n"}, avoid: []string{"application/sdp"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, err := Generate(tt.spec)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(ex.Response, w) {
					t.Errorf("response lacks %q:\n%s", w, ex.Response)
				}
			}
			for _, a := range tt.avoid {
				if strings.Contains(ex.Response, a) {
					t.Errorf("response still has %q:\n%s", a, ex.Response)
				}
			}
			parse(t, "response", ex.Response)
		})
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		spec Spec
		want string
	}{
		{"code out of range", Spec{Code: 700, Reason: "X"}, "between 100 and 699"},
		{"no reason", Spec{Code: 486}, "no reason phrase"},
		{"ACK", Spec{Code: 486, Reason: "Busy Here", Method: "ACK"}, "ACK is never answered"},
		{"unknown method", Spec{Code: 486, Reason: "Busy Here", Method: "FETCH"}, `unknown method "FETCH"`},
		{"unknown header", Spec{Code: 486, Reason: "Busy Here", Headers: []string{"X-Mood"}}, `"X-Mood"`},
		{"RSeq in a final response", Spec{Code: 486, Reason: "Busy Here", Headers: []string{"RSeq"}}, "provisional"},
		{"malformed override", Spec{Code: 486, Reason: "Busy Here", Extra: []string{"Retry After 5"}}, "Name: value"},
		{"Content-Length override", Spec{Code: 486, Reason: "Busy Here", Extra: []string{"Content-Length: 9"}}, "Content-Length"},
		{"body without type", Spec{Code: 486, Reason: "Busy Here", Body: "x"}, "Content-Type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Generate(tt.spec)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestMethods checks that every method a note may choose gives a valid
// exchange, including the in-dialog ones.
func TestMethods(t *testing.T) {
	for method := range requestBuilders {
		ex, err := Generate(Spec{Code: 200, Reason: "OK", Method: method})
		if err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		req := parse(t, method, ex.Request).(*sip.Request)
		res := parse(t, "200 to "+method, ex.Response).(*sip.Response)
		if string(req.Method) != method || string(res.CSeq().MethodName) != method {
			t.Errorf("%s: request method %s, CSeq %v", method, req.Method, res.CSeq())
		}
	}
}

func TestDeterministic(t *testing.T) {
	s := Spec{Code: 180, Reason: "Ringing", Headers: []string{"RSeq", "Record-Route", "Alert-Info"}}
	a, _ := Generate(s)
	b, _ := Generate(s)
	if a != b {
		t.Error("the same Spec gave different examples")
	}
}

// TestGolden keeps a few whole examples under review.
func TestGolden(t *testing.T) {
	for name, s := range map[string]Spec{
		"486": {Code: 486, Reason: "Busy Here", Headers: []string{"Retry-After"}},
		"401": {Code: 401, Reason: "Unauthorized", Headers: []string{"WWW-Authenticate"}},
		"180": {Code: 180, Reason: "Ringing", Headers: []string{"Contact", "RSeq", "Require", "Record-Route"}},
	} {
		t.Run(name, func(t *testing.T) {
			ex, err := Generate(s)
			if err != nil {
				t.Fatal(err)
			}
			got := ex.Request + "\n=== response ===\n\n" + ex.Response
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the golden file; run go test -update and review the diff\ngot:\n%s", path, got)
			}
		})
	}
}
