package build

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
	"github.com/sipcodes/sipcodes/internal/check"
)

type netlifyConfig struct {
	Build struct {
		Command string            `toml:"command"`
		Publish string            `toml:"publish"`
		Env     map[string]string `toml:"environment"`
	} `toml:"build"`
	Headers []struct {
		For    string            `toml:"for"`
		Values map[string]string `toml:"values"`
	} `toml:"headers"`
	Redirects []struct {
		From   string `toml:"from"`
		To     string `toml:"to"`
		Status int    `toml:"status"`
	} `toml:"redirects"`
}

// TestNetlifyPolicy reads netlify.toml and checks the security headers the
// site relies on, then checks the built site against that policy: no
// inline script or style, and every script a file of the site.
func TestNetlifyPolicy(t *testing.T) {
	data, err := os.ReadFile("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg netlifyConfig
	if err := toml.Unmarshal(data, &cfg); err != nil {
		t.Fatalf("netlify.toml: %v", err)
	}
	if cfg.Build.Publish != "site" || !strings.Contains(cfg.Build.Command, "./cmd/sipcodes build") {
		t.Errorf("build = %+v", cfg.Build)
	}
	goVersion := regexp.MustCompile(`(?m)^go (\S+)`).FindSubmatch(mustRead(t, "../../go.mod"))
	if cfg.Build.Env["GO_VERSION"] != string(goVersion[1]) {
		t.Errorf("GO_VERSION %q, go.mod says %s", cfg.Build.Env["GO_VERSION"], goVersion[1])
	}
	all := map[string]string{}
	immutable := []string{}
	for _, h := range cfg.Headers {
		if h.For == "/*" {
			all = h.Values
		}
		if strings.Contains(h.Values["Cache-Control"], "immutable") {
			immutable = append(immutable, h.For)
		}
	}
	csp := all["Content-Security-Policy"]
	directives := map[string]string{}
	for _, d := range strings.Split(csp, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		directives[name] = value
	}
	for name, want := range map[string]string{
		"default-src": "'self'", "script-src": "'self'", "style-src": "'self'",
		"object-src": "'none'", "base-uri": "'none'", "frame-ancestors": "'none'", "form-action": "'self'",
	} {
		if directives[name] != want {
			t.Errorf("CSP %s = %q, want %q", name, directives[name], want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("CSP allows unsafe sources: %s", csp)
	}
	for name, want := range map[string]string{
		"X-Content-Type-Options":    "nosniff",
		"X-Frame-Options":           "DENY",
		"Referrer-Policy":           "strict-origin-when-cross-origin",
		"Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload",
	} {
		if all[name] != want {
			t.Errorf("%s = %q, want %q", name, all[name], want)
		}
	}
	if all["Permissions-Policy"] == "" {
		t.Error("no Permissions-Policy")
	}
	if !slices.Contains(immutable, "/*.css") || !slices.Contains(immutable, "/*.js") {
		t.Errorf("immutable caching only for %v", immutable)
	}
	if n := len(cfg.Redirects); n == 0 || cfg.Redirects[n-1].To != "/404.html" || cfg.Redirects[n-1].Status != 404 {
		t.Errorf("the last redirect must send everything else to /404.html with 404: %+v", cfg.Redirects)
	}

	res, err := Build(config("../../content", true))
	if err != nil {
		t.Fatal(err)
	}
	if diags := check.NoScript(res.Files); diags != nil {
		t.Errorf("the built site breaks the policy:\n%v", diags)
	}
	if diags := check.SiteLinks(res.Files); diags != nil {
		t.Errorf("a referenced file is missing:\n%v", diags)
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
