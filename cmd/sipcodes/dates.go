package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/gitinfo"
)

// contentDates says when each page's source last changed: the date of the
// last commit of each note and of the dataset, keyed by the names the
// build gives them ("content/codes/486.md"). A file git knows nothing of
// takes the date of SOURCE_DATE_EPOCH when that is set, and no date
// otherwise; the clock is never read, so that builds are reproducible.
// Problems with git are reported as a warning: dates are not worth a
// failed build.
func contentDates(ctx context.Context, contentDir string, stderr io.Writer) map[string]time.Time {
	files := []string{content.DatasetFile}
	entries, _ := os.ReadDir(filepath.Join(contentDir, content.NotesDir))
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".md") {
			files = append(files, path.Join(content.NotesDir, e.Name()))
		}
	}
	found, err := gitinfo.Dates(ctx, contentDir, files)
	if err != nil {
		fmt.Fprintf(stderr, "warning: no dates from git: %v\n", err)
	}
	epoch, hasEpoch := sourceDateEpoch(stderr)
	dates := map[string]time.Time{}
	for _, f := range files {
		name := path.Join(filepath.ToSlash(contentDir), f)
		switch t, ok := found[f]; {
		case ok:
			dates[name] = t
		case hasEpoch:
			dates[name] = epoch
		}
	}
	return dates
}

// sourceDateEpoch reads SOURCE_DATE_EPOCH, the reproducible-builds
// convention for "the time of this source", as a date.
func sourceDateEpoch(stderr io.Writer) (time.Time, bool) {
	v := os.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return time.Time{}, false
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		fmt.Fprintf(stderr, "warning: SOURCE_DATE_EPOCH=%q is not a number of seconds; ignored\n", v)
		return time.Time{}, false
	}
	t := time.Unix(secs, 0).UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
}
