package serve

import (
	_ "embed"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// The live-reload endpoints. The server answers them before it looks at
// the site, so that no file of the site can stand in for them.
const (
	livePrefix   = "/_live/"
	reloadPath   = "/_live/reload.js"
	eventsPath   = "/_live/events"
	overlayPath  = "/_live/overlay.css"
	maxListeners = 64
	heartbeat    = 25 * time.Second
)

var (
	//go:embed live/reload.js
	reloadJS []byte
	//go:embed live/overlay.css
	overlayCSS []byte
)

// hub tells every open page the current build version. Each listener has
// a channel of one slot that holds the newest version it has not yet sent:
// a slow page skips versions, which is right, since only the last matters.
type hub struct {
	mu        sync.Mutex
	prefix    string // makes versions of one server run distinct from another's
	n         int
	listeners map[chan string]struct{}
}

func newHub(prefix string) *hub {
	return &hub{prefix: prefix, listeners: map[chan string]struct{}{}}
}

// version is the current build version.
func (h *hub) version() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.versionLocked()
}

func (h *hub) versionLocked() string { return fmt.Sprintf("%s-%d", h.prefix, h.n) }

// publish starts a new version and tells every listener.
func (h *hub) publish() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.n++
	v := h.versionLocked()
	for ch := range h.listeners {
		select {
		case <-ch: // drop the version not yet sent
		default:
		}
		ch <- v
	}
}

// listen adds a listener, which gets the current version at once; the
// returned function removes it. ok is false when there are too many.
func (h *hub) listen() (ch chan string, stop func(), ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.listeners) >= maxListeners {
		return nil, nil, false
	}
	ch = make(chan string, 1)
	ch <- h.versionLocked()
	h.listeners[ch] = struct{}{}
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		delete(h.listeners, ch)
	}, true
}

// count is the number of listeners, for tests.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.listeners)
}

// serveEvents streams versions as Server-Sent Events until the page goes
// away or the server shuts down.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch, stop, ok := s.hub.listen()
	if !ok {
		http.Error(w, "too many open pages", http.StatusServiceUnavailable)
		return
	}
	defer stop()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	// A short retry makes a restarted server reconnect quickly.
	fmt.Fprint(w, "retry: 250\n\n")
	flusher.Flush()
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case v := <-ch:
			fmt.Fprintf(w, "event: version\ndata: %s\n\n", v)
		case <-tick.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
		flusher.Flush()
	}
}
