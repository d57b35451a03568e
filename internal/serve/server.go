// Package serve is the preview server: it serves the last good build from
// memory on the loopback interface, rebuilds when a source changes, and
// tells open pages to reload through Server-Sent Events. When a build
// fails, pages show its message over the last good build until the next
// build succeeds; the server itself keeps running.
//
// It is a tool for one person on one machine, and is careful anyway: it
// answers only to loopback host names (against DNS rebinding), serves only
// files of the built site (no path leaves it, no dot file or symbolic link
// is ever read), streams events only to its own pages, and escapes every
// message it shows.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/sipcodes/sipcodes/internal/output"
)

// DefaultDebounce is how long the watcher waits after a change for more
// before it builds: an editor's save is often several writes.
const DefaultDebounce = 10 * time.Millisecond

// Config says how to build the site and what to watch.
type Config struct {
	// Build runs the pipeline. changed lists the files that changed since
	// the last build, as the watcher saw them; it is nil for the first
	// build. Its error's text is shown as it is, in the terminal and in
	// the browser, so it should already be in the form the reader wants
	// (path:line:col: message).
	Build func(changed []string) (output.Files, error)
	// Watch lists folders on disk; a change anywhere inside one starts a
	// build.
	Watch []string
	// Hosts are host names the server answers to besides localhost,
	// 127.0.0.1 and [::1], such as the address it is bound to.
	Hosts []string
	// Log gets a line for each build; nil discards them.
	Log io.Writer
	// Debounce overrides DefaultDebounce when positive.
	Debounce time.Duration
}

// Server is the preview server. Make one with New, build once with
// Rebuild, then Run it.
type Server struct {
	cfg  Config
	hub  *hub
	done chan struct{} // closed when the HTTP server shuts down

	mu      sync.RWMutex
	files   output.Files // the last good build
	failure string       // the last build's error; empty when it succeeded
}

// New returns a server that has not built yet.
func New(cfg Config) *Server {
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.Debounce <= 0 {
		cfg.Debounce = DefaultDebounce
	}
	// Versions carry the server's start so that a page left open across a
	// restart reloads into the new server's build.
	prefix := strconv.FormatInt(time.Now().UnixNano(), 36)
	return &Server{cfg: cfg, hub: newHub(prefix), done: make(chan struct{})}
}

// Rebuild builds the site. On success its files replace the served ones;
// on failure the last good build stays and pages show the error. Either
// way open pages are told to reload. It returns the build's error.
func (s *Server) Rebuild() error { return s.rebuild(nil) }

func (s *Server) rebuild(changed []string) error {
	start := time.Now()
	files, err := s.cfg.Build(changed)
	s.mu.Lock()
	if err == nil {
		s.files, s.failure = files, ""
	} else {
		s.failure = err.Error()
	}
	s.mu.Unlock()
	s.hub.publish()
	took := time.Since(start).Round(time.Millisecond)
	if err != nil {
		fmt.Fprintf(s.cfg.Log, "%v\nbuild failed in %s; pages show the error until it is fixed\n", err, took)
	} else {
		fmt.Fprintf(s.cfg.Log, "built %d files in %s\n", len(files), took)
	}
	return err
}

// state returns the served files and the current failure.
func (s *Server) state() (output.Files, string) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.files, s.failure
}

// Run serves on ln and watches the sources until ctx is done, then shuts
// down: open event streams end, and requests in flight get two seconds.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	w, err := newWatcher(s.cfg.Watch)
	if err != nil {
		ln.Close()
		return err
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	srv := &http.Server{
		Handler:           s.Handler(port),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(s.cfg.Log, "serve: ", 0),
	}
	srv.RegisterOnShutdown(func() { close(s.done) })
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	watchCtx, stopWatch := context.WithCancel(ctx)
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		s.watch(watchCtx, w)
	}()
	select {
	case <-ctx.Done():
		err = nil
	case err = <-served:
	}
	stopWatch()
	<-watched
	w.Close()
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if e := srv.Shutdown(shutdown); e != nil && err == nil {
		err = e
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}
