package check

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/markdown"
	"github.com/sipcodes/sipcodes/internal/output"
)

const goodDataset = `codes:
  - code: 404
    reason: Not Found
    status: active
    refs:
      - rfc: 3261
        section: "21.4.4"
    summary: No such user here.
  - code: 486
    reason: Busy Here
    status: active
    refs:
      - rfc: 3261
        section: "21.4.24"
    summary: The callee is busy.
`

// load reads a content folder from a map of files.
func load(t *testing.T, files map[string]string) *content.Content {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	c, diags := content.Load(fsys, "content")
	if diags != nil {
		t.Fatalf("Load: %v", diags)
	}
	return c
}

func TestDatasetRules(t *testing.T) {
	for _, tc := range []struct {
		name, dataset, want string
	}{
		{"duplicate code", goodDataset + "  - code: 486\n    reason: Busy Here\n    status: active\n    refs:\n      - rfc: 3261\n        section: \"21.4.24\"\n    summary: Again.\n",
			"content/codes.yaml:16:11: code 486 is listed twice (first on line 9)"},
		{"code below range", strings.Replace(goodDataset, "code: 404", "code: 99", 1), "content/codes.yaml:2:11: code 99 is outside 100-699"},
		{"code above range", strings.Replace(goodDataset, "code: 486", "code: 700", 1), "content/codes.yaml:9:11: code 700 is outside 100-699"},
		{"missing reason", strings.Replace(goodDataset, "reason: Not Found", "reason: \"\"", 1), "content/codes.yaml:3:13: code 404 has no reason phrase"},
		{"no reason key", strings.Replace(goodDataset, "    reason: Not Found\n", "", 1), "content/codes.yaml:2:5: code 404 has no reason phrase"},
		{"unknown status", strings.Replace(goodDataset, "status: active", "status: retired", 1), `content/codes.yaml:4:13: status "retired" is not one of active, deprecated, historical`},
		{"bad section", strings.Replace(goodDataset, `"21.4.4"`, `"twenty"`, 1), `content/codes.yaml:7:18: section "twenty" is not a section number`},
		{"out of order", strings.Replace(strings.Replace(goodDataset, "code: 404", "code: 999", 1), "code: 999", "code: 500", 1), "code 486 comes after 500"},
		{"no summary", strings.Replace(goodDataset, "summary: No such user here.", "summary: \"\"", 1), "content/codes.yaml:8:14: summary is missing"},
		{"uppercase alias", strings.Replace(goodDataset, "summary: The callee is busy.", "summary: The callee is busy.\n    aliases: [Busy]", 1), `alias 1 ("Busy") must be lowercase words`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := load(t, map[string]string{"codes.yaml": tc.dataset})
			assertDiag(t, Dataset(c.Dataset), tc.want)
		})
	}
	if d := Dataset(load(t, map[string]string{"codes.yaml": goodDataset}).Dataset); d != nil {
		t.Errorf("good dataset: %v", d)
	}
}

func TestNoteRules(t *testing.T) {
	for _, tc := range []struct {
		name, file, note, want string
	}{
		{"code disagrees with file name", "486.md", "---\ncode: 404\n---\nx\n", "content/codes/486.md:2:7: code 404 does not match the file name 486.md"},
		{"unregistered code", "487.md", "---\ncode: 487\n---\nx\n", "content/codes/487.md:2:7: code 487 is not in the dataset (content/codes.yaml)"},
		{"no code", "486.md", "---\nrequests: [INVITE]\n---\nx\n", "content/codes/486.md:2:1: front matter has no code; add code: 486"},
		{"empty note", "486.md", "---\ncode: 486\n---\n\n", "content/codes/486.md:4: the note has no text after its front matter"},
		{"unknown method", "486.md", "---\ncode: 486\nrequests: [INVITE, CALL]\n---\nx\n", `content/codes/486.md:3:11: request "CALL" is not a SIP method`},
		{"unknown sender", "486.md", "---\ncode: 486\nsenders: [phone]\n---\nx\n", `content/codes/486.md:3:10: sender "phone" is not one of b2bua, gateway, proxy, redirect, registrar, uas`},
		{"unknown header", "486.md", "---\ncode: 486\nheaders:\n  - name: Retry-Later\n    requirement: may\n    rfc: 3261\n    section: \"20.33\"\n    why: x.\n---\nx\n", `content/codes/486.md:4:11: "Retry-Later" is not a registered SIP header field`},
		{"header spelling", "486.md", "---\ncode: 486\nheaders:\n  - name: retry-after\n    requirement: may\n    rfc: 3261\n    section: \"20.33\"\n    why: x.\n---\nx\n", `content/codes/486.md:4:11: write the header field as "Retry-After"`},
		{"bad requirement", "486.md", "---\ncode: 486\nheaders:\n  - name: Retry-After\n    requirement: might\n    rfc: 3261\n    section: \"20.33\"\n    why: x.\n---\nx\n", `content/codes/486.md:5:18: requirement "might" is not one of must, should, may`},
		{"header without section", "486.md", "---\ncode: 486\nheaders:\n  - name: Retry-After\n    requirement: may\n    rfc: 3261\n    why: x.\n---\nx\n", `content/codes/486.md:4:5: reference to RFC 3261 needs a section`},
		{"related unknown", "486.md", "---\ncode: 486\nrelated:\n  - code: 600\n    how: x.\n---\nx\n", "content/codes/486.md:4:11: related code 600 is not in the dataset"},
		{"related to itself", "486.md", "---\ncode: 486\nrelated:\n  - code: 486\n    how: x.\n---\nx\n", "content/codes/486.md:4:11: a code is not related to itself"},
		{"related without how", "486.md", "---\ncode: 486\nrelated:\n  - code: 404\n---\nx\n", "content/codes/486.md:4:5: how is missing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := load(t, map[string]string{"codes.yaml": goodDataset, "codes/" + tc.file: tc.note})
			assertDiag(t, Notes(c.Notes, c.Dataset), tc.want)
		})
	}
}

