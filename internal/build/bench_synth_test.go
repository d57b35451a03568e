package build

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/yuin/goldmark"

	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/par"
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

// BenchmarkFloor times, on the real site and the generated ones, the two
// libraries every page must go through, each alone and at its fastest:
// goldmark with its default options converting every note's body, and
// html/template running the page templates again with every memo warm
// (shared partials, highlighted blocks). A build on the same processors
// cannot take less than the two together, whatever the rest of it does.
func BenchmarkFloor(b *testing.B) {
	sites := []struct {
		name  string
		pages int // 0 is the real content
	}{{"real", 0}, {"1000", 1000}, {"10000", 10000}}
	if testing.Short() {
		sites = sites[:2]
	}
	for _, sz := range sites {
		dir := "../../content"
		if sz.pages > 0 {
			dir = filepath.Join(b.TempDir(), "content")
			if err := synth.Write("../../content", dir, sz.pages); err != nil {
				b.Fatal(err)
			}
		}
		opt := content.Options{Synthetic: sz.pages > 0}
		b.Run("goldmark/"+sz.name, func(b *testing.B) {
			c, diags := content.LoadWith(os.DirFS(dir), "content", opt)
			if diags != nil {
				b.Fatal(diags.Err())
			}
			md := goldmark.New()
			b.ReportAllocs()
			for b.Loop() {
				par.For(len(c.Notes), func(i int) {
					if err := md.Convert(c.Notes[i].Body, io.Discard); err != nil {
						b.Error(err)
					}
				})
			}
			b.ReportMetric(float64(len(c.Notes))*float64(b.N)/b.Elapsed().Seconds(), "notes/s")
		})
		b.Run("templates/"+sz.name, func(b *testing.B) {
			cfg := benchConfig()
			cfg.Content = os.DirFS(dir)
			cfg.Synthetic = opt.Synthetic
			res, err := Build(cfg)
			if err != nil {
				b.Fatal(err)
			}
			renderAgain(b, res.Site)
			b.ReportMetric(float64(len(res.Site.Codes))*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
