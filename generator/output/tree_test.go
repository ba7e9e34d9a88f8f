package output

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// entry is one path of a folder tree as snapshot sees it.
type entry struct {
	mode  fs.FileMode
	mtime time.Time
	data  string // file contents, or symlink target
}

// snapshot lists every path under dir with its mode, mtime and contents,
// without following symlinks.
func snapshot(t *testing.T, dir string) map[string]entry {
	t.Helper()
	tree := map[string]entry{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		e := entry{mode: info.Mode(), mtime: info.ModTime()}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			e.data, err = os.Readlink(p)
		case info.Mode().IsRegular():
			var b []byte
			b, err = os.ReadFile(p)
			e.data = string(b)
		}
		tree[filepath.ToSlash(rel)] = e
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// writeTree creates files (slash path → contents) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for rel, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree returns the regular files under dir as slash path → contents.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	for rel, e := range snapshot(t, dir) {
		if e.mode.IsRegular() {
			files[rel] = e.data
		}
	}
	return files
}

// build writes files into a Stage for out, each from "content/<rel>", and
// commits it.
func build(t *testing.T, out string, files map[string]string) Stats {
	t.Helper()
	s, err := Open(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range slices.Sorted(maps.Keys(files)) {
		if err := s.WriteFile(rel, []byte(files[rel]), "content/"+rel); err != nil {
			t.Fatal(err)
		}
	}
	stats, err := s.Commit()
	if err != nil {
		t.Fatal(err)
	}
	return stats
}

// names lists the entries of dir, sorted.
func names(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// lstat returns the FileInfo of p, failing the test when it is missing.
func lstat(t *testing.T, p string) fs.FileInfo {
	t.Helper()
	info, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	return info
}