const goodStacks = `stacks:
- id: pjsip
  name: PJSIP
  language: c
  kind: enum pjsip_status_code
  source: sip_msg.h, pjproject 2.17
  url: https://example.com/sip_msg.h
  usage: if (code == {name})
  constants:
  - code: 486
    name: PJSIP_SC_BUSY_HERE
`

func TestStackRules(t *testing.T) {
	for _, tc := range []struct{ name, from, to, want string }{
		{"unknown language", "language: c", "language: python",
			`content/stacks.yaml:4:13: language "python" is not one the site highlights (c, csharp, go, java, javascript, sdp, sip, text, xml)`},
		{"no language", "language: c", `language: ""`, "content/stacks.yaml:4:13: stack pjsip has no language"},
		{"usage without name", "(code == {name})", "(code == X)", "content/stacks.yaml:8:10: usage must show the constant as {name}"},
		{"bad id", "id: pjsip", "id: PJ SIP", `content/stacks.yaml:2:7: stack id "PJ SIP" must be lowercase letters, digits and hyphens`},
		{"unregistered code", "code: 486", "code: 487", "content/stacks.yaml:10:11: PJSIP_SC_BUSY_HERE stands for 487, which is not in the dataset; say why in a note"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := load(t, map[string]string{"codes.yaml": goodDataset, "stacks.yaml": strings.Replace(goodStacks, tc.from, tc.to, 1)})
			assertDiag(t, Stacks(c.Stacks, c.Dataset), tc.want)
		})
	}
	for _, lang := range []string{"c", "Go", "java", "csharp", "javascript", "text"} {
		c := load(t, map[string]string{"codes.yaml": goodDataset, "stacks.yaml": strings.Replace(goodStacks, "language: c", "language: "+lang, 1)})
		if d := Stacks(c.Stacks, c.Dataset); d != nil {
			t.Errorf("language %s: %v", lang, d)
		}
	}
}

type fakeTargets map[string]map[string]bool

func (f fakeTargets) Fragments(p string) (map[string]bool, bool) { ids, ok := f[p]; return ids, ok }

