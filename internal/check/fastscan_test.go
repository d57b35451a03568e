package check

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// trickyPages are pages that scanFast must either read exactly as the
// tokenizer does or leave to it.
var trickyPages = []string{
	`<!doctype html><html lang=en><title>a < b</title><p id=x>t</p>`,
	`<a href="/486/" HREF="/487/" Id='a' id=b>x</a>`,
	`<a href=/x/>x</a><p/><br/>`,
	`<div =id=x on=1 onclick="go()" style="">`,
	`<a href="javascript:alert(1)">`,
	`<a href="jav&#x09;ascript:alert(1)">`,
	`<a href="&#106;avascript:1" title="x&amp;y">`,
	`<a href="/a?x=1&copy=2">`,
	"<a href=\"java\rscript:1\">",
	"<a\x00 href=x>",
	`<script src="/s.js"></script><script>alert(1)</script>`,
	`<script type="application/ld+json">{"a":"</scrip"}</script >`,
	`<script><!-- </script> --></script>`,
	`<script/>x</script>`,
	`<SCRIPT>x</ScRiPt>`,
	`<title>x</title ><TITLE>y</titlex></title>`,
	`<style>p{}</style>`,
	`<textarea><a href=x></textarea>`,
	`<!-- <a href="/x/"> -->`,
	`<!--><a href=x>`,
	`<!x><a href=y>`,
	`<?xml?><a href=z>`,
	`</><a href=w>`,
	`</ a><a href=v>`,
	`</a href=">"><a href=u>`,
	`<a href="unterminated`,
	`<a href=x`,
	`<a`,
	`<`,
	`a < b <3 <a href=t>`,
	"<p\nid=a\n>\n<a\nhref=\"#a\"\n>",
	`<svg><title>t</title><a xlink:href="javascript:1"/></svg>`,
	`<meta http-equiv=Refresh content=0><iframe src=x></iframe><base href=/>`,
	`<img src=x onerror=alert(1)><img/src=x/onerror=1>`,
	`<a href='x' href="y" title=a'b>`,
	`<a title= "spaced" href = /s/ >`,
	`<a title=>x</a>`,
	`<p =>`,
	`<a/b=c>`,
	`<ſcript>x</ſcript><script>x</ſcript>`,
	`<a K="1" k="2">`,
	`<p>x</p a=">" id=z><a href="/y">`,
	`<p>x</p a='>' ><a id="w">`,
	`<p>x</p a=b"c><a id="v">`,
	"<a href=\"/a?b&amp;c\">\r\n<a id=\"u\">",
	`<span class="k">x</span><span class="a" id="t">y</span><span class="b"onclick=1>`,
	`<span class="x>y"><span class="a&amp;b"><span class=""><span class="c"/><span class="d" >`,
	"<span class=\"e\nf\"><a id=\"s\">",
	`<span class="open`,
	`<span class="end"`,
	`<span class='q'><span class=r><span style="x">`,
}

func agree(t *testing.T, name string, data []byte) {
	t.Helper()
	fast, ok := scanFast(data, nil)
	if !ok {
		return
	}
	slow := scanTokens(data, nil)
	if !slices.Equal(fast.ids, slow.ids) || !slices.Equal(fast.refs, slow.refs) || fmt.Sprint(fast.unsafe) != fmt.Sprint(slow.unsafe) {
		t.Errorf("%s: scanFast and the tokenizer disagree\nfast: %v %v %v\nslow: %v %v %v",
			name, fast.ids, fast.refs, fast.unsafe, slow.ids, slow.refs, slow.unsafe)
	}
}

func TestScanFastAgreesWithTokenizer(t *testing.T) {
	for i, page := range trickyPages {
		agree(t, fmt.Sprintf("page %d %q", i, page), []byte(page))
	}
}

// TestScanFastReadsOurPages checks that the built pages kept as golden
// files are read without the tokenizer, and read the same: otherwise the
// fast path would silently stop paying for itself.
func TestScanFastReadsOurPages(t *testing.T) {
	names, _ := filepath.Glob("../build/testdata/golden/*.html")
	if len(names) == 0 {
		t.Fatal("no golden pages found")
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := scanFast(data, nil); !ok {
			t.Errorf("%s is left to the tokenizer", name)
		}
		agree(t, name, data)
	}
}

func FuzzScanFast(f *testing.F) {
	// Whole pages are left to TestScanFastReadsOurPages: short inputs
	// mutate faster.
	for _, page := range trickyPages {
		f.Add([]byte(page))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		agree(t, "input", data)
	})
}
