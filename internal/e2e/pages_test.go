package e2e

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	sitemodel "github.com/sipcodes/sipcodes/internal/site"
)

// The tests of this file are about arriving from a pasted link: /486/ or
// /486/#troubleshooting, at any width, in either theme.

var shots = flag.String("shots", "", "folder to save screenshots of each kind of page into (TestScreenshots)")

// scheme makes the page see the system's colour scheme as light or dark.
func scheme(s string) chromedp.Action {
	return emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: s}})
}

// TestAnchorsScroll opens pasted links to sections of a code page, in the
// template's sections and in the note's, and follows a section's own
// anchor: each time the section's heading ends up at the top of the
// window, or as near it as the end of the page allows.
func TestAnchorsScroll(t *testing.T) {
	ctx, url := browser(t)
	atTop := func(id string) {
		t.Helper()
		var pos struct{ Top, ScrollY, MaxScroll float64 }
		run(t, ctx, eval(`(() => {
			const h = document.getElementById(`+strconv.Quote(id)+`);
			const e = document.documentElement;
			return {top: h.getBoundingClientRect().top, scrollY: window.scrollY, maxScroll: e.scrollHeight - e.clientHeight};
		})()`, &pos))
		if pos.Top < -1 || (pos.Top > 48 && pos.ScrollY < pos.MaxScroll-1) {
			t.Errorf("#%s: the heading is %.0f px from the top of the window (scrolled %.0f of %.0f)", id, pos.Top, pos.ScrollY, pos.MaxScroll)
		}
	}
	for _, id := range []string{"facts", "troubleshooting", "headers", "references"} {
		run(t, ctx, chromedp.Navigate(url+"/486/#"+id), waitURL("/486/#"+id))
		atTop(id)
	}
	// A heading's own anchor link, clicked.
	run(t, ctx,
		chromedp.Navigate(url+"/486/"), waitURL("/486/"),
		chromedp.Click(`#related a.anchor`, chromedp.ByQuery),
		waitURL("/486/#related"),
	)
	atTop("related")
	// Every heading of a note, h3 included, has its anchor.
	var missing []string
	run(t, ctx,
		chromedp.Navigate(url+"/409/"), waitURL("/409/"),
		eval(`[...document.querySelectorAll("main h2, main h3")].filter(h => !h.id || !h.querySelector("a.anchor[href='#" + h.id + "']")).map(h => h.textContent)`, &missing),
	)
	if len(missing) > 0 {
		t.Errorf("/409/: headings without an anchor: %q", missing)
	}
}

// TestCopyLink presses the copy-link button of a section and reads the
// clipboard: it holds the section's absolute address.
func TestCopyLink(t *testing.T) {
	ctx, url := browser(t)
	grant := chromedp.ActionFunc(func(ctx context.Context) error {
		c := chromedp.FromContext(ctx)
		return cdpbrowser.GrantPermissions([]cdpbrowser.PermissionType{
			cdpbrowser.PermissionTypeClipboardReadWrite, cdpbrowser.PermissionTypeClipboardSanitizedWrite,
		}).WithOrigin(url).Do(cdp.WithExecutor(ctx, c.Browser))
	})
	var label, copied, button string
	run(t, ctx,
		grant,
		chromedp.Navigate(url+"/486/"), waitURL("/486/"),
		attr(`#troubleshooting .copy-link`, "aria-label", &label),
		chromedp.Click(`#troubleshooting .copy-link`, chromedp.ByQuery),
		eval(`(async () => {
			for (let i = 0; i < 100; i++) {
				const text = await navigator.clipboard.readText();
				if (text) return text;
				await new Promise(r => setTimeout(r, 20));
			}
			return "";
		})()`, &copied),
		chromedp.Text(`#troubleshooting .copy-link`, &button, chromedp.ByQuery),
	)
	if want := url + "/486/#troubleshooting"; copied != want {
		t.Errorf("the clipboard holds %q, want %q", copied, want)
	}
	if button != "Copied" {
		t.Errorf("after copying, the button says %q, want Copied", button)
	}
	if !strings.Contains(label, "Troubleshooting") {
		t.Errorf("the button's name %q does not say which section it copies", label)
	}
}