func TestMarkdownRules(t *testing.T) {
	md := markdown.New(plain{})
	targets := fakeTargets{"/486/": {"meaning": true}, "/4xx/": {}}
	for _, tc := range []struct {
		name, body, want string
	}{
		{"raw HTML block", "<div>hi</div>\n", "content/codes/486.md:5: raw HTML is not allowed in notes; use Markdown"},
		{"raw inline HTML", "text <b>bold</b>\n", "content/codes/486.md:5: raw HTML is not allowed in notes"},
		{"level 1 heading", "# Title\n", `content/codes/486.md:5: heading "Title" is level 1`},
		{"skipped level", "## A\n\n#### B\n", `content/codes/486.md:7: heading "B" skips from level 2 to 4`},
		{"javascript link", "[x](javascript:alert(1))\n", `content/codes/486.md:5: link "javascript:alert(1)": only http, https, mailto and site links are allowed`},
		{"image", "![x](/a.png)\n", "content/codes/486.md:5: images are not allowed in notes"},
		{"uncited section", "See [x](rfc:3261#8.1.3.5).\n", "content/codes/486.md:5: RFC 3261 §8.1.3.5 is not cited for this code; add it to references in the front matter"},
		{"malformed citation", "See [x](rfc:abc).\n", `content/codes/486.md:5: citation "rfc:abc": want rfc:NUMBER`},
		{"broken code link", "\n\nSee [x](/499/).\n", `content/codes/486.md:7: link "/499/": no page at /499/`},
		{"broken section link", "See [x](/486/#cause).\n", `content/codes/486.md:5: link "/486/#cause": /486/ has no section #cause`},
		{"relative link", "See [x](486/).\n", `content/codes/486.md:5: link "486/": write site links from the root`},
		{"reserved heading id", "## Facts {#facts}\n", "content/codes/486.md:5: heading id #facts is already used on this page; choose another"},
		{"repeated heading id", "## A {#a}\n\n## B {#a}\n", "content/codes/486.md:7: heading id #a is already used on this page"},
		{"unknown code language", "Text.\n\n```sip\nSIP/2.0 486 Busy Here\n```\n\n~~~ Python {.x}\nprint(1)\n~~~\n",
			`content/codes/486.md:11: code block language "Python" is not one the site highlights (c, csharp, go, java, javascript, sdp, sip, text, xml)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := md.Render([]byte(tc.body), []string{"facts"})
			if err != nil {
				t.Fatal(err)
			}
			d := Doc{File: "content/codes/486.md", BodyLine: 5, Doc: doc, Refs: nil}
			if strings.Contains(tc.name, "cited") {
				d.Refs = []sipRef{{RFC: 3261, Section: "21.4.24"}}
			}
			var got diag.List
			got.Append(Markdown(d))
			got.Append(InternalLinks(d, "/486/", targets))
			assertDiag(t, got, tc.want)
		})
	}
}

func TestSiteLinks(t *testing.T) {
	files := output.Files{
		// A link on two pages is checked once and reported on both.
		"index.html": []byte("<a href=\"/486/\">486</a><a href=\"/486/#meaning\">m</a><a href=\"#top\" id=\"top\">t</a><link rel=\"canonical\" href=\"https://example.com/\">\n" +
			"<a href=\"https://www.rfc-editor.org/rfc/rfc3261#section-x\">bad</a><a href=\"/487/\">bad</a>"),
		// Links that leave the site are checked as the page is read and
		// the others once every page is; problems still come in the
		// order of the page.
		"486/index.html": []byte("<h2 id=\"meaning\">M</h2>\n<a href=\"/style.css\">s</a>\n<a href=\"/487/\">bad</a>\n<a href=\"ftp://example.com/\">bad</a>\n<a href=\"/486/#nope\">bad</a>\n" +
			"<a href=\"https://www.rfc-editor.org/rfc/rfc3261#section-x\">bad</a>\n<a href=\"#meaning\">ok</a><a href=\"#gone\">bad</a>\n<a href=\"../style.css\">ok</a><a href=\"sub/\">bad</a>\n" +
			"<a href=\"https://www.rfc-editor.org/rfc/rfc3261#section-8.1\">ok</a><a href=\"mailto:a@example.com\">ok</a><a href=\"//example.com/x\">bad</a><a href=\"http://[::1\">bad</a>"),
		"style.css": []byte("body{}"),
	}
	got := SiteLinks(files)
	want := []string{
		"486/index.html:3: broken link /487/",
		"486/index.html:4: unexpected URL ftp://example.com/",
		"486/index.html:5: broken link /486/#nope: no element with id nope",
		"486/index.html:6: malformed RFC link https://www.rfc-editor.org/rfc/rfc3261#section-x",
		"486/index.html:7: broken link #gone: no element with id gone",
		"486/index.html:8: broken link sub/",
		"486/index.html:9: unexpected URL //example.com/x",
		"486/index.html:9: malformed URL http://[::1",
		"index.html:2: malformed RFC link https://www.rfc-editor.org/rfc/rfc3261#section-x",
		"index.html:2: broken link /487/",
	}
	if len(got) != len(want) {
		t.Fatalf("SiteLinks:\n%v\nwant %d problems", got, len(want))
	}
	for i, w := range want {
		if got[i].String() != w {
			t.Errorf("problem %d = %q, want %q", i, got[i], w)
		}
	}
}

func assertDiag(t *testing.T, got diag.List, want string) {
	t.Helper()
	for _, d := range got {
		if strings.Contains(d.String(), want) {
			return
		}
	}
	t.Errorf("diagnostics:\n%v\nwant one containing %q", got, want)
}
