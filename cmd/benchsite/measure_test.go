package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSitesInTurn times two sites with a stand-in for the binary that
// logs each build and writes one page: every site is built once untimed,
// then once a round, in turn, so that both see the machine alike.
func TestSitesInTurn(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "log")
	bin := filepath.Join(dir, "sipcodes")
	// The stand-in's last argument is the output folder, as with the real
	// binary's "-out <folder>".
	script := `#!/bin/sh
for last; do :; done
echo "$last" >> ` + log + `
mkdir -p "$last" && echo page > "$last/index.html" && echo data > "$last/data.json"
`
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	a := &site{name: "a", args: []string{"-out", filepath.Join(dir, "a")}}
	b := &site{name: "b", args: []string{"-content", "x", "-out", filepath.Join(dir, "b")}}
	results, err := timeSites(context.Background(), bin, []*site{a, b}, 2, false, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, line := range strings.Fields(string(data)) {
		order = append(order, filepath.Base(line))
	}
	if got, want := strings.Join(order, " "), "a b a b a b"; got != want {
		t.Errorf("builds ran in the order %q, want %q", got, want)
	}
	for i, r := range results {
		if r.pages != 1 || r.files != 2 || r.wall <= 0 || r.minWall > r.wall {
			t.Errorf("result %d = %+v, want 1 page of 2 files and a positive median at least the minimum", i, r)
		}
	}
}