// TestThemePersists chooses the dark theme on one page and finds it on
// the next, then the light theme against a dark system preference. The
// choice is applied by a synchronous script in the head, before the first
// paint, so that no page flashes the wrong theme.
func TestThemePersists(t *testing.T) {
	ctx, url := browser(t)
	type state struct {
		Theme, Pressed, Background string
		EarlyScript                bool
	}
	read := func(s *state) chromedp.Action {
		return eval(`(() => ({
			theme: document.documentElement.getAttribute("data-theme") || "",
			pressed: document.querySelector(".theme-toggle").getAttribute("aria-pressed"),
			background: getComputedStyle(document.body).backgroundColor,
			earlyScript: !!document.querySelector('head script[src*="/theme."]:not([defer]):not([async])'),
		}))()`, s)
	}
	const light, dark = "rgb(255, 255, 255)", "rgb(13, 17, 23)"
	var s state
	run(t, ctx,
		scheme("light"),
		chromedp.Navigate(url+"/"), waitURL("/"),
		read(&s),
	)
	if s.Background != light || s.Pressed != "false" || !s.EarlyScript {
		t.Fatalf("with a light system and no choice: %+v", s)
	}
	run(t, ctx,
		chromedp.Click(".theme-toggle", chromedp.ByQuery),
		chromedp.Navigate(url+"/4xx/"), waitURL("/4xx/"),
		read(&s),
	)
	if s.Theme != "dark" || s.Background != dark || s.Pressed != "true" {
		t.Errorf("after choosing dark on / and opening /4xx/: %+v", s)
	}
	run(t, ctx,
		scheme("dark"),
		chromedp.Click(".theme-toggle", chromedp.ByQuery),
		chromedp.Navigate(url+"/486/"), waitURL("/486/"),
		read(&s),
	)
	if s.Theme != "light" || s.Background != light || s.Pressed != "false" {
		t.Errorf("after choosing light on a dark system and opening /486/: %+v", s)
	}
}

// TestUnregisteredCode opens addresses of codes that are not registered:
// the host answers with the 404 page and status 404, and the page says so,
// links the code's class and lists the registered codes nearest to it,
// each with its reason phrase and linked to its page.
func TestUnregisteredCode(t *testing.T) {
	ctx, url := browser(t)
	res, err := realSite()
	if err != nil {
		t.Fatal(err)
	}
	var nearest []string
	for _, c := range res.Site.Nearest(499, 6) {
		nearest = append(nearest, c.Code.String()+" "+c.Reason)
	}
	for _, p := range []string{"/499/", "/499", "/sip-499/"} {
		resp, err := http.Get(url + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", p, resp.StatusCode)
		}
		var got struct {
			Lead, Class string
			Nearest     []string
			Hidden      bool
		}
		run(t, ctx,
			chromedp.Navigate(url+p), waitURL(p),
			eval(`(() => {
				const box = document.getElementById("missing-code");
				return {
					lead: box.querySelector(".lead")?.textContent || "",
					class: box.querySelector("a[href='/4xx/']")?.textContent || "",
					nearest: [...box.querySelectorAll("ul a")].filter(a => a.getAttribute("href") === "/" + parseInt(a.textContent, 10) + "/").map(a => a.textContent),
					hidden: box.hidden,
				};
			})()`, &got),
		)
		if got.Hidden || got.Lead != "499 is not a registered SIP response code." || got.Class != "4xx" {
			t.Errorf("%s: %+v", p, got)
		}
		if !slices.Equal(got.Nearest, nearest) {
			t.Errorf("%s: nearest codes %v, want %v", p, got.Nearest, nearest)
		}
	}
	// Any other address gets the plain 404 page.
	var hidden bool
	run(t, ctx, chromedp.Navigate(url+"/no-such-page/"), waitURL("/no-such-page/"),
		eval(`document.getElementById("missing-code").hidden`, &hidden))
	if !hidden {
		t.Error("/no-such-page/ explains a missing code")
	}
}

// TestNoHorizontalScroll opens every page at 320 px, the narrowest phone
// width, and checks that nothing makes the page scroll sideways.
func TestNoHorizontalScroll(t *testing.T) {
	ctx, url := browser(t)
	run(t, ctx, chromedp.EmulateViewport(320, 640, chromedp.EmulateMobile))
	for _, name := range site(t).Paths() {
		if path.Ext(name) != ".html" {
			continue
		}
		p := "/" + strings.TrimSuffix(name, "index.html")
		var wide []string
		run(t, ctx,
			chromedp.Navigate(url+p), waitURL(p),
			eval(`(() => {
				const w = document.documentElement.clientWidth;
				if (document.documentElement.scrollWidth <= w) return [];
				return [...document.querySelectorAll("body *")]
					.filter(e => e.getBoundingClientRect().right > w + 0.5 && !e.closest(".table-wrap, pre"))
					.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? "." + e.className : "") + " " + e.textContent.slice(0, 40));
			})()`, &wide),
		)
		if len(wide) > 0 {
			t.Errorf("%s scrolls sideways at 320 px; too wide: %q", p, wide)
		}
	}
}

