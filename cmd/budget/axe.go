package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/sipcodes/sipcodes/internal/chromium"
)

// axePages are one page of each kind; /499/ is an unregistered code, which
// gets the 404 page with its explanation.
var axePages = []string{"/", "/4xx/", "/486/", "/499/", "/q850/", "/about/"}

// axeViolation is one rule that failed, as axe-core reports it.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []struct {
		Target []any
	}
}

// checkAxe runs axe-core in Chromium on each kind of page, in the light
// and the dark theme.
func checkAxe(ctx context.Context, o options, s *servedSite, out io.Writer) ([]string, error) {
	source, err := os.ReadFile(filepath.Join(o.tools, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		return nil, fmt.Errorf("%v (npm ci --prefix %s installs it)", err, o.tools)
	}
	bctx, done, err := chromium.Start(ctx, o.chromium)
	if err != nil {
		return nil, err
	}
	defer done()
	fmt.Fprintln(out, "axe-core violations (budget 0)")
	var broken []string
	for _, page := range axePages {
		for _, scheme := range []string{"light", "dark"} {
			violations, err := runAxe(bctx, s.url+page, scheme, string(source))
			if err != nil {
				return nil, fmt.Errorf("%s (%s): %w", page, scheme, err)
			}
			fmt.Fprintf(out, "  %-8s %-5s %d\n", page, scheme, len(violations))
			for _, v := range violations {
				target := ""
				if len(v.Nodes) > 0 {
					target = fmt.Sprint(v.Nodes[0].Target...)
				}
				msg := fmt.Sprintf("axe: %s (%s theme): %s (%s): %s, %d elements, first %s", page, scheme, v.ID, v.Impact, v.Help, len(v.Nodes), target)
				broken = append(broken, msg)
				fmt.Fprintln(out, "    "+msg)
			}
		}
	}
	return broken, nil
}

func runAxe(ctx context.Context, url, scheme, source string) ([]axeViolation, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	var raw string
	err := chromedp.Run(ctx,
		emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}),
		chromedp.Navigate(url),
		// The page's scripts finish some work when the page is idle.
		chromedp.Evaluate(`new Promise(r => requestIdleCallback(() => r(true)))`, nil, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}),
		chromedp.Evaluate(source, nil),
		chromedp.Evaluate(`axe.run(document).then(r => JSON.stringify(r.violations))`, &raw, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}),
	)
	if err != nil {
		return nil, err
	}
	var v []axeViolation
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		return nil, err
	}
	return v, nil
}
