package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/sipcodes/sipcodes/internal/output"
)

func TestBrowserSeesServedPage(t *testing.T) {
	ctx := New(t)
	srv := Serve(t, output.Files{
		"index.html":     []byte(`<!doctype html><title>Home</title><h1>home</h1>`),
		"486/index.html": []byte(`<!doctype html><title>486</title><h1 id="h">busy</h1>`),
		"404.html":       []byte(`<!doctype html><title>Not found</title><h1 id="h">missing</h1>`),
	})
	var text string
	for path, want := range map[string]string{"/486": "busy", "/486/": "busy", "/499/": "missing"} {
		if err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+path), chromedp.Text("#h", &text)); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if text != want {
			t.Errorf("%s shows %q, want %q", path, text, want)
		}
	}
}
