package output

import (
	"errors"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestCopyFileLinksFromPreviousOutputNeverFromSource(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "public")
	src := filepath.Join(base, "static", "logo.png")
	writeTree(t, base, map[string]string{"static/logo.png": "png bytes"})
	if err := os.Chmod(src, 0o755); err != nil {
		t.Fatal(err)
	}

	copyOnce := func() Stats {
		s, err := Open(out, Options{Source: base})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.CopyFile("img/logo.png", src, "static/logo.png"); err != nil {
			t.Fatal(err)
		}
		stats, err := s.Commit()
		if err != nil {
			t.Fatal(err)
		}
		return stats
	}

	first := copyOnce()
	dst := filepath.Join(out, "img", "logo.png")
	if !reflect.DeepEqual(first, Stats{Copied: 1, Bytes: 9, Changed: []string{"img/logo.png"}}) {
		t.Errorf("first stats = %+v, want one copy of 9 bytes", first)
	}
	firstInfo := lstat(t, dst)
	if os.SameFile(firstInfo, lstat(t, src)) {
		t.Fatal("the output file is the source file (hard-linked)")
	}
	if perm := firstInfo.Mode().Perm(); perm&0o111 != 0 || perm&0o600 != 0o600 {
		t.Errorf("copied mode = %v, want 0644 without exec bits", perm)
	}

	second := copyOnce()
	if !reflect.DeepEqual(second, Stats{Unchanged: 1}) {
		t.Errorf("second stats = %+v, want one unchanged", second)
	}
	if !os.SameFile(firstInfo, lstat(t, dst)) {
		t.Error("unchanged static file was copied again, want it linked from the previous output")
	}
	if os.SameFile(lstat(t, dst), lstat(t, src)) {
		t.Error("the output file is the source file (hard-linked)")
	}

	writeTree(t, base, map[string]string{"static/logo.png": "PNG bytes"}) // same size
	third := copyOnce()
	if third.Copied != 1 || readTree(t, out)["img/logo.png"] != "PNG bytes" {
		t.Errorf("changed static file: stats %+v, output %q", third, readTree(t, out)["img/logo.png"])
	}
}

func TestCopyFileRejectsNonRegularSource(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "public"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	if err := s.CopyFile("x", t.TempDir(), "static/x"); err == nil || !strings.Contains(err.Error(), "output: copy x") {
		t.Errorf("copying a folder = %v, want an error", err)
	}
	if err := s.CopyFile("y", filepath.Join(t.TempDir(), "missing"), "static/y"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("copying a missing file = %v, want ErrNotExist", err)
	}
}

func TestCopyDirSkipsSymlinksAndSkipped(t *testing.T) {
	base := t.TempDir()
	static := filepath.Join(base, "static")
	writeTree(t, base, map[string]string{
		"static/css/site.css":     "css",
		"static/robots.txt":       "robots",
		"static/draft.psd":        "psd",
		"static/private/key.txt":  "secret",
		"outside/passwd":          "root",
		"outside/dir/file.txt":    "outside",
		"static/fonts/a.woff2":    "font",
		"static/fonts/b/c.woff2":  "font c",
		"static/.well-known/x.js": "x",
	})
	for link, target := range map[string]string{
		"static/passwd-link": filepath.Join(base, "outside", "passwd"),
		"static/dir-link":    filepath.Join(base, "outside", "dir"),
		"static/css/rel":     "site.css",
	} {
		if err := os.Symlink(target, filepath.Join(base, link)); err != nil {
			t.Skip(err)
		}
	}
	out := filepath.Join(base, "public")
	s, err := Open(out, Options{Source: base})
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	skip := func(rel string) bool {
		seen = append(seen, rel)
		return path.Ext(rel) == ".psd" || rel == "private"
	}
	if err := s.CopyDir(static, "assets", "static", skip); err != nil {
		t.Fatal(err)
	}
	stats, err := s.Commit()
	if err != nil {
		t.Fatal(err)
	}

	want := map[string]string{
		"assets/css/site.css":     "css",
		"assets/robots.txt":       "robots",
		"assets/fonts/a.woff2":    "font",
		"assets/fonts/b/c.woff2":  "font c",
		"assets/.well-known/x.js": "x",
	}
	tree := snapshot(t, out)
	if got := readTree(t, out); !maps.Equal(got, want) {
		t.Errorf("output = %v, want %v", got, want)
	}
	for rel, e := range tree {
		if !e.mode.IsRegular() && !e.mode.IsDir() {
			t.Errorf("%s has mode %v, want only files and folders", rel, e.mode)
		}
	}
	if stats.Copied != len(want) {
		t.Errorf("stats = %+v, want %d copied", stats, len(want))
	}
	if slices.Contains(seen, "private/key.txt") {
		t.Error("skip was asked about a file inside a skipped folder")
	}
}

func TestCopyDirReportsEveryProblem(t *testing.T) {
	base := t.TempDir()
	writeTree(t, base, map[string]string{"a/x.css": "1", "a/y.css": "2", "b/x.css": "3", "b/y.css": "4"})
	s, err := Open(filepath.Join(base, "public"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	if err := s.CopyDir(filepath.Join(base, "a"), "", "themes/t/static", nil); err != nil {
		t.Fatal(err)
	}
	err = s.CopyDir(filepath.Join(base, "b"), ".", "static", nil)
	for _, want := range []string{"x.css", "y.css", "themes/t/static/x.css", "static/y.css"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not mention %s", err, want)
		}
	}
}
