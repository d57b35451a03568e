package e2e

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestKeyboard drives the search box with real key presses: "/" focuses
// it from the page, typing shows results, the arrows move the active
// option, Enter opens it and Escape closes the list. Focus stays in the
// box throughout, as the combobox pattern has it: the options are only
// pointed at with aria-activedescendant.
func TestKeyboard(t *testing.T) {
	ctx, url := browser(t)
	var focused, expanded, active, path string
	var got []string
	run(t, ctx,
		chromedp.Navigate(url+"/486/"),
		chromedp.WaitReady("body", chromedp.ByQuery),
		slash(),
		chromedp.Evaluate(`document.activeElement.id`, &focused),
	)
	if focused != "q" {
		t.Fatalf(`after "/", focus is on %q, want the search box`, focused)
	}
	run(t, ctx,
		chromedp.KeyEvent("busy"),
		chromedp.WaitVisible("#q-list [role=option]", chromedp.ByQuery),
		eval(resultsJS, &got),
		attr("#q", "aria-expanded", &expanded),
		attr("#q", "aria-activedescendant", &active),
	)
	if expanded != "true" || len(got) < 2 || got[0] != "486" {
		t.Fatalf("after typing busy: aria-expanded=%q, results %v", expanded, got)
	}
	if active != "q-list-0" {
		t.Errorf("the first result should be active, aria-activedescendant=%q", active)
	}
	steps := []struct {
		key  string
		want string
	}{
		{kb.ArrowDown, "q-list-1"},
		{kb.ArrowDown, "q-list-2"},
		{kb.ArrowUp, "q-list-1"},
		{kb.ArrowUp, "q-list-0"},
		{kb.ArrowUp, "q-list-" + strconv.Itoa(len(got)-1)}, // wraps round
		{kb.ArrowDown, "q-list-0"},
		{kb.ArrowDown, "q-list-1"},
	}
	for _, s := range steps {
		var selected string
		run(t, ctx, chromedp.KeyEvent(s.key), attr("#q", "aria-activedescendant", &active),
			attr("#"+s.want, "aria-selected", &selected))
		if active != s.want || selected != "true" {
			t.Fatalf("after %q: aria-activedescendant=%q (aria-selected=%q), want %q", s.key, active, selected, s.want)
		}
	}
	// Escape closes the list and leaves the text and the focus alone.
	var value string
	run(t, ctx, chromedp.KeyEvent(kb.Escape),
		attr("#q", "aria-expanded", &expanded),
		chromedp.Evaluate(`document.activeElement.id`, &focused),
		chromedp.Value("#q", &value, chromedp.ByID),
	)
	if expanded != "false" || focused != "q" || value != "busy" {
		t.Fatalf("after Escape: aria-expanded=%q, focus on %q, value %q", expanded, focused, value)
	}
	var hidden bool
	run(t, ctx, chromedp.Evaluate(`document.getElementById("q-list").hidden && !document.getElementById("q").hasAttribute("aria-activedescendant")`, &hidden))
	if !hidden {
		t.Error("after Escape the list is still shown or an option still active")
	}
	// ArrowDown opens it again; Enter opens the active result.
	run(t, ctx, chromedp.KeyEvent(kb.ArrowDown), attr("#q", "aria-expanded", &expanded))
	if expanded != "true" {
		t.Fatalf("ArrowDown did not reopen the list")
	}
	var want string
	run(t, ctx, chromedp.KeyEvent(kb.ArrowDown), attr("#q", "aria-activedescendant", &active))
	run(t, ctx, attr("#"+active+" a", "href", &want))
	run(t, ctx, chromedp.KeyEvent(kb.Enter), waitURL(want), chromedp.Location(&path))
	// A second Escape, with the list closed, empties the box.
	run(t, ctx, slash(), chromedp.KeyEvent("loop"), chromedp.WaitVisible("#q-list [role=option]", chromedp.ByQuery),
		chromedp.KeyEvent(kb.Escape), chromedp.KeyEvent(kb.Escape), chromedp.Value("#q", &value, chromedp.ByID))
	if value != "" {
		t.Errorf("two Escapes left %q in the box", value)
	}
	// In the box, "/" is just a character: status lines have one.
	run(t, ctx, chromedp.KeyEvent("SIP"), slash(), chromedp.KeyEvent("2.0 486"), chromedp.Value("#q", &value, chromedp.ByID))
	if value != "SIP/2.0 486" {
		t.Errorf(`typing a "/" in the box gives %q`, value)
	}
}

// TestEnterOnCode checks that a registered code and Enter go straight to
// its page, and that an unregistered one goes to the page that offers the
// nearest codes.
func TestEnterOnCode(t *testing.T) {
	ctx, url := browser(t)
	// Enter right after the digits, before the index has arrived, must
	// still work: the box waits for it.
	run(t, ctx, chromedp.Navigate(url+"/q850/"), chromedp.WaitReady("body", chromedp.ByQuery),
		slash(), chromedp.KeyEvent("486"), chromedp.KeyEvent(kb.Enter), waitURL("/486/"))
	run(t, ctx, slash(), chromedp.KeyEvent("603\r"), waitURL("/603/"))
	var h1 string
	run(t, ctx, slash(), chromedp.KeyEvent("499"), chromedp.WaitVisible(".search-note", chromedp.ByQuery),
		chromedp.KeyEvent(kb.Enter), waitURL("/499/"), chromedp.Text("h1", &h1, chromedp.ByQuery))
	if h1 == "" {
		t.Error("the page for an unregistered code has no heading")
	}
}

