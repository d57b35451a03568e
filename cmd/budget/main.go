// Command budget builds the site, serves it as the host does and measures
// it against the budgets of the issue on linking, previews and speed:
//
//   - every page's HTML, with the CSS and the synchronous JavaScript it
//     needs for its first render, weighs at most 14 KB gzipped, so that it
//     arrives in the first round trip;
//   - no script blocks rendering, but for static/theme.js, which must run
//     before the first paint so that a reader of the dark theme never sees
//     a flash of the light one; it is counted in the weight and may not
//     grow past 1 KB gzipped;
//   - Lighthouse (mobile) scores 100 in performance, accessibility, best
//     practices and SEO on the home page, a class page and a code page; its
//     CPU slowdown is calibrated to the host, as its documentation advises,
//     so that a slow or busy machine simulates the same mid-range phone
//     (see cpuSlowdown);
//   - axe-core finds no violation on any kind of page, in the light theme
//     and in the dark one;
//   - the Nu HTML Checker finds no error in any page.
//
// It prints every figure and exits with status 1 when a budget is broken.
// The Node tools are pinned in tools/budget/package-lock.json:
//
//	npm ci --prefix tools/budget --no-audit --no-fund
//	go run ./cmd/budget                 # from the repository's root
//	go run ./cmd/budget -skip lighthouse,vnu
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/sipcodes/sipcodes/internal/chromium"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	var broken brokenBudgets
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
		os.Exit(2)
	case errors.As(err, &broken):
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	default:
		fmt.Fprintln(os.Stderr, "budget:", err)
		os.Exit(1)
	}
}

// brokenBudgets lists the budgets a run broke.
type brokenBudgets []string

func (b brokenBudgets) Error() string {
	return "broken budgets:\n  " + strings.Join(b, "\n  ")
}

// options are the command line's.
type options struct {
	root     string // the repository
	tools    string // where npm installed the Node tools
	chromium string
	skip     map[string]bool
	verbose  bool
	reports  string // where to keep Lighthouse's reports; empty: nowhere
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("budget", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.root, "root", ".", "the repository's root")
	fs.StringVar(&o.tools, "tools", "tools/budget", "folder of package.json, where npm ci installed the tools")
	fs.StringVar(&o.chromium, "chromium", "", "Chromium binary (default: $CHROMIUM, or chromium on PATH)")
	skip := fs.String("skip", "", "checks to leave out, comma-separated: weight, lighthouse, axe, vnu")
	fs.BoolVar(&o.verbose, "v", false, "print the weight of every page, not only the heaviest")
	fs.StringVar(&o.reports, "reports", "", "folder to keep Lighthouse's JSON reports in")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return flag.ErrHelp
	}
	o.skip = map[string]bool{}
	for s := range strings.SplitSeq(*skip, ",") {
		if s = strings.TrimSpace(s); s != "" {
			o.skip[s] = true
		}
	}
	if o.chromium == "" {
		o.chromium = chromium.Path()
	}

	site, err := startSite(ctx, o.root)
	if err != nil {
		return err
	}
	defer site.close()
	fmt.Fprintf(stdout, "built %d files, served at %s\n\n", len(site.files), site.url)

	var broken brokenBudgets
	checks := []struct {
		name string
		run  func(context.Context, options, *servedSite, io.Writer) ([]string, error)
	}{
		{"weight", checkWeights},
		{"vnu", checkVnu},
		{"axe", checkAxe},
		{"lighthouse", checkLighthouse},
	}
	for _, c := range checks {
		if o.skip[c.name] {
			fmt.Fprintf(stdout, "%s: skipped\n\n", c.name)
			continue
		}
		b, err := c.run(ctx, o, site, stdout)
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
		broken = append(broken, b...)
		fmt.Fprintln(stdout)
	}
	if broken != nil {
		return broken
	}
	fmt.Fprintln(stdout, "every budget is met")
	return nil
}
