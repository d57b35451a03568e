package gitinfo

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// dateMark starts the line git log prints for each commit, so that it
// cannot be taken for a file name.
const dateMark = "\x01"

// lastCommits finds the last commit date of every file in one git log over
// all of them, newest first: the first commit that lists a file is the
// last one that changed it. One process instead of one per file keeps the
// cost of dates flat as notes are added (78 git processes took about 60 ms
// of a build; one takes about 3 ms). Merges are listed with the files they
// changed against every parent (-c), which are the merges "git log -1 --
// file" stops at.
func lastCommits(ctx context.Context, dir string, files []string) (map[string]time.Time, error) {
	want := make(map[string]bool, len(files))
	for _, f := range files {
		want[f] = true
	}
	args := append([]string{"log", "--relative", "-c", "--name-only", "--no-renames", "--format=" + dateMark + "%cs", "--"}, files...)
	out, ok, err := git(ctx, dir, args...)
	if !ok || err != nil {
		return map[string]time.Time{}, err
	}
	dates := map[string]time.Time{}
	var date time.Time
	for line := range strings.Lines(out) {
		line = strings.TrimSuffix(line, "\n")
		if d, isDate := strings.CutPrefix(line, dateMark); isDate {
			date, err = time.Parse(time.DateOnly, d)
			if err != nil {
				return map[string]time.Time{}, fmt.Errorf("git log: unexpected date %q", d)
			}
			continue
		}
		if _, seen := dates[line]; want[line] && !seen {
			dates[line] = date
		}
	}
	return dates, nil
}
