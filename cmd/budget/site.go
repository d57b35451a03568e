package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/sipcodes/sipcodes/internal/browsertest"
	"github.com/sipcodes/sipcodes/internal/build"
	"github.com/sipcodes/sipcodes/internal/output"
)

// servedSite is the built site, in memory and in a temporary folder, and
// the server that serves it on 127.0.0.1.
type servedSite struct {
	files output.Files
	dir   string
	url   string // "http://127.0.0.1:40123", no trailing slash
	srv   *http.Server
}

// startSite builds the site of the repository at root with the address it
// is served at as its base URL, so that canonical links point at the
// server as they point at the host in production.
func startSite(ctx context.Context, root string) (*servedSite, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &servedSite{url: "http://" + ln.Addr().String()}
	res, err := build.Build(build.Config{
		Content:     os.DirFS(filepath.Join(root, "content")),
		Templates:   os.DirFS(filepath.Join(root, "templates")),
		Static:      os.DirFS(filepath.Join(root, "static")),
		ContentName: "content",
		BaseURL:     s.url,
		Minify:      true,
	})
	if err != nil {
		ln.Close()
		return nil, fmt.Errorf("building the site: %w", err)
	}
	s.files = res.Files
	if s.dir, err = os.MkdirTemp("", "sipcodes-budget-"); err != nil {
		ln.Close()
		return nil, err
	}
	for _, name := range s.files.Paths() {
		p := filepath.Join(s.dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err == nil {
			err = os.WriteFile(p, s.files[name], 0o644)
		}
		if err != nil {
			s.close()
			ln.Close()
			return nil, err
		}
	}
	policy, err := productionPolicy(root)
	if err != nil {
		s.close()
		ln.Close()
		return nil, err
	}
	s.srv = &http.Server{Handler: asHost(browsertest.Handler(s.files), policy)}
	go s.srv.Serve(ln)
	return s, nil
}

func (s *servedSite) close() {
	if s.srv != nil {
		s.srv.Close()
	}
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
}

// productionPolicy is the Content-Security-Policy of netlify.toml, less
// upgrade-insecure-requests, since the server speaks plain HTTP.
func productionPolicy(root string) (string, error) {
	data, err := os.ReadFile(filepath.Join(root, "netlify.toml"))
	if err != nil {
		return "", err
	}
	m := regexp.MustCompile(`Content-Security-Policy = "([^"]+)"`).FindSubmatch(data)
	if m == nil {
		return "", errors.New("netlify.toml sets no Content-Security-Policy")
	}
	var keep []string
	for d := range strings.SplitSeq(string(m[1]), ";") {
		if d = strings.TrimSpace(d); d != "" && d != "upgrade-insecure-requests" {
			keep = append(keep, d)
		}
	}
	return strings.Join(keep, "; "), nil
}

// asHost adds what the production host adds to h's responses: the
// security policy, a year's caching for fingerprinted assets, and gzip
// for text, so that Lighthouse measures what readers get.
func asHost(h http.Handler, policy string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		header := w.Header()
		for k, v := range rec.Header() {
			header[k] = v
		}
		header.Set("Content-Security-Policy", policy)
		if ext := filepath.Ext(r.URL.Path); ext == ".css" || ext == ".js" {
			header.Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		body := rec.Body.Bytes()
		ct := header.Get("Content-Type")
		if compressible(ct) && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			body = gzipped(body)
			header.Set("Content-Encoding", "gzip")
			header.Add("Vary", "Accept-Encoding")
		}
		header.Set("Content-Length", fmt.Sprint(len(body)))
		w.WriteHeader(rec.Code)
		w.Write(body)
	})
}

func compressible(contentType string) bool {
	for _, t := range []string{"text/", "application/json", "application/xml", "image/svg+xml"} {
		if strings.HasPrefix(contentType, t) {
			return true
		}
	}
	return false
}

// gzipped compresses p at gzip's default level, as hosts compress on the
// fly; the weights are measured the same way.
func gzipped(p []byte) []byte {
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	z.Write(p)
	z.Close()
	return b.Bytes()
}
