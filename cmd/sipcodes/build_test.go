package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFailedBuildKeepsPreviousSite builds good content, then content with
// a problem: the second build must fail with the file and line, and leave
// the first site exactly as it was.
func TestFailedBuildKeepsPreviousSite(t *testing.T) {
	dir := tree(t, nil)
	out := filepath.Join(dir, "site")
	build := func() (string, error) {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), []string{"build", "-q",
			"-content", filepath.Join(dir, "content"), "-templates", "../../templates", "-static", "../../static",
			"-out", out}, &stdout, &stderr)
		return stdout.String() + stderr.String(), err
	}
	if msg, err := build(); err != nil {
		t.Fatalf("first build: %v\n%s", err, msg)
	}
	before, err := os.ReadFile(filepath.Join(out, "486", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	note := filepath.Join(dir, "content", "codes", "486.md")
	if err := os.WriteFile(note, []byte("---\ncode: 487\n---\nBusy.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = build()
	if err == nil || !strings.Contains(err.Error(), "codes/486.md:2:7: code 487 does not match the file name 486.md") {
		t.Fatalf("second build: %v, want the problem with its file and line", err)
	}
	after, err := os.ReadFile(filepath.Join(out, "486", "index.html"))
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("the previous site changed: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "site.") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestBuildRefusesDangerousOutput(t *testing.T) {
	for _, out := range []string{"", "/", ".", "content", "templates"} {
		err := run(context.Background(), []string{"build", "-out", out}, &bytes.Buffer{}, &bytes.Buffer{})
		if !errors.As(err, new(usageError)) {
			t.Errorf("build -out %q: %v, want a usage error", out, err)
		}
	}
}
