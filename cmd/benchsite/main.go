// Command benchsite times the compiled sipcodes binary: it builds the real
// site and generated sites of 1,000 and 10,000 code pages, in turn, round
// after round, and prints the median wall time, CPU time, pages per
// second and peak memory of each, and how time grows with pages. It exits
// with status 1 when a target is missed, unless -report is given.
//
//	go run ./cmd/benchsite            # from the repository's root
//	go run ./cmd/benchsite -n 5 -sizes 1000 -report
//	go run ./cmd/benchsite -bin /tmp/sipcodes-old   # time another build of the command
//
// The generated sites are written into a temporary folder and removed at
// the end (package synth says how they are made); BENCHMARKS.md records
// the figures and the machine.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/sipcodes/sipcodes/internal/synth"
)

// The targets: the real site in 50 ms, 10,000 pages in 2 s and 300 MB,
// and time linear in pages.
const (
	targetRealMS    = 50
	targetLargeMS   = 2000
	targetLargeMB   = 300
	targetExponent  = 1.1
	largeSite       = 10000
	syntheticEnvVar = "SIPCODES_BENCH_SYNTHETIC=1"
)

func main() {
	if dir := os.Getenv(writerDirEnv); dir != "" {
		// The child that writeSynthetic starts.
		pages, err := strconv.Atoi(os.Getenv(writerPagesEnv))
		if err == nil {
			err = synth.Write("content", dir, pages)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchsite:", err)
			os.Exit(1)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	var missed missedTargets
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
	case errors.As(err, &missed):
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	default:
		fmt.Fprintln(os.Stderr, "benchsite:", err)
		os.Exit(1)
	}
}

// missedTargets lists the targets a run missed.
type missedTargets []string

func (m missedTargets) Error() string {
	return "missed targets:\n  " + strings.Join(m, "\n  ")
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("benchsite", flag.ContinueOnError)
	fs.SetOutput(stderr)
	runs := fs.Int("n", 15, "builds per site; the median is reported")
	sizesFlag := fs.String("sizes", "1000,10000", "code pages of the generated sites, comma-separated; empty for none")
	report := fs.Bool("report", false, "only report: exit 0 even when a target is missed")
	keep := fs.Bool("keep", false, "keep the temporary folder with the binary, the generated content and the built sites")
	prebuilt := fs.String("bin", "", "time this sipcodes binary instead of compiling ./cmd/sipcodes")
	fresh := fs.Bool("fresh", false, "build into an empty folder each time, as on a new clone, instead of over the previous build")
	dir := fs.String("dir", "", "make the temporary folder (binary, generated content, built sites) in this folder; empty for the system's")
	if err := fs.Parse(args); err != nil {
		return err
	}
	sizes, err := parseSizes(*sizesFlag)
	if err != nil || *runs < 1 {
		return fmt.Errorf("-n must be at least 1 and -sizes a list of numbers: %v", err)
	}
	tmp, err := os.MkdirTemp(*dir, "benchsite-")
	if err != nil {
		return err
	}
	if *keep {
		fmt.Fprintf(stderr, "keeping %s\n", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	bin := *prebuilt
	if bin == "" {
		bin = filepath.Join(tmp, "sipcodes")
		build := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/sipcodes")
		build.Stdout, build.Stderr = stderr, stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("compiling ./cmd/sipcodes: %w", err)
		}
	}
	printMachine(stdout, *runs, *fresh)

	sites := []*site{{name: "real site", args: []string{"-out", filepath.Join(tmp, "site-real")}}}
	for _, pages := range sizes {
		dir := filepath.Join(tmp, fmt.Sprintf("content-%d", pages))
		if err := writeSynthetic(ctx, dir, pages); err != nil {
			return fmt.Errorf("generating %d pages: %w", pages, err)
		}
		sites = append(sites, &site{
			name: fmt.Sprintf("synthetic %d", pages),
			args: []string{"-content", dir, "-out", filepath.Join(tmp, fmt.Sprintf("site-%d", pages))},
			env:  []string{syntheticEnvVar},
		})
	}
	results, err := timeSites(ctx, bin, sites, *runs, *fresh, stderr)
	if err != nil {
		return err
	}
	printResults(stdout, results)
	return verdict(stdout, results, sizes, *report)
}

// writerDirEnv and writerPagesEnv tell a benchsite process to write a
// synthetic site of that many pages into that folder, and exit.
const (
	writerDirEnv   = "BENCHSITE_WRITE_SYNTHETIC_TO"
	writerPagesEnv = "BENCHSITE_WRITE_SYNTHETIC_PAGES"
)

// writeSynthetic writes a synthetic site in a child process. Writing
// 10,000 pages takes a process to nearly 300 MB, and the peak RSS that
// Linux reports for a build started afterwards is at least that of the
// process that started it (Go starts a child in the parent's memory until
// it executes the binary): the builds' peaks would be benchsite's own.
func writeSynthetic(ctx context.Context, dir string, pages int) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, self)
	cmd.Env = append(os.Environ(), writerDirEnv+"="+dir, writerPagesEnv+"="+strconv.Itoa(pages))
	cmd.Stderr = os.Stderr
	return cmd.Run()
}

