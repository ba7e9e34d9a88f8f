package site

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sineng/sineng/generator/markdown"
)

// TestEarlyConversionChangesNoOutput builds sites twice: once with the
// helper converting every page it may while assembly runs (early.go), once
// with it converting none, compares every output byte and wants no empty
// folder in either. Under the race
// detector (make race) the first build is also the check that the helper
// reads nothing assembly writes. It checks too that the helper did convert
// pages, and none that may call a shortcode, and none of a build that does
// not stream (the example site has layouts of its own).
func TestEarlyConversionChangesNoOutput(t *testing.T) {
	forFixtureSites(t, 200, 7, func(t *testing.T, opts Options) {
		opts.Out = filepath.Join(t.TempDir(), "early")
		opts.early = earlyAll
		b, _, err := runBuild(t.Context(), opts, false)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case b.streams() && len(b.early.done) == 0:
			t.Fatal("the helper converted no page")
		case !b.streams() && len(b.early.done) > 0:
			// A site with templates of its own renders after conversion,
			// on one goroutine: nothing to overlap.
			t.Fatalf("the helper converted %d pages of a build that does not stream", len(b.early.done))
		}
		for _, st := range b.early.done {
			data, err := os.ReadFile(filepath.Join(opts.Source, filepath.FromSlash(st.page.File)))
			if err != nil {
				t.Fatal(err)
			}
			if markdown.HasShortcode(data) {
				t.Errorf("%s may call a shortcode but was converted early", st.page.File)
			}
		}
		earlyOut := opts.Out

		opts.Out = filepath.Join(t.TempDir(), "late")
		opts.early = earlyNone
		lateOut, _ := build(t, opts.Source, opts)
		sameTrees(t, readTree(t, earlyOut), readTree(t, lateOut), "build with early conversion")
		// The helper makes most folders before the views: none may be
		// left without its page (a leader's moved portfolio, say).
		checkNoEmptyFolders(t, earlyOut, "the build with early conversion")
		checkNoEmptyFolders(t, lateOut, "the build without")
	})
}