// TestDeepLink opens /?q=busy and expects its results shown, so that a
// search can be pasted into a ticket; typing keeps the address in step.
func TestDeepLink(t *testing.T) {
	ctx, url := browser(t)
	var got []string
	var status, expanded string
	run(t, ctx, chromedp.Navigate(url+"/?q=busy"),
		chromedp.WaitVisible("#q-list [role=option]", chromedp.ByQuery),
		eval(resultsJS, &got),
		chromedp.Text("#q-status", &status, chromedp.ByID),
		attr("#q", "aria-expanded", &expanded),
	)
	if len(got) < 2 || got[0] != "486" || !slices.Contains(got[:3], "600") || expanded != "true" {
		t.Fatalf("/?q=busy shows %v (aria-expanded=%q), want 486 first and 600 in the top 3", got, expanded)
	}
	if !regexp.MustCompile(`^\d+ results?`).MatchString(status) {
		t.Errorf("the live region says %q, want the number of results", status)
	}
	// The snippet marks what matched.
	var marked []string
	run(t, ctx, eval(`[...document.querySelectorAll("#q-list-0 mark")].map(m => m.textContent.toLowerCase())`, &marked))
	if !slices.Contains(marked, "busy") {
		t.Errorf("the first result marks %v, want busy", marked)
	}
	var loc string
	run(t, ctx, chromedp.KeyEvent(kb.End), chromedp.KeyEvent(" here"), waitURL("/?q=busy+here"), chromedp.Location(&loc))
	if !strings.HasSuffix(loc, "/?q=busy+here") {
		t.Errorf("after typing, the address is %s", loc)
	}
}

// TestWithoutJavaScript checks the site without script: the home page
// lists every code with its reason phrase, and the search form submits to
// it, at the list.
func TestWithoutJavaScript(t *testing.T) {
	files := site(t)
	res, _ := realSite()
	home := files["index.html"]
	for _, c := range res.Site.Codes {
		link := []byte(`<a href="` + c.URL() + `"><span class="num">` + c.Code.String() + `</span> <span class="reason">` + c.Reason + `</span></a>`)
		if !bytes.Contains(home, link) {
			t.Errorf("the home page does not list %s %s", c.Code, c.Reason)
		}
	}
	ctx, url := browser(t)
	var cards int
	var loc string
	var expanded bool
	run(t, ctx,
		emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate(url+"/486/"),
		chromedp.SendKeys("#q", "busy\r", chromedp.ByID),
		waitURL("/?q=busy#1xx"),
		chromedp.Evaluate(`document.querySelectorAll("li.card a").length`, &cards),
		chromedp.Evaluate(`document.getElementById("q").hasAttribute("aria-expanded")`, &expanded),
		chromedp.Location(&loc),
	)
	if cards != len(res.Site.Codes) {
		t.Errorf("without script the search leads to %s, which lists %d codes, want %d", loc, cards, len(res.Site.Codes))
	}
	if expanded {
		t.Error("without script the box claims to be a combobox")
	}
}

// TestCombobox checks the markup the combobox pattern needs once the
// script has run.
func TestCombobox(t *testing.T) {
	ctx, url := browser(t)
	var a map[string]string
	run(t, ctx, chromedp.Navigate(url+"/"), chromedp.WaitReady("body", chromedp.ByQuery),
		eval(`(() => {
			const q = document.getElementById("q"), l = document.getElementById(q.getAttribute("aria-controls") || "none");
			const s = document.querySelector("[role=status]");
			return {role: q.getAttribute("role"), auto: q.getAttribute("aria-autocomplete"), expanded: q.getAttribute("aria-expanded"),
				list: l ? l.getAttribute("role") : "", label: document.querySelector("label[for=q]") ? "yes" : "",
				live: s ? s.getAttribute("aria-live") : "", index: document.querySelector("form.search").dataset.index};
		})()`, &a))
	want := map[string]string{"role": "combobox", "auto": "list", "expanded": "false", "list": "listbox", "label": "yes", "live": "polite"}
	for k, v := range want {
		if a[k] != v {
			t.Errorf("%s = %q, want %q", k, a[k], v)
		}
	}
	if !regexp.MustCompile(`^/search\.[0-9a-f]{8}\.json$`).MatchString(a["index"]) {
		t.Errorf("the form names the index %q", a["index"])
	}
	// The index is fetched only when the box is used.
	var fetched bool
	run(t, ctx, chromedp.Evaluate(`performance.getEntriesByType("resource").some(e => e.name.endsWith(".json"))`, &fetched))
	if fetched {
		t.Error("the index was fetched before the box was used")
	}
	run(t, ctx, chromedp.Focus("#q", chromedp.ByID), waitIndex(),
		chromedp.Evaluate(`performance.getEntriesByType("resource").some(e => e.name.endsWith(".json"))`, &fetched))
	if !fetched {
		t.Error("the index was not fetched when the box got focus")
	}
}
