package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipcodes/sipcodes/internal/diag"
)

const testContent = "../../internal/build/testdata/content"

// tree copies the test content into a temporary folder, with some files
// changed: a value replaces the file, and a value of "" deletes it. It
// returns the folder that holds content/.
func tree(t *testing.T, changes map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	copyDir(t, testContent, filepath.Join(dir, "content"))
	for name, data := range changes {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if data == "" {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// copyDir copies the folder src to dst, which must not hold its files yet.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}

// testFile returns a file of the test content, with replacements applied
// in pairs of old and new text; each old text must be there.
func testFile(t *testing.T, name string, replace ...string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testContent, name))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for i := 0; i+1 < len(replace); i += 2 {
		if !strings.Contains(s, replace[i]) {
			t.Fatalf("%s has no %q", name, replace[i])
		}
		s = strings.Replace(s, replace[i], replace[i+1], 1)
	}
	return s
}

// runCheckIn runs "sipcodes check" on the content of dir, with the real
// templates and static files unless dir has its own, and returns what it
// printed, with dir left out of file names.
func runCheckIn(t *testing.T, dir string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	templates, static := "../../templates", "../../static"
	if _, err := os.Stat(filepath.Join(dir, "templates")); err == nil {
		templates = filepath.Join(dir, "templates")
	}
	all := append([]string{"check", "-content", filepath.Join(dir, "content"), "-templates", templates, "-static", static}, args...)
	var out, errOut bytes.Buffer
	err = run(context.Background(), all, &out, &errOut)
	clean := func(s string) string { return strings.ReplaceAll(s, dir+string(filepath.Separator), "") }
	return clean(out.String()), clean(errOut.String()), err
}

// TestCheckReportsEachProblem has one case for every rule the issue lists,
// with the exact line check prints.
func TestCheckReportsEachProblem(t *testing.T) {
	note := func(replace ...string) map[string]string {
		return map[string]string{"content/codes/486.md": testFile(t, "codes/486.md", replace...)}
	}
	body := func(text string) map[string]string {
		return map[string]string{"content/codes/486.md": testFile(t, "codes/486.md") + "\n" + text + "\n"}
	}
	for _, tc := range []struct {
		name    string
		changes map[string]string
		want    string
	}{
		{"misspelt front matter key", note("related:", "relatd:"),
			`content/codes/486.md:11:1: unknown key "relatd"; did you mean "related"?`},
		{"unknown front matter key", note("senders:", "xyzzy: red\nsenders:"),
			`content/codes/486.md:4:1: unknown key "xyzzy" (known keys: [code requests senders headers related references example flow])`},
		{"wrong value type", note("code: 486", "code: busy"),
			`content/codes/486.md:2:7: want a whole number, got "busy"`},
		{"wrong value type in a list", note("requests: [INVITE]", "requests: {INVITE: yes}"),
			`content/codes/486.md:3:11: want a list, got a mapping`},
		{"unregistered code", map[string]string{"content/codes/487.md": "---\ncode: 487\n---\nBusy elsewhere.\n"},
			"content/codes/487.md:2:7: code 487 is not in the dataset (content/codes.yaml)"},
		{"file name disagrees with code", map[string]string{"content/codes/480.md": "---\ncode: 600\n---\nAway.\n"},
			"content/codes/480.md:2:7: code 600 does not match the file name 480.md"},
		{"duplicate code", map[string]string{"content/codes.yaml": testFile(t, "codes.yaml", "  - code: 600\n", "  - code: 486\n    reason: Busy Here\n    status: active\n    refs:\n      - rfc: 3261\n        section: \"21.4.24\"\n    summary: Again.\n  - code: 600\n")},
			"content/codes.yaml:18:11: code 486 is listed twice (first on line 10)"},
		{"empty note", map[string]string{"content/codes/480.md": "---\ncode: 480\n---\n\n  \n"},
			"content/codes/480.md:4:1: the note has no text after its front matter"},
		{"raw HTML", body("The phone is <b>busy</b>."),
			"content/codes/486.md:36:1: raw HTML is not allowed in notes; use Markdown"},
		{"broken link to a code", body("See [499](/499/)."),
			`content/codes/486.md:36:1: link "/499/": no page at /499/`},
		{"broken link to a class", body("See [7xx](/7xx/)."),
			`content/codes/486.md:36:1: link "/7xx/": no page at /7xx/`},
		{"broken link to a section", body("See [600](/600/#troubleshooting)."),
			`content/codes/486.md:36:1: link "/600/#troubleshooting": /600/ has no section #troubleshooting`},
		{"broken link to a section of the same page", body("See [below](#causes)."),
			`content/codes/486.md:36:1: link "#causes": /486/ has no section #causes`},
		{"heading skips a level", body("#### Details"),
			`content/codes/486.md:36:1: heading "Details" skips from level 2 to 4`},
		{"RFC section not cited for the code", body("See [RFC 3261 §8.1.3.5](rfc:3261#8.1.3.5)."),
			"content/codes/486.md:36:1: RFC 3261 §8.1.3.5 is not cited for this code; add it to references in the front matter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, err := runCheckIn(t, tree(t, tc.changes))
			if stdout != tc.want+"\n" {
				t.Errorf("check printed:\n%s\nwant exactly:\n%s", stdout, tc.want)
			}
			if !errors.As(err, new(problems)) || err.Error() != "check: 1 problem" || stderr != "" {
				t.Errorf("check returned %v (stderr %q), want 1 problem", err, stderr)
			}
		})
	}
}

