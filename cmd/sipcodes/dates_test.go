package main

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"
)

// TestContentDatesWithoutGit: outside a repository there are no dates,
// unless SOURCE_DATE_EPOCH gives one; the clock is never read.
func TestContentDatesWithoutGit(t *testing.T) {
	dir := filepath.Join(tree(t, nil), "content")
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(filepath.Dir(dir)))
	var stderr bytes.Buffer
	t.Setenv("SOURCE_DATE_EPOCH", "")
	if dates := contentDates(context.Background(), dir, &stderr); len(dates) != 0 || stderr.Len() != 0 {
		t.Errorf("dates without git = %v (%s), want none", dates, stderr.String())
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1709632800") // 2024-03-05T10:00:00Z
	dates := contentDates(context.Background(), dir, &stderr)
	want := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	for _, name := range []string{"codes.yaml", "codes/486.md"} {
		if got := dates[filepath.ToSlash(filepath.Join(dir, name))]; !got.Equal(want) {
			t.Errorf("%s dated %v, want %v from SOURCE_DATE_EPOCH", name, got, want)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	stderr.Reset()
	if dates := contentDates(context.Background(), dir, &stderr); len(dates) != 0 || stderr.String() != "warning: SOURCE_DATE_EPOCH=\"yesterday\" is not a number of seconds; ignored\n" {
		t.Errorf("bad SOURCE_DATE_EPOCH: %v, %q", dates, stderr.String())
	}
}
