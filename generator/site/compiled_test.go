package site

import (
	"bytes"
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/corpus"
)

// TestCompiledTemplatesEqualHTMLTemplate builds whole sites twice, with
// the layout package's compiled executor and with html/template alone,
// and wants every output file byte for byte the same: the fixture sites,
// the example site and a generated program site, for the public and the
// team audience.
func TestCompiledTemplatesEqualHTMLTemplate(t *testing.T) {
	gen := filepath.Join(scratchDir(t), "generated")
	if _, err := corpus.Generate(gen, corpus.Options{Pages: 300, Seed: 23}); err != nil {
		t.Fatal(err)
	}
	sites := map[string]string{
		"basic":     filepath.Join("testdata", "sites", "basic"),
		"bilingual": filepath.Join("testdata", "sites", "bilingual"),
		"program":   filepath.Join("testdata", "sites", "program"),
		"example":   filepath.Join("..", ".."),
		"generated": gen,
	}
	for _, name := range slices.Sorted(maps.Keys(sites)) {
		for _, level := range []audience.Level{audience.Public, audience.Team} {
			t.Run(name+"/"+level.String(), func(t *testing.T) {
				opts := Options{Audience: level, AudienceSet: true, Drafts: true, Future: true, Now: exampleNow}
				compiledOut, _ := build(t, sites[name], opts)
				opts.interpret = true
				interpretedOut, _ := build(t, sites[name], opts)
				compiled, interpreted := readTree(t, compiledOut), readTree(t, interpretedOut)
				if len(compiled) != len(interpreted) {
					t.Errorf("compiled build wrote %d files, html/template %d", len(compiled), len(interpreted))
				}
				for rel, want := range interpreted {
					if got, ok := compiled[rel]; !ok {
						t.Errorf("%s: missing from the compiled build", rel)
					} else if !bytes.Equal(got, want) {
						t.Errorf("%s: compiled output differs from html/template's (%d vs %d bytes)", rel, len(got), len(want))
					}
				}
			})
		}
	}
}