// TestCheckReportsEverythingAtOnce breaks three files in three ways and
// expects all three problems, sorted, in one run.
func TestCheckReportsEverythingAtOnce(t *testing.T) {
	dir := tree(t, map[string]string{
		"content/codes/487.md": "---\ncode: 487\n---\nBusy elsewhere.\n",
		"content/codes/600.md": "---\ncode: 600\nsendrs: [uas]\n---\nEverywhere.\n",
		"content/codes/486.md": testFile(t, "codes/486.md", "## What the client", "#### What the client"),
	})
	copyDir(t, "../../templates", filepath.Join(dir, "templates"))
	code := filepath.Join(dir, "templates", "code.html")
	data, err := os.ReadFile(code)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(code, append([]byte("{{define \"x\"}}{{.Code\n{{end}}\n"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, _, err := runCheckIn(t, dir)
	want := `content/codes/486.md:23:1: heading "What the client does next" skips from level 2 to 4
content/codes/487.md:2:7: code 487 is not in the dataset (content/codes.yaml)
content/codes/600.md:3:1: unknown key "sendrs"; did you mean "senders"?
templates/code.html:2:1: unexpected "{" in operand
`
	if stdout != want {
		t.Errorf("check printed:\n%s\nwant:\n%s", stdout, want)
	}
	if err == nil || err.Error() != "check: 4 problems" {
		t.Errorf("check returned %v, want 4 problems", err)
	}
}

func TestCheckGitHubFormat(t *testing.T) {
	dir := tree(t, map[string]string{
		"content/codes/486.md": testFile(t, "codes/486.md", "related:", "relatd:"),
		"content/codes/487.md": "---\ncode: 487\n---\n100% <i>busy</i>, really: yes.\n",
	})
	stdout, _, err := runCheckIn(t, dir, "-format", "github")
	want := `::error file=content/codes/486.md,line=11,col=1::unknown key "relatd"; did you mean "related"?
::error file=content/codes/487.md,line=2,col=7::code 487 is not in the dataset (content/codes.yaml)
::error file=content/codes/487.md,line=4,col=1::raw HTML is not allowed in notes; use Markdown
`
	if stdout != want {
		t.Errorf("check -format github printed:\n%s\nwant:\n%s", stdout, want)
	}
	if err == nil {
		t.Error("check found nothing")
	}
	if got := githubLine(diagAt("a,b:c.md", 0, 0, "100% sure\nreally")); got != "::error file=a%2Cb%3Ac.md,line=1,col=1::100%25 sure%0Areally" {
		t.Errorf("escaping: %s", got)
	}
}

func TestCheckPassesGoodContent(t *testing.T) {
	stdout, stderr, err := runCheckIn(t, tree(t, nil))
	if err != nil || stdout != "no problems found\n" || stderr != "" {
		t.Errorf("check on good content: %v\nstdout %q\nstderr %q", err, stdout, stderr)
	}
}

func TestCheckUsage(t *testing.T) {
	for _, args := range [][]string{{"check", "extra"}, {"check", "-format", "xml"}, {"check", "-nope"}} {
		var out, errOut bytes.Buffer
		if err := run(context.Background(), args, &out, &errOut); !errors.As(err, new(usageError)) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
}

func diagAt(file string, line, col int, msg string) diag.Diagnostic {
	return diag.Diagnostic{File: file, Line: line, Col: col, Message: msg}
}
