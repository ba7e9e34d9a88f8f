package output

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sineng/sineng/generator/diag"
)

func TestFirstBuildCreatesOut(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	files := map[string]string{"index.html": "home", "projects/x/index.html": "x"}

	stats := build(t, out, files)

	if got := readTree(t, out); !maps.Equal(got, files) {
		t.Errorf("output = %v, want %v", got, files)
	}
	if want := (Stats{Written: 2, Bytes: 5, Changed: []string{"index.html", "projects/x/index.html"}}); !reflect.DeepEqual(stats, want) {
		t.Errorf("stats = %+v, want %+v", stats, want)
	}
	if got := names(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("parent holds %v, want only public (no stage left behind)", got)
	}
	if perm := lstat(t, out).Mode().Perm(); perm&0o755 != 0o755 {
		t.Errorf("output folder mode = %v, want readable by all", perm)
	}
}

func TestSecondBuildLinksUnchangedAndDropsStale(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	build(t, out, map[string]string{"same.html": "same", "changed.html": "old", "gone/old.html": "stale"})
	sameBefore := lstat(t, filepath.Join(out, "same.html"))
	changedBefore := lstat(t, filepath.Join(out, "changed.html"))

	next := map[string]string{"same.html": "same", "changed.html": "new!", "added.html": "added"}
	stats := build(t, out, next)

	if got := readTree(t, out); !maps.Equal(got, next) {
		t.Errorf("output = %v, want %v", got, next)
	}
	if !os.SameFile(sameBefore, lstat(t, filepath.Join(out, "same.html"))) {
		t.Error("unchanged file was rewritten, want the same inode hard-linked")
	}
	if os.SameFile(changedBefore, lstat(t, filepath.Join(out, "changed.html"))) {
		t.Error("changed file kept its old inode")
	}
	if _, err := os.Lstat(filepath.Join(out, "gone")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale folder still there (err %v)", err)
	}
	if want := (Stats{Written: 2, Unchanged: 1, Bytes: 9, Changed: []string{"added.html", "changed.html"}}); !reflect.DeepEqual(stats, want) {
		t.Errorf("stats = %+v, want %+v", stats, want)
	}
	if got := names(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("parent holds %v, want only public", got)
	}
}

func TestSameSizeDifferentBytesIsWritten(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, map[string]string{"a.html": "abcd"})
	before := lstat(t, filepath.Join(out, "a.html"))

	stats := build(t, out, map[string]string{"a.html": "abce"})

	if os.SameFile(before, lstat(t, filepath.Join(out, "a.html"))) || stats.Unchanged != 0 {
		t.Errorf("equal size but different bytes was linked (stats %+v)", stats)
	}
	if got := readTree(t, out)["a.html"]; got != "abce" {
		t.Errorf("a.html = %q, want abce", got)
	}
}

