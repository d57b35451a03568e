package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"text/tabwriter"

	"golang.org/x/net/html"
)

// The weight budget: one round trip of TCP's usual initial window of ten
// segments carries about 14 KB, so a page that fits in it renders after
// the first round trip.
const (
	weightBudget = 14 * 1024
	// themeScript is the one script allowed to block rendering, and
	// themeBudget the most it may weigh (see the package doc).
	themeScript = "theme.js"
	themeBudget = 1024
)

// pageWeight is what the first render of one page needs, gzipped.
type pageWeight struct {
	page          string
	html, css, js int
	blocking      []string // synchronous scripts other than theme.js
}

func (w pageWeight) total() int { return w.html + w.css + w.js }

// checkWeights weighs every page with the stylesheets and the synchronous
// scripts it loads.
func checkWeights(_ context.Context, o options, s *servedSite, out io.Writer) ([]string, error) {
	gz := map[string]int{} // asset path to gzipped size, measured once
	size := func(name string) int {
		if n, ok := gz[name]; ok {
			return n
		}
		n := len(gzipped(s.files[name]))
		gz[name] = n
		return n
	}
	var weights []pageWeight
	var broken []string
	themeSize := 0
	for _, name := range s.files.Paths() {
		if path.Ext(name) != ".html" {
			continue
		}
		css, scripts, err := firstRenderAssets(s.files[name])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		w := pageWeight{page: "/" + strings.TrimSuffix(name, "index.html"), html: size(name)}
		for _, c := range css {
			if _, ok := s.files[c]; !ok {
				return nil, fmt.Errorf("%s: stylesheet /%s is not in the site", name, c)
			}
			w.css += size(c)
		}
		for _, js := range scripts {
			if _, ok := s.files[js]; !ok {
				return nil, fmt.Errorf("%s: script /%s is not in the site", name, js)
			}
			w.js += size(js)
			if isTheme(js) {
				themeSize = size(js)
			} else {
				w.blocking = append(w.blocking, "/"+js)
			}
		}
		weights = append(weights, w)
		if w.total() > weightBudget {
			broken = append(broken, fmt.Sprintf("weight: %s needs %s gzipped for its first render, over %s", w.page, kb(w.total()), kb(weightBudget)))
		}
		if w.blocking != nil {
			broken = append(broken, fmt.Sprintf("render-blocking script: %s loads %s without defer or async", w.page, strings.Join(w.blocking, ", ")))
		}
	}
	if themeSize > themeBudget {
		broken = append(broken, fmt.Sprintf("weight: %s is %s gzipped, over %s: it blocks rendering, so it must stay tiny", themeScript, kb(themeSize), kb(themeBudget)))
	}
	printWeights(out, weights, themeSize, o.verbose)
	return broken, nil
}

func isTheme(asset string) bool {
	return strings.HasPrefix(asset, "theme.") && strings.HasSuffix(asset, ".js")
}

// firstRenderAssets lists the stylesheets and the synchronous scripts of
// a page, as site paths without the leading slash.
func firstRenderAssets(page []byte) (css, scripts []string, err error) {
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return css, scripts, nil
			}
			return nil, nil, z.Err()
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			attr := map[string]string{}
			has := map[string]bool{}
			for _, a := range t.Attr {
				attr[a.Key], has[a.Key] = a.Val, true
			}
			switch {
			case t.Data == "link" && slices.Contains(strings.Fields(attr["rel"]), "stylesheet") && attr["media"] != "print":
				css = append(css, strings.TrimPrefix(attr["href"], "/"))
			case t.Data == "script" && has["src"] && !has["defer"] && !has["async"] && attr["type"] != "module":
				scripts = append(scripts, strings.TrimPrefix(attr["src"], "/"))
			}
		}
	}
}

// printWeights prints the heaviest pages (or all of them), the heaviest of
// each kind, and the budget.
func printWeights(out io.Writer, weights []pageWeight, themeSize int, all bool) {
	slices.SortStableFunc(weights, func(a, b pageWeight) int { return b.total() - a.total() })
	fmt.Fprintf(out, "Weight of the first render, gzipped (budget %s per page; %d pages)\n", kb(weightBudget), len(weights))
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "page\tHTML\tCSS\tsync JS\ttotal\tof budget\t")
	shown := weights
	if !all {
		shown = weights[:min(len(weights), 8)]
	}
	for _, w := range shown {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d%%\t\n", w.page, kb(w.html), kb(w.css), kb(w.js), kb(w.total()), 100*w.total()/weightBudget)
	}
	if len(shown) < len(weights) {
		fmt.Fprintf(tw, "… %d lighter pages\t\t\t\t\t\t\n", len(weights)-len(shown))
	}
	tw.Flush()
	fmt.Fprintf(out, "%s blocks rendering by design (no flash of the wrong theme): %s gzipped, budget %s\n", themeScript, kb(themeSize), kb(themeBudget))
}

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }
