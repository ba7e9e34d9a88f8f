package output

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestRemoveStale(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "public")
	writeTree(t, base, map[string]string{
		"public/index.html":       "home",
		"public/a/keep.html":      "keep",
		"public/a/b/old.html":     "old",
		"public/x/y/z.html":       "z",
		"outside/secret.txt":      "secret",
		"outside/sub/stale.html":  "not ours",
		"public/empty-before/.ok": "",
	})
	if err := os.Remove(filepath.Join(out, "empty-before", ".ok")); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{
		"public/link-out":  filepath.Join(base, "outside"),
		"public/kept-link": filepath.Join(base, "outside", "sub"),
	} {
		if err := os.Symlink(target, filepath.Join(base, link)); err != nil {
			t.Skip(err)
		}
	}
	outsideBefore := snapshot(t, filepath.Join(base, "outside"))

	keep := map[string]bool{"index.html": true, "a/keep.html": true, "kept-link": true}
	var asked []string
	root, err := os.OpenRoot(out)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	removed, err := removeStale(root, func(rel string) bool {
		asked = append(asked, rel)
		return keep[rel]
	})
	if err != nil {
		t.Fatal(err)
	}

	wantRemoved := []string{"a/b/", "a/b/old.html", "link-out", "x/", "x/y/", "x/y/z.html"}
	if !slices.Equal(removed, wantRemoved) {
		t.Errorf("removed = %v, want %v", removed, wantRemoved)
	}
	if got := readTree(t, out); !maps.Equal(got, map[string]string{"index.html": "home", "a/keep.html": "keep"}) {
		t.Errorf("left = %v", got)
	}
	if _, err := os.Lstat(filepath.Join(out, "kept-link")); err != nil {
		t.Errorf("kept symlink removed: %v", err)
	}
	if _, err := os.Lstat(filepath.Join(out, "empty-before")); err != nil {
		t.Errorf("a folder that was empty before was removed: %v", err)
	}
	if after := snapshot(t, filepath.Join(base, "outside")); !maps.Equal(outsideBefore, after) {
		t.Errorf("files outside out changed:\nbefore %v\nafter  %v", outsideBefore, after)
	}
	for _, rel := range asked {
		if rel == "kept-link/stale.html" || rel == "link-out/secret.txt" {
			t.Errorf("removeStale followed a symlink: asked about %s", rel)
		}
	}
}