func TestAbortLeavesPreviousOutput(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	build(t, out, map[string]string{"same.html": "same", "changed.html": "old", "dir/kept.html": "kept"})
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, rel := range []string{"same.html", "changed.html", "dir/kept.html"} {
		if err := os.Chtimes(filepath.Join(out, rel), old, old); err != nil {
			t.Fatal(err)
		}
	}
	before := snapshot(t, out)

	s, err := Open(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for rel, data := range map[string]string{"same.html": "same", "changed.html": "new", "other.html": "x"} {
		if err := s.WriteFile(rel, []byte(data), "content/"+rel); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Abort(); err != nil {
		t.Fatal(err)
	}

	after := snapshot(t, out)
	if !maps.Equal(before, after) {
		t.Errorf("output changed by an aborted build:\nbefore %v\nafter  %v", before, after)
	}
	if got := names(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("parent holds %v, want only public", got)
	}
	if err := s.Abort(); err != nil {
		t.Errorf("second Abort = %v, want nil", err)
	}
}

func TestStageEndsAfterCommit(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	s, err := Open(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteFile("a.html", []byte("a"), "a.md"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := s.Abort(); err != nil {
		t.Errorf("Abort after Commit = %v, want nil", err)
	}
	if got := readTree(t, out); got["a.html"] != "a" {
		t.Errorf("Abort after Commit changed the output: %v", got)
	}
	if err := s.WriteFile("b.html", []byte("b"), "b.md"); err == nil {
		t.Error("WriteFile after Commit succeeded, want an error")
	}
	if _, err := s.Commit(); err == nil {
		t.Error("second Commit succeeded, want an error")
	}
	if !s.Has("a.html") || s.Has("b.html") {
		t.Errorf("Has(a.html) = %v, Has(b.html) = %v; want true, false", s.Has("a.html"), s.Has("b.html"))
	}
}

func TestOpenRefuses(t *testing.T) {
	base := t.TempDir()
	site := filepath.Join(base, "site")
	home := filepath.Join(base, "home", "me")
	writeTree(t, base, map[string]string{
		"site/content/_index.md": "",
		"site/static/logo.png":   "",
		"afile":                  "x",
		"repo/.git/HEAD":         "ref",
		"home/me/.profile":       "",
	})
	t.Setenv("HOME", home)

	tests := []struct {
		name, out, source string
	}{
		{"root", "/", ""},
		{"home", home, ""},
		{"folder containing home", filepath.Join(base, "home"), ""},
		{"equal to source", site, site},
		{"equal to source, other spelling", filepath.Join(site, "content", ".."), site},
		{"contains source", base, site},
		{"inside content", filepath.Join(site, "content", "public"), site},
		{"equal to static", filepath.Join(site, "static"), site},
		{"inside themes, not yet made", filepath.Join(site, "themes", "x", "public"), site},
		{"a file", filepath.Join(base, "afile"), ""},
		{"holds .git", filepath.Join(base, "repo"), ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(tt.out, Options{Source: tt.source})
			if err == nil {
				s.Abort()
				t.Fatalf("Open(%q) succeeded, want refusal", tt.out)
			}
			if !errors.Is(err, ErrRefused) {
				t.Errorf("Open(%q) = %v, want ErrRefused", tt.out, err)
			}
		})
	}
	if _, err := os.Lstat(filepath.Join(site, "themes")); !errors.Is(err, os.ErrNotExist) {
		t.Error("a refused Open created folders inside the source")
	}

	t.Run("public inside the site is fine", func(t *testing.T) {
		s, err := Open(filepath.Join(site, "public"), Options{Source: site})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Abort(); err != nil {
			t.Fatal(err)
		}
	})
}

func TestOpenResolvesSymlinkedOut(t *testing.T) {
	base := t.TempDir()
	target := filepath.Join(base, "target")
	writeTree(t, target, map[string]string{"old.html": "old"})
	link := filepath.Join(base, "public")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	build(t, link, map[string]string{"new.html": "new"})

	if info := lstat(t, link); info.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink at out was replaced by a folder")
	}
	if got := readTree(t, target); !maps.Equal(got, map[string]string{"new.html": "new"}) {
		t.Errorf("symlink target = %v, want only new.html", got)
	}
}

func TestWriteFileRejectsUnsafePaths(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	s, err := Open(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	for _, rel := range []string{"../x", "/etc/passwd", "a/../../x", "a/../b", "..", "", ".", "./", "a/", `a\b`, "a\x00b"} {
		err := s.WriteFile(rel, []byte("x"), "content/x.md")
		if !errors.Is(err, ErrUnsafePath) {
			t.Errorf("WriteFile(%q) = %v, want ErrUnsafePath", rel, err)
		}
		if err := s.CopyFile(rel, "/dev/null", "static/x"); !errors.Is(err, ErrUnsafePath) {
			t.Errorf("CopyFile(%q) = %v, want ErrUnsafePath", rel, err)
		}
	}
	for rel, want := range map[string]string{"./a.html": "a.html", "b//c.html": "b/c.html"} {
		if err := s.WriteFile(rel, []byte("x"), "content/x.md"); err != nil {
			t.Errorf("WriteFile(%q) = %v, want it cleaned to %s", rel, err, want)
		}
		if !s.Has(want) {
			t.Errorf("Has(%q) = false after writing %q", want, rel)
		}
	}
	if got := names(t, filepath.Dir(out)); len(got) != 1 {
		t.Errorf("parent holds %v, want only the stage", got)
	}
}

func TestTwoWritesToOneRelNameBothSources(t *testing.T) {
	tests := []struct {
		name   string
		second func(s *Stage) error
	}{
		{"write then write", func(s *Stage) error {
			return s.WriteFile("p/index.html", []byte("b"), "content/b.md")
		}},
		{"write then copy", func(s *Stage) error {
			src := filepath.Join(t.TempDir(), "b.md")
			writeTree(t, filepath.Dir(src), map[string]string{"b.md": "b"})
			return s.CopyFile("p/./index.html", src, "content/b.md")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			s, err := Open(out, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Abort()
			if err := s.WriteFile("p/index.html", []byte("a"), "content/a.md"); err != nil {
				t.Fatal(err)
			}
			err = tt.second(s)
			if !errors.Is(err, ErrDuplicate) {
				t.Fatalf("second write = %v, want ErrDuplicate", err)
			}
			for _, want := range []string{"content/a.md", "content/b.md", "p/index.html"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not name %s", err, want)
				}
			}
			var d *diag.Error
			if !errors.As(err, &d) || d.File != "content/b.md" {
				t.Errorf("error is not a diag.Error at content/b.md: %#v", err)
			}
		})
	}
}

func TestFileFolderClashNamesSource(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	s, err := Open(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	if err := s.WriteFile("a", []byte("file"), "content/a.md"); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteFile("b/index.html", []byte("x"), "content/b.md"); err != nil {
		t.Fatal(err)
	}

	if err := s.WriteFile("a/index.html", []byte("x"), "content/a2.md"); err == nil || !strings.Contains(err.Error(), "content/a.md") {
		t.Errorf("file under a file: err = %v, want it to name content/a.md", err)
	}
	if err := s.WriteFile("b", []byte("x"), "content/b2.md"); err == nil || !strings.Contains(err.Error(), "content/b.md") {
		t.Errorf("file over a folder: err = %v, want it to name content/b.md", err)
	}
}

func TestConcurrentWrites(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	const workers, each = 8, 40
	page := func(w, i int) (string, string) {
		return fmt.Sprintf("s%d/p%d/index.html", i%5, w*each+i), fmt.Sprintf("page %d %d", w, i)
	}
	// The first build holds every other page, so the second one links half
	// and writes half, all from 8 goroutines.
	first := map[string]string{}
	for w := range workers {
		for i := 0; i < each; i += 2 {
			rel, data := page(w, i)
			first[rel] = data
		}
	}
	build(t, out, first)

	s, err := Open(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				rel, data := page(w, i)
				if err := s.WriteFile(rel, []byte(data), rel); err != nil {
					errs[w] = err
					return
				}
				s.Has(rel)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	stats, err := s.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if stats.Written != workers*each/2 || stats.Unchanged != workers*each/2 {
		t.Errorf("stats = %+v, want %d written and %d unchanged", stats, workers*each/2, workers*each/2)
	}
	got := readTree(t, out)
	if len(got) != workers*each {
		t.Fatalf("output holds %d files, want %d", len(got), workers*each)
	}
	for w := range workers {
		for i := range each {
			if rel, data := page(w, i); got[rel] != data {
				t.Errorf("%s = %q, want %q", rel, got[rel], data)
			}
		}
	}
}

// failingRename returns a rename that fails with errno when moving from
// (the output folder, or the stage when from is ""), and renames otherwise.
func failingRename(s *Stage, fromOut bool, errno syscall.Errno) func(string, string) error {
	return func(oldpath, newpath string) error {
		if (fromOut && oldpath == s.out) || (!fromOut && oldpath == s.dir) {
			return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: errno}
		}
		return os.Rename(oldpath, newpath)
	}
}

func TestCommitRestoresWhenStageCannotMove(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	build(t, out, map[string]string{"a.html": "a", "b/c.html": "c"})
	before := snapshot(t, out)

	s, err := Open(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.rename = failingRename(s, false, syscall.EACCES)
	if err := s.WriteFile("new.html", []byte("new"), "content/new.md"); err != nil {
		t.Fatal(err)
	}
	_, err = s.Commit()
	if err == nil || !strings.Contains(err.Error(), "restored") {
		t.Fatalf("Commit = %v, want an error saying the previous output was restored", err)
	}
	if after := snapshot(t, out); !maps.Equal(before, after) {
		t.Errorf("output changed by a failed commit:\nbefore %v\nafter  %v", before, after)
	}
	if got := names(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("parent holds %v, want only public", got)
	}
}

func TestCommitSyncsInPlaceWhenOutIsAMountPoint(t *testing.T) {
	for _, errno := range []syscall.Errno{syscall.EBUSY, syscall.EXDEV} {
		t.Run(errno.Error(), func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "public")
			build(t, out, map[string]string{"same.html": "same", "changed.html": "old", "gone/x.html": "x", "clash": "file", "wasdir/x.html": "x"})
			outBefore := lstat(t, out)
			sameBefore := lstat(t, filepath.Join(out, "same.html"))

			s, err := Open(out, Options{})
			if err != nil {
				t.Fatal(err)
			}
			s.rename = failingRename(s, true, errno)
			next := map[string]string{"same.html": "same", "changed.html": "new", "clash/index.html": "dir now", "wasdir": "file now"}
			for rel, data := range next {
				if err := s.WriteFile(rel, []byte(data), rel); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := s.Commit(); err != nil {
				t.Fatal(err)
			}

			if got := readTree(t, out); !maps.Equal(got, next) {
				t.Errorf("output = %v, want %v", got, next)
			}
			if !os.SameFile(outBefore, lstat(t, out)) {
				t.Error("the output folder itself was replaced, want it synced in place")
			}
			if !os.SameFile(sameBefore, lstat(t, filepath.Join(out, "same.html"))) {
				t.Error("unchanged file was rewritten during the in-place sync")
			}
			if _, err := os.Lstat(filepath.Join(out, "gone")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("stale folder still there (err %v)", err)
			}
			if got := names(t, parent); !slices.Equal(got, []string{"public"}) {
				t.Errorf("parent holds %v, want only public", got)
			}
		})
	}
}
