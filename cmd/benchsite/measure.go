package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"
)

// result is what the runs of one site measured.
type result struct {
	name         string
	pages, files int           // HTML pages and all files of the built site
	wall         time.Duration // median wall time
	minWall      time.Duration
	cpu          time.Duration // median user plus system time
	peakMB       float64       // largest peak resident set of any run
}

func (r result) pagesPerSecond() float64 { return float64(r.pages) / r.wall.Seconds() }

// timeSite runs "bin build -q args..." once untimed, which also leaves an
// output folder for the timed runs to update as a rebuild does, then runs
// times more. With fresh, the output folder is removed (untimed) before
// each run, as on a new clone.
func timeSite(ctx context.Context, name, bin string, args, env []string, runs int, fresh bool) (result, error) {
	r := result{name: name}
	var walls, cpus []time.Duration
	out := args[len(args)-1]
	for i := range runs + 1 {
		if fresh && i > 0 {
			if err := os.RemoveAll(out); err != nil {
				return r, err
			}
		}
		cmd := exec.CommandContext(ctx, bin, append([]string{"build", "-q"}, args...)...)
		cmd.Env = append(os.Environ(), env...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		err := cmd.Run()
		wall := time.Since(start)
		if err != nil {
			return r, fmt.Errorf("%s: %v\n%s", name, err, stderr.Bytes())
		}
		if i == 0 {
			if r.pages, r.files, err = countFiles(out); err != nil {
				return r, err
			}
			continue
		}
		ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		if !ok {
			return r, fmt.Errorf("no resource usage on this system")
		}
		walls = append(walls, wall)
		cpus = append(cpus, time.Duration(ru.Utime.Nano()+ru.Stime.Nano()))
		// Linux reports ru_maxrss in units of 1,024 bytes; the target is
		// in megabytes of 1,000,000 bytes.
		r.peakMB = max(r.peakMB, float64(ru.Maxrss)*1024/1e6)
	}
	r.wall, r.minWall, r.cpu = median(walls), slices.Min(walls), median(cpus)
	return r, nil
}

func countFiles(dir string) (pages, files int, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		if filepath.Ext(p) == ".html" {
			pages++
		}
		return nil
	})
	return pages, files, err
}

func median(ds []time.Duration) time.Duration {
	s := slices.Sorted(slices.Values(ds))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// growthExponent is the slope of log time against log pages between two
// sites: 1 when time is proportional to pages, 2 when quadratic.
func growthExponent(a, b result) float64 {
	return math.Log(b.wall.Seconds()/a.wall.Seconds()) / math.Log(float64(b.pages)/float64(a.pages))
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