// TestSkipLinkAndBreadcrumb checks the first stop of the keyboard, the
// skip link, which shows itself with a focus ring and leads past the
// header to the main content, and the breadcrumb of a code page.
func TestSkipLinkAndBreadcrumb(t *testing.T) {
	ctx, url := browser(t)
	var skip struct {
		Class, Outline string
		Top            float64
	}
	var crumbs []string
	var current, focused string
	run(t, ctx,
		chromedp.Navigate(url+"/486/"), waitURL("/486/"),
		chromedp.KeyEvent(kb.Tab),
		eval(`(() => {
			const a = document.activeElement;
			return {class: a.className, outline: getComputedStyle(a).outlineStyle, top: a.getBoundingClientRect().top};
		})()`, &skip),
		chromedp.KeyEvent(kb.Enter),
		waitURL("/486/#main"),
		chromedp.KeyEvent(kb.Tab),
		eval(`document.activeElement.closest("main") ? "main" : document.activeElement.outerHTML.slice(0, 80)`, &focused),
		eval(`[...document.querySelectorAll("nav.breadcrumb li")].map(li => li.textContent)`, &crumbs),
		chromedp.Text(`nav.breadcrumb [aria-current=page]`, &current, chromedp.ByQuery),
	)
	if skip.Class != "skip" || skip.Top < 0 || skip.Outline == "none" {
		t.Errorf("the first Tab reaches %+v, want the visible skip link with a focus ring", skip)
	}
	if focused != "main" {
		t.Errorf("after the skip link, the next Tab reaches %q, want a link in main", focused)
	}
	if !slices.Equal(crumbs, []string{"Home", "4xx", "486"}) || current != "486" {
		t.Errorf("breadcrumb %q (current %q), want Home › 4xx › 486", crumbs, current)
	}
}

// TestPrintsOnOneSheet prints the code pages with the longest notes, on
// Letter and on A4 paper, in the dark theme (print always uses the light
// palette): each fits on one sheet.
func TestPrintsOnOneSheet(t *testing.T) {
	ctx, url := browser(t)
	res, err := realSite()
	if err != nil {
		t.Fatal(err)
	}
	// The pages with the most text, and 486, the example of the issue.
	codes := slices.Clone(res.Site.Codes)
	text := func(c *sitemodel.Code) int { return len(c.Note.Text) + len(c.Summary) }
	slices.SortStableFunc(codes, func(a, b *sitemodel.Code) int { return text(b) - text(a) })
	pages := []string{"/486/"}
	for _, c := range codes[:min(6, len(codes))] {
		pages = append(pages, c.URL())
	}
	papers := []struct {
		name          string
		width, height float64 // inches
	}{{"Letter", 8.5, 11}, {"A4", 8.27, 11.69}}
	run(t, ctx, scheme("dark"))
	for _, p := range pages {
		run(t, ctx, chromedp.Navigate(url+p), waitURL(p))
		for _, paper := range papers {
			var pdf []byte
			run(t, ctx, chromedp.ActionFunc(func(ctx context.Context) error {
				var err error
				pdf, _, err = page.PrintToPDF().WithPaperWidth(paper.width).WithPaperHeight(paper.height).Do(ctx)
				return err
			}))
			if n := len(pdfPage.FindAll(pdf, -1)); n != 1 {
				t.Errorf("%s prints on %d sheets of %s, want 1", p, n, paper.name)
			}
		}
	}
}

// pdfPage matches a page object of a PDF, not the page tree (/Pages).
var pdfPage = regexp.MustCompile(`/Type\s*/Page\b`)

// TestScreenshots saves screenshots of each kind of page at a phone's and
// a desktop's width, light and dark, whole and its first screen, for a
// person to look at:
//
//	go test ./internal/e2e -run TestScreenshots -shots /tmp/shots
func TestScreenshots(t *testing.T) {
	if *shots == "" {
		t.Skip("no -shots folder")
	}
	if err := os.MkdirAll(*shots, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, url := browser(t)
	pages := map[string]string{"home": "/", "class": "/4xx/", "code": "/486/", "404": "/499/", "q850": "/q850/", "about": "/about/"}
	for _, width := range []int64{360, 1280} {
		for _, s := range []string{"light", "dark"} {
			for name, p := range pages {
				var top, full []byte
				run(t, ctx,
					chromedp.EmulateViewport(width, 800, func(p1 *emulation.SetDeviceMetricsOverrideParams, p2 *emulation.SetTouchEmulationEnabledParams) {
						p1.Mobile = width < 500
					}),
					scheme(s),
					chromedp.Navigate(url+p), waitURL(p),
					chromedp.CaptureScreenshot(&top),
					chromedp.FullScreenshot(&full, 100),
				)
				for suffix, png := range map[string][]byte{"": full, "-top": top} {
					file := filepath.Join(*shots, fmt.Sprintf("%s-%d-%s%s.png", name, width, s, suffix))
					if err := os.WriteFile(file, png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
}
