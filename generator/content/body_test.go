package content

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/diag"
)

func TestLazyBodiesAreReadAgainAndChecked(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/news/a.md": "+++\ntitle = \"A\"\n+++\nBody of *A*.\n",
		"content/news/b.md": "No front matter here.\n",
	})
	var errs diag.List
	tree, err := Load(context.Background(), Options{Source: root, LazyBodies: true}, &errs)
	if err != nil || errs.HasErrors() {
		t.Fatal(err, errs.Err())
	}
	for file, want := range map[string]string{
		"content/news/a.md": "Body of *A*.\n",
		"content/news/b.md": "No front matter here.\n",
	} {
		p, ok := tree.ByFile(file)
		if !ok {
			t.Fatalf("no page for %s", file)
		}
		if p.Body != nil {
			t.Errorf("%s: body held after Load", file)
		}
		got, err := tree.Body(p)
		if err != nil || string(got) != want {
			t.Errorf("Body(%s) = %q, %v; want %q", file, got, err, want)
		}
	}
	// A file edited after Load is not silently paired with old front matter.
	if err := os.WriteFile(filepath.Join(root, "content/news/a.md"), []byte("+++\ntitle = \"B\"\n+++\nOther.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, _ := tree.ByFile("content/news/a.md")
	if _, err := tree.Body(p); err == nil || !strings.Contains(err.Error(), "content/news/a.md") || !strings.Contains(err.Error(), "changed") {
		t.Errorf("Body of an edited file: err = %v; want a changed-file error naming it", err)
	}
}
