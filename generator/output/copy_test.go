package output

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
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
