package e2e

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"path"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestKeystrokeLatency types every relevance query character by character
// and measures, in the page with performance.now(), how long each
// keystroke takes from the input event until the results are laid out.
// It reports and does not judge: timings depend on the machine. The goal
// is one frame, 16 ms, on a 2-core machine.
func TestKeystrokeLatency(t *testing.T) {
	if testing.Short() {
		t.Skip("a measurement, not a check")
	}
	ctx, url := browser(t)
	var queries []string
	for _, c := range relevanceCases {
		queries = append(queries, c.q)
	}
	qs, _ := json.Marshal(queries)
	var r struct {
		N                int
		Median, P95, Max float64
	}
	run(t, ctx, chromedp.Navigate(url+"/"), waitIndex(), eval(`(() => {
		const q = document.getElementById("q"), list = document.getElementById("q-list");
		const times = [];
		for (const query of `+string(qs)+`) {
			for (let i = 1; i <= query.length; i++) {
				q.value = query.slice(0, i);
				const t0 = performance.now();
				q.dispatchEvent(new Event("input", {bubbles: true}));
				list.getBoundingClientRect(); // style and layout, as the next frame needs
				times.push(performance.now() - t0);
			}
		}
		q.value = "";
		q.dispatchEvent(new Event("input", {bubbles: true}));
		const sorted = times.slice().sort((a, b) => a - b);
		const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
		return {N: times.length, Median: at(0.5), P95: at(0.95), Max: sorted[sorted.length - 1]};
	})()`, &r))
	t.Logf("keystrokes: %d over %d queries; median %.2f ms, 95th percentile %.2f ms, slowest %.2f ms (budget 16 ms)",
		r.N, len(queries), r.Median, r.P95, r.Max)
}

// TestIndexSize reports the size of the real site's search index, raw and
// gzipped, and holds it under the 25 KB gzip budget.
func TestIndexSize(t *testing.T) {
	files := site(t)
	var name string
	for _, p := range files.Paths() {
		if strings.HasPrefix(p, "search.") && path.Ext(p) == ".json" {
			name = p
		}
	}
	if name == "" {
		t.Fatal("the site has no search index")
	}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	w.Write(files[name])
	w.Close()
	t.Logf("%s: %d bytes, %d gzipped", name, len(files[name]), gz.Len())
	if gz.Len() > 25*1024 {
		t.Errorf("the index is %d bytes gzipped, over the 25 KB budget", gz.Len())
	}
	for _, p := range files.Paths() {
		if path.Ext(p) == ".js" && strings.HasPrefix(p, "search.") {
			gz.Reset()
			w.Reset(&gz)
			w.Write(files[p])
			w.Close()
			t.Logf("%s: %d bytes, %d gzipped", p, len(files[p]), gz.Len())
		}
	}
}
