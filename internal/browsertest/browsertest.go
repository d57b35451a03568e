// Package browsertest runs tests in a real headless Chromium: it finds the
// browser, starts it with flags that keep it off the network, and serves a
// built site the way the production host does.
package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/sipcodes/sipcodes/internal/chromium"
	"github.com/sipcodes/sipcodes/internal/output"
)

// New starts a headless Chromium for the test and returns a context for
// chromedp actions in a new tab. The test is skipped when no browser is
// installed (CI installs Debian's chromium, so it never skips there).
func New(t testing.TB) context.Context {
	t.Helper()
	bin := chromium.Path()
	if bin == "" {
		t.Skip("no Chromium found: apt-get install chromium, or set CHROMIUM")
	}
	ctx, done, err := chromium.Start(context.Background(), bin)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancel()
		done()
	})
	return ctx
}

// Serve serves files over HTTP on 127.0.0.1 as the production host does:
// /486/ and /486 serve 486/index.html, and a missing page gets 404.html
// with status 404.
func Serve(t testing.TB, files output.Files) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(Handler(files))
	t.Cleanup(srv.Close)
	return srv
}

// Handler is the file server behind Serve.
func Handler(files output.Files) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		candidates := []string{name, path.Join(name, "index.html")}
		if name == "" || name == "." {
			candidates = []string{"index.html"}
		}
		for _, c := range candidates {
			if data, ok := files[c]; ok {
				if strings.HasSuffix(r.URL.Path, "/") || c == name {
					serve(w, c, data, http.StatusOK)
					return
				}
				// "/486" redirects to "/486/", as the host does.
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
		}
		serve(w, "404.html", files["404.html"], http.StatusNotFound)
	})
}

func serve(w http.ResponseWriter, name string, data []byte, status int) {
	types := map[string]string{
		".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
		".js": "text/javascript; charset=utf-8", ".json": "application/json",
		".svg": "image/svg+xml", ".png": "image/png", ".xml": "application/xml",
		".txt": "text/plain; charset=utf-8", ".csv": "text/csv; charset=utf-8",
	}
	if ct, ok := types[path.Ext(name)]; ok {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}
