package site

import "testing"

// TestCompiledTemplatesEqualHTMLTemplate builds whole sites twice, with
// the layout package's compiled executor and with html/template alone,
// and wants every output file byte for byte the same: the fixture sites,
// the example site and a generated program site, for the public and the
// team audience.
func TestCompiledTemplatesEqualHTMLTemplate(t *testing.T) {
	forFixtureSites(t, 300, 23, func(t *testing.T, opts Options) {
		compiledOut, _ := build(t, opts.Source, opts)
		opts.interpret = true
		interpretedOut, _ := build(t, opts.Source, opts)
		sameTrees(t, readTree(t, compiledOut), readTree(t, interpretedOut), "compiled build (the other: html/template's)")
	})
}
