package serve

import (
	"bufio"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sipcodes/sipcodes/internal/output"
)

const secret = "SECRET-OUTSIDE-THE-SITE"

var testFiles = output.Files{
	"index.html":     []byte(`<!doctype html><html><head><title>Home</title></head><body><h1>home</h1></body></html>`),
	"486/index.html": []byte(`<!doctype html><html><head><title>486</title></head><body class="x"><h1>busy</h1></body></html>`),
	"404.html":       []byte(`<!doctype html><html><head><title>Not found</title></head><body><h1>missing</h1></body></html>`),
	"style.css":      []byte(`body{color:red}`),
	// A file the build would never write, to show dot files are refused
	// even if one got into the output.
	".env": []byte(secret),
}

// newTestServer returns a server that has built once, with build's result.
func newTestServer(t *testing.T, build func() (output.Files, error)) *Server {
	t.Helper()
	s := New(Config{Build: func([]string) (output.Files, error) { return build() }})
	s.Rebuild()
	return s
}

func good() (output.Files, error) { return testFiles, nil }

// get sends a request as the server would parse it from the wire, so that
// the path is exactly what a client sent, not what a Go client cleaned.
func get(t *testing.T, h http.Handler, rawPath, host string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	raw := "GET " + rawPath + " HTTP/1.1\r\nHost: " + host + "\r\n"
	for i := 0; i+1 < len(header); i += 2 {
		raw += header[i] + ": " + header[i+1] + "\r\n"
	}
	req, err := http.ReadRequest(bufio.NewReader(strings.NewReader(raw + "\r\n")))
	if err != nil {
		t.Fatalf("request %q: %v", rawPath, err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestServesTheSite(t *testing.T) {
	h := newTestServer(t, good).Handler("8080")
	for _, tc := range []struct {
		path, want string
		status     int
		ctype      string
	}{
		{"/", "<h1>home</h1>", 200, "text/html; charset=utf-8"},
		{"/486/", "<h1>busy</h1>", 200, "text/html; charset=utf-8"},
		{"/486/index.html", "<h1>busy</h1>", 200, "text/html; charset=utf-8"},
		{"/499/", "<h1>missing</h1>", 404, "text/html; charset=utf-8"},
		{"/style.css", "body{color:red}", 200, "text/css; charset=utf-8"},
	} {
		rec := get(t, h, tc.path, "127.0.0.1:8080")
		if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.want) || rec.Header().Get("Content-Type") != tc.ctype {
			t.Errorf("%s: %d %q %q; want %d, %q in the body, %q", tc.path, rec.Code, rec.Header().Get("Content-Type"), rec.Body, tc.status, tc.want, tc.ctype)
		}
	}
	if rec := get(t, h, "/486", "localhost:8080"); rec.Code != http.StatusFound || rec.Header().Get("Location") != "/486/" {
		t.Errorf("/486: %d to %q, want a redirect to /486/", rec.Code, rec.Header().Get("Location"))
	}
}

func TestInjectsReloadScriptOnlyIntoServedHTML(t *testing.T) {
	s := newTestServer(t, good)
	h := s.Handler("8080")
	body := get(t, h, "/486/", "127.0.0.1:8080").Body.String()
	want := `<script src="/_live/reload.js" data-version="` + s.hub.version() + `" defer></script></head>`
	if !strings.Contains(body, want) {
		t.Errorf("page does not load the reload script before </head>:\n%s", body)
	}
	if strings.Contains(get(t, h, "/style.css", "127.0.0.1:8080").Body.String(), "_live") {
		t.Error("the reload script was added to a stylesheet")
	}
	files, _ := s.state()
	for name, data := range files {
		if strings.Contains(string(data), "_live") {
			t.Errorf("serving changed the built file %s", name)
		}
	}
	js := get(t, h, "/_live/reload.js", "127.0.0.1:8080")
	if js.Code != 200 || js.Header().Get("Content-Type") != "text/javascript; charset=utf-8" || !strings.Contains(js.Body.String(), "EventSource") {
		t.Errorf("reload.js: %d %q", js.Code, js.Header().Get("Content-Type"))
	}
	if csp := get(t, h, "/", "127.0.0.1:8080").Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self';") {
		t.Errorf("Content-Security-Policy = %q, want script-src 'self'", csp)
	}
}

func TestInject(t *testing.T) {
	for _, tc := range []struct{ page, want string }{
		{"<html><head><title>x</title></head><body>b</body></html>", `<title>x</title><script src="/_live/reload.js" data-version="v" defer></script></head>`},
		{"<HTML><HEAD></HEAD><BODY>b", `<HEAD><script src="/_live/reload.js" data-version="v" defer></script></HEAD>`},
		{"<title>x</title><body>b", `<title>x</title><script src="/_live/reload.js" data-version="v" defer></script><body>b`},
		{"<p>b", `<script src="/_live/reload.js" data-version="v" defer></script><p>b`},
	} {
		if got := string(inject([]byte(tc.page), "v", "")); !strings.Contains(got, tc.want) {
			t.Errorf("inject(%q) = %q, want it to contain %q", tc.page, got, tc.want)
		}
	}
}

func TestPathsNeverLeaveTheSite(t *testing.T) {
	h := newTestServer(t, good).Handler("8080")
	for _, tc := range []struct {
		path   string
		status int
	}{
		{"/../secret", 400},
		{"/486/../../etc/passwd", 400},
		{"/%2e%2e/secret", 400},
		{"/%2E%2E/%2E%2E/etc/passwd", 400},
		{"/..%2fsecret", 400},
		{"/486%2f..%2f..%2fsecret", 400},
		{"/%252e%252e/secret", 404},
		{"/..%5csecret", 400},
		{`/..\secret`, 400},
		{"/%00", 400},
		{"//etc/passwd", 400},
		{"/etc/passwd", 404},
		{"/C:/Windows/win.ini", 404},
		{"/.env", 404},
		{"/%2eenv", 404},
		{"/.git/config", 404},
		{"/486/.hidden", 404},
		{"/./486/", 404},
		{"http://127.0.0.1:8080/../secret", 400},
	} {
		rec := get(t, h, tc.path, "127.0.0.1:8080")
		if rec.Code != tc.status || strings.Contains(rec.Body.String(), secret) {
			t.Errorf("%s: status %d, want %d (body %q)", tc.path, rec.Code, tc.status, rec.Body)
		}
	}
}

func TestRefusesOtherHosts(t *testing.T) {
	h := newTestServer(t, good).Handler("8080")
	for host, want := range map[string]int{
		"127.0.0.1:8080":        200,
		"localhost:8080":        200,
		"LocalHost:8080":        200,
		"[::1]:8080":            200,
		"evil.example:8080":     403,
		"evil.example":          403,
		"localhost":             403,
		"127.0.0.1:9999":        403,
		"localhost.evil:8080":   403,
		"127.0.0.1.nip.io:8080": 403,
		"":                      403,
	} {
		if rec := get(t, h, "/", host); rec.Code != want {
			t.Errorf("Host %q: status %d, want %d", host, rec.Code, want)
		}
	}
	// A host the server was told to bind to is its own.
	s := New(Config{Build: func([]string) (output.Files, error) { return good() }, Hosts: []string{"192.0.2.7"}})
	s.Rebuild()
	if rec := get(t, s.Handler("8080"), "/", "192.0.2.7:8080"); rec.Code != 200 {
		t.Errorf("configured host: status %d, want 200", rec.Code)
	}
}

func TestEventsRefuseOtherOrigins(t *testing.T) {
	h := newTestServer(t, good).Handler("8080")
	for _, hdr := range [][]string{
		{"Origin", "http://evil.example"},
		{"Origin", "http://localhost:9999"},
		{"Origin", "null"},
		{"Sec-Fetch-Site", "cross-site"},
		{"Sec-Fetch-Site", "same-site"},
		{"Origin", "http://localhost:8080", "Sec-Fetch-Site", "cross-site"},
	} {
		if rec := get(t, h, "/_live/events", "localhost:8080", hdr...); rec.Code != http.StatusForbidden {
			t.Errorf("%v: status %d, want 403", hdr, rec.Code)
		}
	}
}

func TestOverlayEscapesTheMessage(t *testing.T) {
	fail := false
	s := newTestServer(t, func() (output.Files, error) {
		if fail {
			return nil, errors.New(`content/codes/486.md:7:1: heading "<script>alert(1)</script>" skips from level 2 to 4`)
		}
		return testFiles, nil
	})
	h := s.Handler("8080")
	fail = true
	s.Rebuild()
	rec := get(t, h, "/486/", "127.0.0.1:8080")
	body := rec.Body.String()
	if rec.Code != http.StatusInternalServerError || !strings.Contains(body, `class="sipcodes-live-error"`) {
		t.Fatalf("failed build: status %d, body %s", rec.Code, body)
	}
	if strings.Contains(body, "<script>alert(1)") || !strings.Contains(body, `heading &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34; skips`) {
		t.Errorf("the message is not escaped:\n%s", body)
	}
	if !strings.Contains(body, "<h1>busy</h1>") || !strings.Contains(body, `<link rel="stylesheet" href="/_live/overlay.css">`) {
		t.Errorf("the overlay does not cover the last good page:\n%s", body)
	}
	if rec := get(t, h, "/style.css", "127.0.0.1:8080"); rec.Code != 200 {
		t.Errorf("the last good stylesheet is not served: %d", rec.Code)
	}
	fail = false
	s.Rebuild()
	if rec := get(t, h, "/486/", "127.0.0.1:8080"); rec.Code != 200 || strings.Contains(rec.Body.String(), "sipcodes-live-error") {
		t.Errorf("after a good build: %d, overlay still shown", rec.Code)
	}
}

func TestFirstBuildFails(t *testing.T) {
	s := newTestServer(t, func() (output.Files, error) { return nil, errors.New("content/codes.yaml:1:1: broken") })
	rec := get(t, s.Handler("8080"), "/486/", "127.0.0.1:8080")
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), "content/codes.yaml:1:1: broken") || !strings.Contains(rec.Body.String(), "/_live/reload.js") {
		t.Errorf("no good build yet: %d %s", rec.Code, rec.Body)
	}
}

func TestRefusesOtherMethods(t *testing.T) {
	h := newTestServer(t, good).Handler("8080")
	req := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:8080/", strings.NewReader("x"))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", rec.Code)
	}
	req = httptest.NewRequest(http.MethodHead, "http://127.0.0.1:8080/486/", nil)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if b, _ := io.ReadAll(rec.Body); rec.Code != 200 || len(b) != 0 || rec.Header().Get("Content-Length") == "0" {
		t.Errorf("HEAD: %d, %d bytes of body, Content-Length %s", rec.Code, len(b), rec.Header().Get("Content-Length"))
	}
}