func parseSizes(s string) ([]int, error) {
	var sizes []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		n, err := strconv.Atoi(f)
		if err != nil || n < 100 {
			return nil, fmt.Errorf("size %q is not a number of at least 100", f)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}

// printMachine says what the figures were measured on.
func printMachine(w io.Writer, runs int, fresh bool) {
	model := "unknown CPU"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.Lines(string(data)) {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	mem := ""
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		if f := strings.Fields(string(data)); len(f) > 1 {
			if kb, err := strconv.Atoi(f[1]); err == nil {
				mem = fmt.Sprintf(", %.1f GiB memory", float64(kb)/(1<<20))
			}
		}
	}
	load := ""
	if data, err := os.ReadFile("/proc/loadavg"); err == nil {
		load = ", load average " + strings.Join(strings.Fields(string(data))[:3], " ")
	}
	fmt.Fprintf(w, "machine: %d CPUs (%s)%s, %s/%s, %s%s\n", runtime.NumCPU(), model, mem, runtime.GOOS, runtime.GOARCH, runtime.Version(), load)
	into := "over the previous build's output"
	if fresh {
		into = "into an empty folder"
	}
	fmt.Fprintf(w, "median of %d rounds with the compiled binary, after one untimed build of each site;\n", runs)
	fmt.Fprintf(w, "a round builds each site once, in turn, %s\n", into)
}

// printResults prints a line for each site.
func printResults(w io.Writer, results []result) {
	fmt.Fprintf(w, "\n%-16s %7s %7s %10s %10s %10s %9s %9s\n", "site", "pages", "files", "median", "min", "cpu", "pages/s", "peak RSS")
	for _, r := range results {
		fmt.Fprintf(w, "%-16s %7d %7d %8.1fms %8.1fms %8.1fms %9.0f %6.1f MB\n",
			r.name, r.pages, r.files, ms(r.wall), ms(r.minWall), ms(r.cpu), r.pagesPerSecond(), r.peakMB)
	}
}

// verdict prints the growth exponent and checks the targets.
func verdict(w io.Writer, results []result, sizes []int, reportOnly bool) error {
	var missed missedTargets
	if real := results[0]; ms(real.wall) > targetRealMS {
		missed = append(missed, fmt.Sprintf("real site: median %.1f ms, target %d ms", ms(real.wall), targetRealMS))
	}
	synthetic := results[1:]
	if len(synthetic) >= 2 {
		a, b := synthetic[0], synthetic[len(synthetic)-1]
		exp := growthExponent(a, b)
		fmt.Fprintf(w, "\ngrowth exponent of time against pages, %d to %d pages: %.2f (1 is linear)\n", a.pages, b.pages, exp)
		if exp > targetExponent {
			missed = append(missed, fmt.Sprintf("growth exponent %.2f, target %.1f", exp, targetExponent))
		}
	}
	for i, r := range synthetic {
		if sizes[i] != largeSite {
			continue
		}
		if ms(r.wall) > targetLargeMS {
			missed = append(missed, fmt.Sprintf("%s: median %.0f ms, target %d ms", r.name, ms(r.wall), targetLargeMS))
		}
		if r.peakMB > targetLargeMB {
			missed = append(missed, fmt.Sprintf("%s: peak RSS %.0f MB, target %d MB", r.name, r.peakMB, targetLargeMB))
		}
	}
	if missed == nil {
		fmt.Fprintln(w, "every target met")
		return nil
	}
	if reportOnly {
		fmt.Fprintln(w, missed.Error())
		return nil
	}
	return missed
}
