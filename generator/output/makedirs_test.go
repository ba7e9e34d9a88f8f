package output

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMakeDirsAheadOfWrites checks that MakeDirs makes the folders a build
// will write into, skips paths that would leave the output, lets the writes
// use the folders.
func TestMakeDirsAheadOfWrites(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	s, err := Open(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.MakeDirs([]string{"notes/2024/a", "notes/2024/b", "../escape", "/abs", "."})
	for _, d := range []string{"notes/2024/a", "notes/2024/b"} {
		if info, err := os.Stat(filepath.Join(s.dir, filepath.FromSlash(d))); err != nil || !info.IsDir() {
			t.Errorf("stage folder %s not made: %v", d, err)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(out), "escape")); err == nil {
		t.Error("MakeDirs made a folder outside the output")
	}
	for _, rel := range []string{"notes/2024/a/index.html", "notes/2024/b/index.html"} {
		if err := s.WriteFile(rel, []byte(rel), "test"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, out); len(got) != 2 || got["notes/2024/a/index.html"] != "notes/2024/a/index.html" {
		t.Errorf("output = %v", got)
	}
}
