package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipcodes/sipcodes/internal/synth"
)

// TestSyntheticContent builds the generated content of the scaling
// benchmarks: refused as it stands, since its codes have four digits, and
// built, every code with its page, once Synthetic admits them.
func TestSyntheticContent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	const pages = 150
	if err := synth.Write("../../content", dir, pages); err != nil {
		t.Fatal(err)
	}
	cfg := benchConfig()
	cfg.Content = os.DirFS(dir)
	if _, err := Build(cfg); err == nil || !strings.Contains(err.Error(), "outside 100-699") {
		t.Errorf("real rules: Build = %v, want the code range refused", err)
	}
	cfg.Synthetic = true
	res, err := Build(cfg)
	if err != nil {
		t.Fatalf("synthetic: %v", err)
	}
	if len(res.Site.Codes) != pages {
		t.Errorf("%d codes, want %d", len(res.Site.Codes), pages)
	}
	for _, c := range res.Site.Codes {
		if _, ok := res.Files[c.Code.String()+"/index.html"]; !ok {
			t.Errorf("code %s has no page", c.Code)
		}
	}
}
