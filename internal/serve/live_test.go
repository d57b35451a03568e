package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/sipcodes/sipcodes/internal/output"
)

// events reads the version events of one page's stream.
type events struct {
	resp *http.Response
	r    *bufio.Reader
}

func openEvents(t *testing.T, base string) *events {
	t.Helper()
	resp, err := http.Get(base + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("events: %s %q", resp.Status, resp.Header.Get("Content-Type"))
	}
	return &events{resp: resp, r: bufio.NewReader(resp.Body)}
}

// next returns the data of the next version event.
func (e *events) next(t *testing.T) string {
	t.Helper()
	event := ""
	for {
		line, err := e.r.ReadString('\n')
		if err != nil {
			t.Fatalf("reading events: %v", err)
		}
		line = strings.TrimRight(line, "\n")
		switch {
		case strings.HasPrefix(line, "event: "):
			event = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: ") && event == "version":
			return strings.TrimPrefix(line, "data: ")
		}
	}
}

// start runs s on a free loopback port until the test ends, and returns
// its address and a function that stops it and returns Run's error.
func start(t *testing.T, s *Server) (string, func() error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	var stopped error
	var once atomic.Bool
	stop := func() error {
		if once.CompareAndSwap(false, true) {
			cancel()
			select {
			case stopped = <-done:
			case <-time.After(5 * time.Second):
				stopped = fmt.Errorf("Run did not return within 5s of cancel")
			}
		}
		return stopped
	}
	t.Cleanup(func() { stop() })
	return "http://" + ln.Addr().String(), stop
}

func TestEventsTellPagesToReload(t *testing.T) {
	s := newTestServer(t, good)
	base, _ := start(t, s)
	ev := openEvents(t, base)
	first := ev.next(t)
	if first != s.hub.version() {
		t.Fatalf("first event %q, want the current version %q", first, s.hub.version())
	}
	s.Rebuild()
	if v := ev.next(t); v == first || v != s.hub.version() {
		t.Errorf("after a build: version %q, want a new one %q", v, s.hub.version())
	}
}

// TestWatchRebuildsOnSave edits a watched file and waits for the version
// event, as an open page would, and reports the median time from the
// write to the event with a build that takes no time: what the server
// itself adds to a build (debounce, watcher, event stream).
func TestWatchRebuildsOnSave(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "codes")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	var builds atomic.Int32
	s := New(Config{
		Build: func([]string) (output.Files, error) { builds.Add(1); return testFiles, nil },
		Watch: []string{dir},
	})
	s.Rebuild()
	base, stop := start(t, s)
	ev := openEvents(t, base)
	ev.next(t)
	var took []time.Duration
	for i := range 7 {
		name := filepath.Join(sub, "486.md")
		if i%2 == 1 {
			// A folder made after the server started is watched too.
			name = filepath.Join(dir, fmt.Sprintf("new%d", i), "x.md")
			os.Mkdir(filepath.Dir(name), 0o755)
			time.Sleep(50 * time.Millisecond) // let the watcher add the folder
			ev.next(t)
		}
		start := time.Now()
		if err := os.WriteFile(name, []byte(fmt.Sprintf("edit %d\n", i)), 0o644); err != nil {
			t.Fatal(err)
		}
		ev.next(t)
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	t.Logf("save to reload event, build excluded: median %s (min %s, max %s)", took[len(took)/2], took[0], took[len(took)-1])
	// An editor's swap file is not a change to the site, nor is the file
	// Vim makes and removes to learn whether it may write in the folder.
	before := builds.Load()
	os.WriteFile(filepath.Join(sub, ".486.md.swp"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(sub, "4913"), nil, 0o644)
	os.Remove(filepath.Join(sub, "4913"))
	time.Sleep(4 * DefaultDebounce)
	if builds.Load() != before {
		t.Error("a swap file started a build")
	}
	if err := stop(); err != nil {
		t.Errorf("Run: %v", err)
	}
}

// TestShutdownEndsStreams stops the server while a page listens: Run must
// return promptly and the stream must end.
func TestShutdownEndsStreams(t *testing.T) {
	s := newTestServer(t, good)
	base, stop := start(t, s)
	ev := openEvents(t, base)
	ev.next(t)
	began := time.Now()
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(began); d > time.Second {
		t.Errorf("shutdown took %s with a page listening", d)
	}
	ended := make(chan struct{})
	go func() {
		io.Copy(io.Discard, ev.r)
		close(ended)
	}()
	select {
	case <-ended:
	case <-time.After(2 * time.Second):
		t.Error("the event stream is still open after shutdown")
	}
}

func TestHideEditorFiles(t *testing.T) {
	fsys := HideEditorFiles(fstest.MapFS{
		"codes/486.md":          {Data: []byte("x")},
		"codes/.486.md.swp":     {Data: []byte("x")},
		"codes/486.md~":         {Data: []byte("x")},
		"codes/#486.md#":        {Data: []byte("x")},
		"codes/4913":            {Data: []byte("")},
		".git/config":           {Data: []byte("x")},
		"partials/.#card.html":  {Data: []byte("x")},
		"partials/footer.html":  {Data: []byte("x")},
		"codes/.hidden/487.md":  {Data: []byte("x")},
		"codes.yaml":            {Data: []byte("x")},
		"classes/4xx.md":        {Data: []byte("x")},
		"classes/4xx.md.orig~":  {Data: []byte("x")},
		"static/.DS_Store":      {Data: []byte("x")},
		"static/favicon.svg":    {Data: []byte("x")},
		"static/sub/.gitignore": {Data: []byte("x")},
	})
	want := []string{"classes/4xx.md", "codes.yaml", "codes/486.md", "partials/footer.html", "static/favicon.svg"}
	var got []string
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			got = append(got, p)
		}
		return err
	})
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("files = %v, want %v", got, want)
	}
	if err := fstest.TestFS(fsys, want...); err != nil {
		t.Error(err)
	}
	if _, err := fsys.Open("codes/.486.md.swp"); err == nil {
		t.Error("a swap file can be opened")
	}
}

func TestWithin(t *testing.T) {
	dir := filepath.Join("work", "content")
	for _, tc := range []struct {
		changed []string
		want    []string
	}{
		{[]string{filepath.Join(dir, "codes", "486.md")}, []string{"codes/486.md"}},
		{[]string{filepath.Join(dir, "codes.yaml"), filepath.Join(dir, "codes", "487.md")}, []string{"codes.yaml", "codes/487.md"}},
		{[]string{filepath.Join(dir, "codes", "486.md"), filepath.Join("work", "templates", "code.html")}, nil},
		{[]string{filepath.Join("work", "contents", "x.md")}, nil},
		{nil, nil},
	} {
		if got := Within(dir, tc.changed); !slices.Equal(got, tc.want) {
			t.Errorf("Within(%q, %q) = %q, want %q", dir, tc.changed, got, tc.want)
		}
	}
}
