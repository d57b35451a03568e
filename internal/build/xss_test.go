package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipcodes/sipcodes/internal/check"
	"github.com/sipcodes/sipcodes/internal/highlight"
	"github.com/sipcodes/sipcodes/internal/markdown"
	"github.com/sipcodes/sipcodes/internal/output"
)

// xssPayloads are strings that try to run script when they reach a page:
// tags, attributes, URL schemes hidden by case, entities and control
// characters, and markup that breaks out of attributes and elements.
var xssPayloads = []string{
	`<script>alert(1)</script>`,
	`<SCRIPT SRC=//evil.example/x.js></SCRIPT>`,
	`<img src=x onerror=alert(1)>`,
	`<svg onload=alert(1)>`,
	`<svg><script>alert(1)</script></svg>`,
	`<iframe src="javascript:alert(1)"></iframe>`,
	`<object data="data:text/html,<script>alert(1)</script>"></object>`,
	`<embed src="javascript:alert(1)">`,
	`<a href="javascript:alert(1)">x</a>`,
	`<body onload=alert(1)>`,
	`<details open ontoggle=alert(1)>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
	`<base href="//evil.example/">`,
	`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
	`<style>@import 'javascript:alert(1)';</style>`,
	`<div style="background:url(javascript:alert(1))">`,
	`"><script>alert(1)</script>`,
	`'><img src=x onerror=alert(1)>`,
	`</title><script>alert(1)</script>`,
	`</textarea><script>alert(1)</script>`,
	`--><script>alert(1)</script><!--`,
	`<!--<img src="--><img src=x onerror=alert(1)//">`,
	`<input autofocus onfocus=alert(1)>`,
	`<video><source onerror=alert(1)>`,
	`<form action="javascript:alert(1)"><button>x</button></form>`,
	`<button formaction="javascript:alert(1)">x</button>`,
	`<a href="&#106;avascript:alert(1)">x</a>`,
	`{{.Site}}`,
	`{{template "base" .}}`,
	`javascript:alert(1)`,
	`" onmouseover="alert(1)`,
	`' onmouseover='alert(1)`,
	`<scr<script>ipt>alert(1)</scr</script>ipt>`,
	`%3Cscript%3Ealert(1)%3C/script%3E`,
	`<isindex type=image src=1 onerror=alert(1)>`,
	`<marquee onstart=alert(1)>`,
	"<a href=\"java\tscript:alert(1)\">x</a>",
	`<x onclick=alert(1)>click`,
	`\u003cscript\u003ealert(1)\u003c/script\u003e`,
	`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
	`<template><script>alert(1)</script></template>`,
	`<link rel=import href=data:text/html,<script>alert(1)</script>>`,
}

// xssLinks are link destinations a note might try; every one must be
// refused by the checks and dropped from the page.
var xssLinks = []string{
	`javascript:alert(1)`,
	`JaVaScRiPt:alert(1)`,
	`vbscript:msgbox(1)`,
	`data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
	`data:image/svg+xml,<svg onload=alert(1)>`,
	`&#106;avascript:alert(1)`,
	`java&#x09;script:alert(1)`,
	`%6Aavascript:alert(1)`,
	` javascript:alert(1)`,
	`file:///etc/passwd`,
}

// TestMarkdownNeverRendersScript renders every payload in every place a
// note can put text: paragraphs, headings, link text and targets, images,
// code blocks and their info strings, tables and emphasis.
func TestMarkdownNeverRendersScript(t *testing.T) {
	md := markdown.New(highlight.New())
	n := 0
	for i, p := range xssPayloads {
		for _, src := range []string{
			p,
			"## " + p,
			"[" + p + "](/486/)",
			"![" + p + "](/x.png)",
			"```" + p + "\n" + p + "\n```",
			"```sip " + p + "\nSIP/2.0 486 " + p + "\n```",
			"| a |\n| - |\n| " + p + " |",
			"*" + p + "* `" + p + "`",
			"> " + p,
			"- " + p,
		} {
			doc, err := md.Render([]byte(src), nil)
			if err != nil {
				t.Fatalf("payload %d: %v", i, err)
			}
			assertNoScript(t, fmt.Sprintf("payload %d in %q", i, src), doc.HTML)
			n++
		}
	}
	for i, l := range xssLinks {
		for _, src := range []string{"[x](" + l + ")", "![x](" + l + ")", "<" + l + ">", "[x][r]\n\n[r]: " + l} {
			doc, err := md.Render([]byte(src), nil)
			if err != nil {
				t.Fatal(err)
			}
			assertNoScript(t, fmt.Sprintf("link %d in %q", i, src), doc.HTML)
			n++
		}
	}
	t.Logf("%d payloads in %d documents: no script rendered", len(xssPayloads)+len(xssLinks), n)
}

