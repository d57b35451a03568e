package serve

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/sipcodes/sipcodes/internal/browsertest"
	"github.com/sipcodes/sipcodes/internal/build"
	"github.com/sipcodes/sipcodes/internal/highlight"
	"github.com/sipcodes/sipcodes/internal/output"
)

// sourceSite copies the test content and the real templates and static
// files into a temporary folder, and returns a server building from it.
// SIPCODES_SERVE_CONTENT names other content to copy, such as
// ../../content to time the live reload on the real site.
func sourceSite(t *testing.T) (*Server, string) {
	t.Helper()
	dir := t.TempDir()
	content := "../build/testdata/content"
	if c := os.Getenv("SIPCODES_SERVE_CONTENT"); c != "" {
		content = c
	}
	for src, dst := range map[string]string{content: "content", "../../templates": "templates", "../../static": "static"} {
		if err := os.CopyFS(filepath.Join(dir, dst), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	cfg := build.Config{
		Content:       HideEditorFiles(os.DirFS(filepath.Join(dir, "content"))),
		Templates:     HideEditorFiles(os.DirFS(filepath.Join(dir, "templates"))),
		Static:        HideEditorFiles(os.DirFS(filepath.Join(dir, "static"))),
		ContentName:   "content",
		TemplatesName: "templates",
		BaseURL:       "https://example.com",
		Minify:        true,
	}
	// As serve does: a preview that rebuilds only what a note's text
	// touches, told which files changed inside the content folder.
	cfg.Highlighter = highlight.New()
	preview := build.NewPreview(cfg)
	s := New(Config{
		Build: func(changed []string) (output.Files, error) {
			res, err := preview.Rebuild(Within(filepath.Join(dir, "content"), changed))
			if err != nil {
				return nil, err
			}
			return res.Files, nil
		},
		Watch: []string{filepath.Join(dir, "content"), filepath.Join(dir, "templates"), filepath.Join(dir, "static")},
	})
	if err := s.Rebuild(); err != nil {
		t.Fatalf("first build: %v", err)
	}
	return s, dir
}

// waitFor evaluates a JavaScript condition in the page until it holds.
// Errors while the page reloads are expected and retried.
func waitFor(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		var ok bool
		if err := chromedp.Run(ctx, chromedp.Evaluate(cond, &ok)); err == nil && ok {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	var body string
	_ = chromedp.Run(ctx, chromedp.Evaluate(`document.body ? document.body.innerText : ""`, &body))
	t.Fatalf("waiting for %s: %s never held; the page shows:\n%s", what, cond, body)
}

func bodyHas(s string) string {
	return fmt.Sprintf(`!!document.body && document.body.innerText.includes(%q)`, s)
}

// TestBrowserLiveReload drives the preview as a writer does: open a page,
// edit its note, see the change arrive; break the note, see the error
// overlay; fix it, see the page come back. It measures the time from each
// save to the moment the page hears of the new build.
func TestBrowserLiveReload(t *testing.T) {
	ctx := browsertest.New(t)
	s, dir := sourceSite(t)
	base, stop := start(t, s)
	note := filepath.Join(dir, "content", "codes", "486.md")
	orig, err := os.ReadFile(note)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"/486/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the page", bodyHas("Busy Here"))
	var took []time.Duration
	for i := range 9 {
		// Let the page's event stream connect before saving.
		time.Sleep(150 * time.Millisecond)
		marker := fmt.Sprintf("edit number %d", i)
		edited := string(orig) + "\nA paragraph added by " + marker + ".\n"
		saved := time.Now()
		if err := os.WriteFile(note, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the edit", bodyHas(marker))
		var at string
		if err := chromedp.Run(ctx, chromedp.Evaluate(`sessionStorage.getItem("sipcodes-live-reload") || ""`, &at)); err != nil {
			t.Fatal(err)
		}
		ms, err := strconv.ParseInt(at, 10, 64)
		if err != nil {
			t.Fatalf("reload.js left no time of the reload: %q", at)
		}
		took = append(took, time.UnixMilli(ms).Sub(saved))
	}
	// A page that is up to date stays put: no reload without a build.
	var before, after string
	_ = chromedp.Run(ctx, chromedp.Evaluate(`sessionStorage.getItem("sipcodes-live-reload")`, &before))
	time.Sleep(500 * time.Millisecond)
	_ = chromedp.Run(ctx, chromedp.Evaluate(`sessionStorage.getItem("sipcodes-live-reload")`, &after))
	if before != after {
		t.Error("the page reloaded with no change to the site")
	}
	slices.Sort(took)
	t.Logf("save to reload event in the browser, over %d saves: median %s (min %s, max %s)",
		len(took), took[len(took)/2].Round(time.Millisecond), took[0].Round(time.Millisecond), took[len(took)-1].Round(time.Millisecond))
	if os.Getenv("SIPCODES_SERVE_CONTENT") != "" {
		return // timing other content: the rest expects the test notes
	}

	// A misspelt key: the overlay shows the check's message, the last good
	// page stays behind it.
	time.Sleep(150 * time.Millisecond)
	broken := strings.Replace(string(orig), "related:", "relatd:", 1)
	if err := os.WriteFile(note, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	// The overlay is read by script, not by node: a rebuild may replace
	// it between the moment it appears and the moment it is read.
	want := `content/codes/486.md:11:1: unknown key "relatd"; did you mean "related"?`
	var msg string
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		err := chromedp.Run(ctx, chromedp.Evaluate(`(document.querySelector(".sipcodes-live-error pre") || {}).textContent || ""`, &msg))
		if (err == nil && strings.Contains(msg, want)) || time.Now().After(deadline) {
			break
		}
	}
	if !strings.Contains(msg, want) {
		t.Errorf("overlay shows %q, want %q", msg, want)
	}
	waitFor(t, ctx, "the last good page behind the overlay", bodyHas("Busy Here"))

	// Fixed: the overlay goes and the page is back.
	time.Sleep(150 * time.Millisecond)
	if err := os.WriteFile(note, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "recovery", `!document.querySelector(".sipcodes-live-error") && `+bodyHas("The phone is in use."))
	if err := stop(); err != nil {
		t.Errorf("Run: %v", err)
	}
}

// TestSymlinkNeverServed puts a symbolic link to a file outside the site in
// the static folder: the build refuses it, and the server never serves it.
func TestSymlinkNeverServed(t *testing.T) {
	s, dir := sourceSite(t)
	secretFile := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(secretFile, []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secretFile, filepath.Join(dir, "static", "secret.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := s.Rebuild(); err == nil {
		t.Error("a build with a symbolic link in static succeeded")
	}
	h := s.Handler("8080")
	for _, p := range []string{"/secret.txt", "/static/secret.txt", "/486/"} {
		rec := get(t, h, p, "127.0.0.1:8080")
		if strings.Contains(rec.Body.String(), secret) {
			t.Errorf("%s served the symbolic link's target", p)
		}
	}
}
