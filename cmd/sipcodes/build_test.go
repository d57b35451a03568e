package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
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

// TestCommandsNameAMissingFolder runs each command that reads the sources
// with one folder missing or a file in its place: the error must name the
// folder and the flag that sets it, and nothing may be written.
func TestCommandsNameAMissingFolder(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	good := map[string]string{"content": "../../content", "templates": "../../templates", "static": "../../static"}
	for _, command := range []string{"build", "check", "serve"} {
		for _, flag := range []string{"content", "templates", "static"} {
			for bad, want := range map[string]string{
				filepath.Join(dir, "nowhere"): fmt.Sprintf("%s folder %q does not exist; run sipcodes from the repository's root or give -%s", flag, filepath.Join(dir, "nowhere"), flag),
				file:                          fmt.Sprintf("-%s %q is not a folder", flag, file),
			} {
				args := []string{command, "-out", filepath.Join(dir, "site")}
				if command != "build" {
					args = []string{command}
				}
				for f, d := range good {
					if f == flag {
						d = bad
					}
					args = append(args, "-"+f, d)
				}
				err := run(context.Background(), args, &bytes.Buffer{}, &bytes.Buffer{})
				if !errors.As(err, new(usageError)) || err.Error() != want {
					t.Errorf("%s with -%s %s: %v, want the usage error %q", command, flag, bad, err, want)
				}
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "site")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a build with a missing folder wrote its output: %v", err)
	}
}

// TestCommandsCheckAddresses gives the address flags values that links
// cannot be made of: each command refuses them before reading anything.
// An edit address without its final slash gets one.
func TestCommandsCheckAddresses(t *testing.T) {
	dir := t.TempDir()
	sources := []string{"-content", "../../content", "-templates", "../../templates", "-static", "../../static"}
	for _, tc := range []struct {
		flag, value string
		ok          bool
	}{
		{"-base-url", "https://example.com", true},
		{"-base-url", "http://localhost:8080/", true},
		{"-base-url", "not a url", false},
		{"-base-url", "example.com", false},
		{"-base-url", "//example.com", false},
		{"-base-url", "ftp://example.com", false},
		{"-base-url", "https://", false},
		{"-base-url", "https://example.com/?utm=1", false},
		{"-base-url", "", false},
		{"-edit-url", "", true},
		{"-edit-url", "https://git.example.com/edit/main", true},
		{"-edit-url", "javascript:alert(1)//", false},
		{"-edit-url", "ftp://x/", false},
		{"-edit-url", "https://git.example.com/edit/main/#top", false},
	} {
		for _, command := range []string{"build", "check"} {
			args := append([]string{command, tc.flag, tc.value}, sources...)
			if command == "build" {
				args = append(args, "-q", "-out", filepath.Join(dir, "site"))
			}
			err := run(context.Background(), args, io.Discard, io.Discard)
			if tc.ok && err != nil {
				t.Errorf("%s %s %q: %v", command, tc.flag, tc.value, err)
			}
			if !tc.ok && (!errors.As(err, new(usageError)) || !strings.HasPrefix(err.Error(), fmt.Sprintf("%s %q: want ", tc.flag, tc.value))) {
				t.Errorf("%s %s %q: %v, want a usage error about the address", command, tc.flag, tc.value, err)
			}
		}
	}
	page, err := os.ReadFile(filepath.Join(dir, "site", "486", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	// The file's path follows the slash; it is the -content path as given.
	if want := `href="https://git.example.com/edit/main/../../content/codes/486.md"`; !bytes.Contains(page, []byte(want)) {
		t.Errorf("the last build's page of 486 lacks %s", want)
	}
}

// TestRebuildRewritesOnlyWhatChanged builds twice with one note changed in
// between: the second build rewrites that note's page (and every page, as
// the search index they name changed), leaves a file that did not change,
// another code's JSON, as it was (same inode, same time), and prints each
// stage with -timings.
func TestRebuildRewritesOnlyWhatChanged(t *testing.T) {
	dir := tree(t, nil)
	out := filepath.Join(dir, "site")
	build := func(extra ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		args := append([]string{"build", "-q",
			"-content", filepath.Join(dir, "content"), "-templates", "../../templates", "-static", "../../static",
			"-out", out}, extra...)
		if err := run(context.Background(), args, &stdout, &stderr); err != nil {
			t.Fatalf("build: %v\n%s%s", err, stdout.String(), stderr.String())
		}
		return stderr.String()
	}
	build()
	stat := func(name string) os.FileInfo {
		t.Helper()
		info, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return info
	}
	other, page := stat("600.json"), stat("486/index.html")
	note := filepath.Join(dir, "content", "codes", "486.md")
	data, err := os.ReadFile(note)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(note, append(data, "\nA sentence added.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	timings := build("-timings")
	if after := stat("600.json"); !os.SameFile(other, after) || !after.ModTime().Equal(other.ModTime()) {
		t.Error("a file that did not change was rewritten")
	}
	if after := stat("486/index.html"); os.SameFile(page, after) {
		t.Error("the changed note's page was not rewritten")
	}
	if got, _ := os.ReadFile(filepath.Join(out, "486", "index.html")); !bytes.Contains(got, []byte("A sentence added.")) {
		t.Error("the changed page does not hold the new sentence")
	}
	for _, stage := range []string{"load", "markdown", "render pages", "final checks", "commit"} {
		if !strings.Contains(timings, stage) {
			t.Errorf("-timings printed no %q:\n%s", stage, timings)
		}
	}
}
