package content

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestParamsDecodesAgain: Tree.Params gives every page's front matter as
// Load decoded it (TOML, YAML, none; a body kept or read again), after the
// caller let Matter.Data go, and refuses a file that changed since.
func TestParamsDecodesAgain(t *testing.T) {
	files := map[string]string{
		"content/_index.md":          "+++\ntitle = \"Home\"\n+++\n",
		"content/toml.md":            "+++\ntitle = \"T\"\ndate = 2025-03-01\ntags = [\"a\", \"b\"]\n[budget]\ntotal = 1200\nitems = [{name = \"x\", n = 2.5}]\n+++\nBody.\n",
		"content/yaml.md":            "---\ntitle: Y\ndraft: false\nskills: [organising]\nnested:\n  deep: true\n---\nBody.\n",
		"content/bare.md":            "No front matter at all.\n",
		"content/leaders/a/index.md": "\ufeff+++\ntitle = \"BOM\"\n+++\nBody.\n",
	}
	for _, lazy := range []bool{false, true} {
		tree, errs := load(t, files, Options{LazyBodies: lazy, KeptBodies: 8})
		if errs.HasErrors() {
			t.Fatal(errs.Err())
		}
		for _, p := range tree.Pages {
			if p.File == "" {
				continue
			}
			want := p.Matter.Data
			p.Matter.Data = nil
			got, err := tree.Params(p)
			if err != nil {
				t.Fatalf("lazy=%v %s: %v", lazy, p.File, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("lazy=%v %s: Params = %#v, Load decoded %#v", lazy, p.File, got, want)
			}
		}
	}

	tree, _ := load(t, files, Options{LazyBodies: true})
	p, ok := tree.ByFile("content/toml.md")
	if !ok {
		t.Fatal("content/toml.md not loaded")
	}
	full := filepath.Join(tree.source, "content", "toml.md")
	if err := os.WriteFile(full, []byte("+++\ntitle = \"Changed\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := tree.Params(p); err == nil || !strings.Contains(err.Error(), "content/toml.md") || !strings.Contains(err.Error(), "changed") {
		t.Errorf("Params of a changed file = %v, want an error naming the file and saying it changed", err)
	}
}
