package content

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/internal/rawfile/rawfiletest"
)

func TestLazyBodiesAreReadAgainAndChecked(t *testing.T) {
	t.Run("temp folder", func(t *testing.T) { testLazyBodies(t, t.TempDir()) })
	// tmpfs, where Load and Body read with direct system calls.
	t.Run("tmpfs", func(t *testing.T) { testLazyBodies(t, rawfiletest.MemoryDir(t)) })
}

func testLazyBodies(t *testing.T, dir string) {
	root := writeSiteIn(t, dir, map[string]string{
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

// TestKeptBodiesStayWithinTheBudget loads with room for some bodies: the
// pages kept hold their bodies, together no more than the budget, and are
// not read again; the others are dropped and read again when asked for.
func TestKeptBodiesStayWithinTheBudget(t *testing.T) {
	bodies := map[string]string{
		"content/a.md": "Alpha body.\n",
		"content/b.md": "Bravo body, a little longer.\n",
		"content/c.md": "Charlie.\n",
		"content/d.md": "Delta body, the longest of the four bodies.\n",
	}
	files := map[string]string{}
	total := 0
	for f, b := range bodies {
		files[f] = "+++\ntitle = \"T\"\n+++\n" + b
		total += len(b)
	}
	for _, budget := range []int64{0, 30, int64(total) - 1, int64(total)} {
		root := writeSite(t, files)
		var errs diag.List
		tree, err := Load(context.Background(), Options{Source: root, LazyBodies: true, KeptBodies: budget, Workers: 2}, &errs)
		if err != nil || errs.HasErrors() {
			t.Fatal(err, errs.Err())
		}
		kept, keptBytes := 0, int64(0)
		for f, want := range bodies {
			p, ok := tree.ByFile(f)
			if !ok {
				t.Fatalf("no page for %s", f)
			}
			if p.Body != nil {
				if string(p.Body) != want {
					t.Errorf("budget %d: %s kept %q, want %q", budget, f, p.Body, want)
				}
				kept++
				keptBytes += int64(len(p.Body))
			}
			// Edited after Load: a kept body is not read again, a
			// dropped one is and is refused.
			if err := os.WriteFile(filepath.Join(root, f), []byte("+++\ntitle = \"U\"\n+++\nEdited.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := tree.Body(p)
			switch {
			case p.Body != nil && (err != nil || string(got) != want):
				t.Errorf("budget %d: Body(%s) of a kept body = %q, %v; want %q", budget, f, got, err, want)
			case p.Body == nil && err == nil:
				t.Errorf("budget %d: Body(%s) of a dropped body read an edited file without an error", budget, f)
			}
		}
		if keptBytes > budget {
			t.Errorf("budget %d: %d bytes of bodies kept", budget, keptBytes)
		}
		if budget == int64(total) && kept != len(bodies) || budget == 0 && kept != 0 || budget == 30 && kept == 0 {
			t.Errorf("budget %d of %d bytes: %d of %d bodies kept", budget, total, kept, len(bodies))
		}
	}
}