func assertNoScript(t *testing.T, what string, htmlBody []byte) {
	t.Helper()
	page := []byte("<!doctype html><html><head><title>t</title></head><body>" + string(htmlBody) + "</body></html>")
	if diags := check.NoScript(output.Files{"p.html": page}); diags != nil {
		t.Errorf("%s: %v\nHTML: %s", what, diags, htmlBody)
	}
}

// TestSiteFromHostileContent puts payloads into every text field of the
// dataset and front matter, builds the whole site, and checks that it
// contains no script but the site's own files.
func TestSiteFromHostileContent(t *testing.T) {
	dir := t.TempDir()
	q := func(s string) string { return fmt.Sprintf("%q", s) }
	var codes, notes strings.Builder
	codes.WriteString("codes:\n")
	for i, p := range xssPayloads {
		code := 450 + i
		fmt.Fprintf(&codes, "  - code: %d\n    reason: %s\n    status: active\n    refs:\n      - rfc: 3261\n        section: \"21.4\"\n        title: %s\n    summary: %s\n    aliases: [%s]\n",
			code, q("Bad "+strings.ReplaceAll(p, "\t", " ")), q(p), q(strings.ReplaceAll(p, "\n", " ")), q(strings.ToLower(p)))
		notes.Reset()
		fmt.Fprintf(&notes, "---\ncode: %d\nheaders:\n  - name: Retry-After\n    requirement: may\n    rfc: 3261\n    section: \"20.33\"\n    why: %s\nrelated:\n  - code: %d\n    how: %s\nreferences:\n  - rfc: 3261\n    section: \"8.1\"\n    title: %s\n---\n## %s\n\nText with %s and `%s`.\n\n```sip %s\nSIP/2.0 %d %s\n```\n",
			code, q(p), 450+(i+1)%len(xssPayloads), q(p), q(p), strings.ReplaceAll(p, "<", "&lt;"), strings.ReplaceAll(p, "<", "&lt;"), p, strings.Fields(p + " x")[0], code, p)
		writeFile(t, filepath.Join(dir, "codes", fmt.Sprintf("%d.md", code)), notes.String())
	}
	writeFile(t, filepath.Join(dir, "codes.yaml"), codes.String())
	writeFile(t, filepath.Join(dir, "index.md"), "---\ntitle: "+q(xssPayloads[0])+"\ndescription: "+q(xssPayloads[2])+"\n---\nHome.\n")
	writeFile(t, filepath.Join(dir, "classes", "4xx.md"), "---\ndescription: "+q(xssPayloads[16])+"\n---\nClass.\n")
	res, err := Build(config(dir, true))
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	if diags := check.NoScript(res.Files); diags != nil {
		t.Errorf("script in the built site:\n%v", diags)
	}
	page := string(res.Files["450/index.html"])
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the payload should appear as text on the page")
	}
}

// TestHostileLinksAreRefused checks that the build refuses each hostile
// link with a diagnostic naming the note's line.
func TestHostileLinksAreRefused(t *testing.T) {
	for i, l := range append(xssLinks, "rfc:3261#21.4.24\"onclick=\"x") {
		dir := t.TempDir()
		if err := os.CopyFS(dir, os.DirFS("testdata/content")); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, "codes", "480.md"), "---\ncode: 480\n---\nSee [this](<"+l+">).\n")
		_, err := Build(config(dir, true))
		if err == nil || !strings.Contains(err.Error(), "content/codes/480.md:4") {
			t.Errorf("link %d %q: Build error = %v, want a diagnostic at content/codes/480.md:4", i, l, err)
		}
	}
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
