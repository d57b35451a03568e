package build

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/sipcodes/sipcodes/internal/synth"
)

// BenchmarkBuildSynthetic builds generated sites of 1,000 and 10,000 code
// pages (package synth) in memory. In short mode only the smaller one is
// built.
func BenchmarkBuildSynthetic(b *testing.B) {
	sizes := []int{1000, 10000}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, pages := range sizes {
		b.Run(fmt.Sprint(pages), func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "content")
			if err := synth.Write("../../content", dir, pages); err != nil {
				b.Fatal(err)
			}
			cfg := benchConfig()
			cfg.Content = os.DirFS(dir)
			cfg.Synthetic = true
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Build(cfg); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
