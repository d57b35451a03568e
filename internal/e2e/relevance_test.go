package e2e

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// relevanceCase is a query an engineer types and what must come first.
// first lists the results that must lead, in order; top3 lists results
// that must be among the first three, in any order. A result is a code
// ("486") or a Q.850 cause ("q850:16").
type relevanceCase struct {
	q     string
	first []string
	top3  []string
	// soft cases depend on the wording of notes, which their authors may
	// change; they count in the score but do not fail the test.
	soft bool
}

var relevanceCases = []relevanceCase{
	// Codes and code prefixes.
	{q: "486", first: []string{"486"}},
	{q: "603", first: []string{"603"}},
	{q: "48", first: []string{"480", "481", "482", "483", "484", "485", "486", "487", "488", "489"}},
	{q: "6", first: []string{"600", "603", "604", "606", "607", "608"}},
	{q: "SIP/2.0 486 Busy Here", first: []string{"486"}},
	// Reason phrases, whole or in part.
	{q: "busy", top3: []string{"486", "600"}},
	{q: "busy here", first: []string{"486"}},
	{q: "transaction does not exist", first: []string{"481"}},
	{q: "not found", first: []string{"404"}, top3: []string{"604"}},
	{q: "forbidden", first: []string{"403"}},
	{q: "proxy authentication", first: []string{"407"}},
	{q: "Server Time-out", first: []string{"504"}},
	{q: "interval too brief", first: []string{"423"}},
	{q: "too many hops", first: []string{"483"}},
	{q: "unsupported media type", first: []string{"415"}},
	{q: "request pending", first: []string{"491"}},
	{q: "moved temporarily", first: []string{"302"}},
	{q: "ringing", first: []string{"180"}},
	{q: "decline", first: []string{"603"}},
	// Typos.
	{q: "bsy here", first: []string{"486"}},
	{q: "unathorized", first: []string{"401"}},
	{q: "unauthorised", first: []string{"401"}},
	{q: "temporarly unavailable", first: []string{"480"}},
	{q: "forbiden", first: []string{"403"}},
	// The words engineers use: aliases in content/codes.yaml.
	{q: "auth", top3: []string{"401", "407"}},
	{q: "codec", top3: []string{"488", "606"}},
	{q: "timeout", top3: []string{"408", "504"}},
	{q: "early media", first: []string{"183"}},
	{q: "session timer", first: []string{"422"}},
	{q: "loop", first: []string{"482"}, top3: []string{"483"}},
	{q: "glare", first: []string{"491"}},
	{q: "do not disturb", first: []string{"480"}},
	{q: "overload", first: []string{"503"}},
	{q: "max-forwards", first: []string{"483"}},
	{q: "cancel", first: []string{"487"}},
	{q: "spam", top3: []string{"607", "608"}},
	{q: "stir shaken", top3: []string{"428"}},
	{q: "push notification", first: []string{"555"}},
	{q: "100rel", first: []string{"421"}},
	{q: "sdp", top3: []string{"488"}},
	// Constants of SIP stacks.
	{q: "PJSIP_SC_BUSY_HERE", first: []string{"486"}},
	{q: "StatusBusyHere", first: []string{"486"}},
	{q: "BUSY_HERE", first: []string{"486"}},
	{q: "PJSIP_SC_REQUEST_TERMINATED", first: []string{"487"}},
	{q: "SIP_503_SERVICE_UNAVAILABLE", first: []string{"503"}},
	// Q.850 causes, as typed and as found in a Reason header.
	{q: "cause 17", first: []string{"486"}, top3: []string{"600"}},
	{q: "Q.850 16", first: []string{"q850:16"}},
	{q: "Q.850;cause=21", first: []string{"403"}},
	{q: "cause 34", first: []string{"503"}},
	{q: "17", first: []string{"486"}},
	// Note text.
	{q: "busy signal", first: []string{"486"}, soft: true},
	{q: "hunt group", first: []string{"486"}, soft: true},
	{q: "srtp dtls", first: []string{"488"}, soft: true},
	{q: "stale nonce", first: []string{"401"}, soft: true},
}

// judge says what is wrong with got for c, or "".
func (c relevanceCase) judge(got []string) string {
	if len(got) < len(c.first) || !slices.Equal(got[:len(c.first)], c.first) {
		return fmt.Sprintf("want %v first", c.first)
	}
	top := got[:min(3, len(got))]
	for _, w := range c.top3 {
		if !slices.Contains(top, w) {
			return fmt.Sprintf("want %s in the top 3", w)
		}
	}
	return ""
}

// TestRelevance types each query into the real site's search box and
// checks the results it shows first.
func TestRelevance(t *testing.T) {
	ctx, url := browser(t)
	run(t, ctx, chromedp.Navigate(url+"/"), waitIndex())
	if len(relevanceCases) < 30 {
		t.Fatalf("only %d relevance cases", len(relevanceCases))
	}
	pass := 0
	for _, c := range relevanceCases {
		var got []string
		run(t, ctx, query(c.q, &got))
		msg := c.judge(got)
		switch {
		case msg == "":
			pass++
		case c.soft:
			t.Logf("%q: %s, got %s (soft: notes may change)", c.q, msg, top(got))
		default:
			t.Errorf("%q: %s, got %s", c.q, msg, top(got))
		}
	}
	t.Logf("relevance: %d of %d queries (%.0f%%) have their expected results first", pass, len(relevanceCases), 100*float64(pass)/float64(len(relevanceCases)))
}

func top(got []string) string {
	return "[" + strings.Join(got[:min(len(got), 10)], " ") + "]"
}
