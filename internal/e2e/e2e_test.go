// Package e2e tests the built site in headless Chromium: the search box,
// its relevance on realistic queries, its keyboard use and its speed. The
// site is built once from the repository's content and served the way the
// production host serves it, with the production Content-Security-Policy.
package e2e

import (
	"context"
	"encoding/json"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/sipcodes/sipcodes/internal/browsertest"
	"github.com/sipcodes/sipcodes/internal/build"
	"github.com/sipcodes/sipcodes/internal/output"
)

var contentDir = flag.String("content", "../../content", "content folder to build the site from")

// realSite builds the site once for every test of the package.
var realSite = sync.OnceValues(func() (*build.Result, error) {
	return build.Build(build.Config{
		Content:     os.DirFS(*contentDir),
		Templates:   os.DirFS("../../templates"),
		Static:      os.DirFS("../../static"),
		ContentName: "content",
		BaseURL:     "https://example.com",
		Minify:      true,
	})
})

func site(t *testing.T) output.Files {
	t.Helper()
	res, err := realSite()
	if err != nil {
		t.Fatalf("building the site: %v", err)
	}
	return res.Files
}

// csp is the production Content-Security-Policy from netlify.toml, so that
// an inline script or an eval in search.js fails here as it would there.
// upgrade-insecure-requests is left out: the test server speaks plain HTTP.
func csp(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../netlify.toml")
	if err != nil {
		t.Fatalf("reading the production headers: %v", err)
	}
	m := regexp.MustCompile(`Content-Security-Policy = "([^"]+)"`).FindSubmatch(data)
	if m == nil {
		t.Fatal("netlify.toml sets no Content-Security-Policy")
	}
	var keep []string
	for d := range strings.SplitSeq(string(m[1]), ";") {
		if d = strings.TrimSpace(d); d != "" && d != "upgrade-insecure-requests" {
			keep = append(keep, d)
		}
	}
	return strings.Join(keep, "; ")
}

// serve serves files with the production policy.
func serve(t *testing.T, files output.Files) string {
	t.Helper()
	policy := csp(t)
	h := browsertest.Handler(files)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", policy)
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// browser starts Chromium for t and serves the real site to it. Script
// errors and policy violations reported by the page fail the test. A page
// answered with status 404 is expected: the host answers unknown
// addresses, /499/ among them, with the 404 page, and Chromium logs that
// status as an error.
func browser(t *testing.T) (context.Context, string) {
	t.Helper()
	files := site(t)
	ctx := browsertest.New(t)
	var mu sync.Mutex
	var problems []string
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+ev.ExceptionDetails.Error())
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.LevelError && !(ev.Entry.Source == log.SourceNetwork && strings.Contains(ev.Entry.Text, "404")) {
				problems = append(problems, "console: "+ev.Entry.Text)
			}
		}
	})
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Errorf("page reported %s", p)
		}
	})
	return ctx, serve(t, files)
}

func run(t *testing.T, ctx context.Context, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval runs a JavaScript expression, waiting for it when it is a promise,
// and decodes its value into res.
func eval(js string, res any) chromedp.Action {
	return chromedp.Evaluate(js, res, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	})
}

// waitIndex waits until the search box has loaded its index and answers:
// it types a code and waits for its result.
func waitIndex() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var ok bool
		return chromedp.Run(ctx,
			chromedp.Focus("#q", chromedp.ByID),
			eval(`(async () => {
				const q = document.getElementById("q");
				for (let i = 0; i < 200; i++) {
					q.value = "486";
					q.dispatchEvent(new Event("input", {bubbles: true}));
					if (document.querySelector("#q-list [role=option]")) {
						q.value = "";
						q.dispatchEvent(new Event("input", {bubbles: true}));
						return true;
					}
					await new Promise(r => setTimeout(r, 25));
				}
				return false;
			})()`, &ok),
			chromedp.ActionFunc(func(context.Context) error {
				if !ok {
					return errNoIndex
				}
				return nil
			}),
		)
	})
}

var errNoIndex = stringError("the search index did not load within 5 s")

type stringError string

func (e stringError) Error() string { return string(e) }

// resultsJS lists the shown results as "486" for a code and "q850:16" for
// a Q.850 cause.
const resultsJS = `[...document.querySelectorAll("#q-list [role=option] a")].map(a => {
	const h = a.getAttribute("href");
	const m = h.match(/^\/q850\/#cause-(\d+)$/);
	return m ? "q850:" + m[1] : h.replace(/\//g, "");
})`

// query types q into the box at once, as a paste would, and returns the
// results it shows.
func query(q string, res *[]string) chromedp.Action {
	qs, _ := json.Marshal(q)
	return eval(`(() => {
		const q = document.getElementById("q");
		q.value = `+string(qs)+`;
		q.dispatchEvent(new Event("input", {bubbles: true}));
		return `+resultsJS+`;
	})()`, res)
}

// attr reads an attribute of the element matched by sel; missing is "".
func attr(sel, name string, res *string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var v string
		var ok bool
		if err := chromedp.AttributeValue(sel, name, &v, &ok, chromedp.ByQuery).Do(ctx); err != nil {
			return err
		}
		*res = v
		return nil
	})
}

// waitURL waits until the page's path, query and fragment are want and
// the page has loaded, its deferred scripts included.
func waitURL(want string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var got string
		for range 100 {
			err := chromedp.Evaluate(`document.readyState === "complete" ? location.pathname + location.search + location.hash : ""`, &got).Do(ctx)
			if err == nil && got == want {
				return nil
			}
			time.Sleep(50 * time.Millisecond)
		}
		return stringError("the page is at " + got + ", want " + want)
	})
}

// slash presses "/" as a keyboard does: one keyDown that carries its text,
// so that a handler which prevents the default also prevents the
// character. (chromedp.KeyEvent sends the text as a separate event.)
func slash() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		key := func(t input.KeyType) *input.DispatchKeyEventParams {
			return input.DispatchKeyEvent(t).WithKey("/").WithCode("Slash").WithWindowsVirtualKeyCode(191).WithNativeVirtualKeyCode(191)
		}
		if err := key(input.KeyDown).WithText("/").WithUnmodifiedText("/").Do(ctx); err != nil {
			return err
		}
		return key(input.KeyUp).Do(ctx)
	})
}
