package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
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

// site is one site to time and what its builds measured so far.
type site struct {
	name         string
	args, env    []string // after "build -q"; args end with "-out <folder>"
	pages, files int
	walls, cpus  []time.Duration
	peakMB       float64
}

// out is the folder the site is built into.
func (s *site) out() string { return s.args[len(s.args)-1] }

// build runs "bin build -q args..." once. An untimed build counts the
// site's files and leaves an output folder for the timed ones to update,
// as a rebuild does. With fresh, the output folder is removed (untimed)
// before a timed build, as on a new clone.
func (s *site) build(ctx context.Context, bin string, timed, fresh bool) error {
	if fresh && timed {
		if err := os.RemoveAll(s.out()); err != nil {
			return err
		}
	}
	cmd := exec.CommandContext(ctx, bin, append([]string{"build", "-q"}, s.args...)...)
	cmd.Env = append(os.Environ(), s.env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return fmt.Errorf("%s: %v\n%s", s.name, err, stderr.Bytes())
	}
	if !timed {
		s.pages, s.files, err = countFiles(s.out())
		return err
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return fmt.Errorf("no resource usage on this system")
	}
	s.walls = append(s.walls, wall)
	s.cpus = append(s.cpus, time.Duration(ru.Utime.Nano()+ru.Stime.Nano()))
	// Linux reports ru_maxrss in units of 1,024 bytes; the target is in
	// megabytes of 1,000,000 bytes.
	s.peakMB = max(s.peakMB, float64(ru.Maxrss)*1024/1e6)
	return nil
}

// timeSites builds each site once untimed, then runs rounds in which each
// site is built once, in turn. Taking the sites in turn rather than one
// after the other means that a change in the machine's speed during the
// run, which on a shared machine can be twofold, touches every site alike,
// and the growth exponent compares like with like.
func timeSites(ctx context.Context, bin string, sites []*site, rounds int, fresh bool, progress io.Writer) ([]result, error) {
	for _, s := range sites {
		if err := s.build(ctx, bin, false, fresh); err != nil {
			return nil, err
		}
	}
	for i := range rounds {
		fmt.Fprintf(progress, "round %d of %d\n", i+1, rounds)
		for _, s := range sites {
			if err := s.build(ctx, bin, true, fresh); err != nil {
				return nil, err
			}
		}
	}
	results := make([]result, len(sites))
	for i, s := range sites {
		results[i] = result{
			name: s.name, pages: s.pages, files: s.files,
			wall: median(s.walls), minWall: slices.Min(s.walls), cpu: median(s.cpus),
			peakMB: s.peakMB,
		}
	}
	return results, nil
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
