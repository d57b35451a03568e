package build

import (
	"bytes"
	"regexp"
	"runtime"
	"testing"
	"time"

	"golang.org/x/mod/semver"
)

// TestBuildIsByteIdentical builds under one core and in UTC, then under
// every core in another time zone, and expects the same bytes.
func TestBuildIsByteIdentical(t *testing.T) {
	build := func(procs int, zone *time.Location) map[string][]byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		old := time.Local
		time.Local = zone
		defer func() { time.Local = old }()
		res, err := Build(config("../../content", true))
		if err != nil {
			t.Fatal(err)
		}
		return res.Files
	}
	a := build(1, time.UTC)
	b := build(max(4, runtime.NumCPU()), time.FixedZone("UTC+14", 14*3600))
	if len(a) != len(b) {
		t.Fatalf("%d files against %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between builds", name)
		}
	}
}

// TestCachedPartialsChangeNothing renders every {{cached}} partial afresh
// on every call and expects the same site: a cached partial shows only
// its data, so a page that reused another page's copy must not differ.
func TestCachedPartialsChangeNothing(t *testing.T) {
	cfg := config("../../content", true)
	cached, err := Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.uncachedPartials = true
	uncached, err := Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(cached.Files) != len(uncached.Files) {
		t.Fatalf("%d files against %d", len(cached.Files), len(uncached.Files))
	}
	for name, data := range uncached.Files {
		if !bytes.Equal(data, cached.Files[name]) {
			t.Errorf("%s differs when partials are cached", name)
		}
	}
}

// TestGoldmarkVersion guards against a downgrade to a goldmark that lets
// some encoded javascript: links and SVG data URLs through (before 1.8.4).
func TestGoldmarkVersion(t *testing.T) {
	m := regexp.MustCompile(`(?m)^\s*github\.com/yuin/goldmark (v\S+)`).FindSubmatch(mustRead(t, "../../go.mod"))
	if m == nil {
		t.Fatal("go.mod does not require goldmark")
	}
	if v := string(m[1]); semver.Compare(v, "v1.8.4") < 0 {
		t.Errorf("goldmark %s is older than v1.8.4", v)
	}
}
