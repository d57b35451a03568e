package gitinfo

import (
	"context"
	"path/filepath"
	"testing"
)

// TestDatesMatchLastCommit checks the one git log of Dates against one
// "git log -1" per file, on this repository's own content.
func TestDatesMatchLastCommit(t *testing.T) {
	dir := "../../content"
	ctx := context.Background()
	files := []string{"codes.yaml", "stacks.yaml", "missing.md"}
	notes, _ := filepath.Glob(filepath.Join(dir, "codes", "*.md"))
	for _, n := range notes {
		files = append(files, "codes/"+filepath.Base(n))
	}
	dates, err := Dates(ctx, dir, files)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		want, err := LastCommit(ctx, dir, f)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := dates[f]; ok != !want.IsZero() || !got.Equal(want) {
			t.Errorf("%s: Dates says %v (%v), git log -1 says %v", f, got, ok, want)
		}
	}
}
