package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer two goroutines may use.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeStartsAndStops runs "sipcodes serve" on a free port, loads a
// page, and stops it as Ctrl-C does, by cancelling its context.
func TestServeStartsAndStops(t *testing.T) {
	dir := tree(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outR, outW := io.Pipe()
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "-port", "0",
			"-content", filepath.Join(dir, "content"), "-templates", "../../templates", "-static", "../../static"}, outW, &stderr)
		outW.Close()
	}()
	line, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed nothing: %v\n%s", err, stderr.String())
	}
	url, ok := strings.CutPrefix(line, "serving the site at ")
	url, _, _ = strings.Cut(url, " ")
	if !ok || !strings.HasPrefix(url, "http://127.0.0.1:") || strings.HasSuffix(url, ":0/") {
		t.Fatalf("serve printed %q, want the address on 127.0.0.1", line)
	}
	go io.Copy(io.Discard, outR)
	resp, err := http.Get(url + "486/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte(`<script src="/_live/reload.js"`)) {
		t.Errorf("GET /486/: %s\n%s\nstderr:\n%s", resp.Status, body, stderr.String())
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not stop within 5s of Ctrl-C")
	}
	if !strings.HasSuffix(stderr.String(), "stopped\n") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{{"serve", "-port", "70000"}, {"serve", "now"}, {"serve", "-host"}} {
		var out, errOut bytes.Buffer
		if err := run(context.Background(), args, &out, &errOut); !errors.As(err, new(usageError)) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
}

// TestServePortInUse starts serve on a port another program holds: the
// error must say what to do about it.
func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	dir := tree(t, nil)
	err = run(context.Background(), []string{"serve", "-port", port,
		"-content", filepath.Join(dir, "content"), "-templates", "../../templates", "-static", "../../static"}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "address already in use; another preview may be running there: stop it, or give -port with another number (0 picks a free one)") {
		t.Errorf("serve on a port in use: %v", err)
	}
}
