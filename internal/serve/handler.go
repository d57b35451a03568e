package serve

import (
	"mime"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// policy is the site's Content-Security-Policy (netlify.toml) without
// upgrade-insecure-requests, which would send the preview's own requests
// to https. It keeps the preview as strict as the published site: a page
// that needs inline script fails here first.
const policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// Handler serves the site to the hosts the server answers to on port:
// localhost, 127.0.0.1, [::1] and the configured ones.
func (s *Server) Handler(port string) http.Handler {
	hosts, origins := map[string]bool{}, map[string]bool{}
	for _, h := range append([]string{"localhost", "127.0.0.1", "::1"}, s.cfg.Hosts...) {
		h = strings.ToLower(strings.Trim(h, "[]"))
		hp := net.JoinHostPort(h, port)
		hosts[hp], origins["http://"+hp] = true, true
		if port == "80" {
			bare := strings.TrimSuffix(hp, ":80")
			hosts[bare], origins["http://"+bare] = true, true
		}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A page of another site whose name resolves to 127.0.0.1 (DNS
		// rebinding) sends its own name as Host.
		if !hosts[strings.ToLower(r.Host)] {
			http.Error(w, "this server answers only to localhost", http.StatusForbidden)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		switch r.URL.Path {
		case eventsPath:
			if r.Method != http.MethodGet || !sameOrigin(r, origins) {
				http.Error(w, "live reload is only for this server's own pages", http.StatusForbidden)
				return
			}
			s.serveEvents(w, r)
			return
		case reloadPath:
			write(w, r, http.StatusOK, "text/javascript; charset=utf-8", reloadJS)
			return
		case overlayPath:
			write(w, r, http.StatusOK, "text/css; charset=utf-8", overlayCSS)
			return
		}
		h.Set("Content-Security-Policy", policy)
		s.serveSite(w, r)
	})
}

// sameOrigin reports whether a request comes from one of the server's own
// pages. Browsers send Origin with cross-origin EventSource requests, and
// Sec-Fetch-Site with every request; a request without either is not from
// a browser page of another site.
func sameOrigin(r *http.Request, origins map[string]bool) bool {
	if o := r.Header.Get("Origin"); o != "" && !origins[strings.ToLower(o)] {
		return false
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
		return true
	}
	return false
}

// serveSite answers from the last good build: /486/ and /486 (redirected)
// are 486/index.html, anything missing is 404.html. HTML pages get the
// live-reload script, and the error overlay while the build is failing.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request) {
	name, status := sitePath(r)
	if status != http.StatusOK {
		http.Error(w, http.StatusText(status), status)
		return
	}
	files, failure := s.state()
	data, found := files[name]
	if !found {
		if _, ok := files[path.Join(name, "index.html")]; ok {
			http.Redirect(w, r, "/"+name+"/", http.StatusFound)
			return
		}
		name, status = "404.html", http.StatusNotFound
		data, found = files[name]
	}
	if path.Ext(name) != ".html" {
		write(w, r, status, contentType(name), data)
		return
	}
	if !found {
		data = []byte(blankPage)
	}
	if failure != "" {
		status = http.StatusInternalServerError
	}
	write(w, r, status, "text/html; charset=utf-8", inject(data, s.hub.version(), failure))
}

// sitePath maps a request's path to a file of the site, or says why it
// may not: 400 for a path that tries to climb out (.., encoded slashes,
// backslashes, NUL), 404 for dot files, which the site never has.
func sitePath(r *http.Request) (string, int) {
	p := r.URL.Path
	raw := strings.ToLower(r.URL.EscapedPath())
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") ||
		strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") || strings.Contains(raw, "%00") {
		return "", http.StatusBadRequest
	}
	elems := strings.Split(p[1:], "/")
	for i, e := range elems {
		switch {
		case e == "..":
			return "", http.StatusBadRequest
		case strings.HasPrefix(e, "."):
			return "", http.StatusNotFound
		case e == "" && i < len(elems)-1:
			// "//x" would be read as another host by some clients.
			return "", http.StatusBadRequest
		}
	}
	name := strings.TrimPrefix(p, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	return name, http.StatusOK
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".json":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	case ".xml":
		return "application/xml"
	case ".txt", ".sql":
		return "text/plain; charset=utf-8"
	case ".csv":
		return "text/csv; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func write(w http.ResponseWriter, r *http.Request, status int, ctype string, data []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}
