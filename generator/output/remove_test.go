package output

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRemoveStaysInsideTheOutput(t *testing.T) {
	dir := t.TempDir()
	out, outside := filepath.Join(dir, "public"), filepath.Join(dir, "elsewhere")
	for _, d := range []string{filepath.Join(out, "search"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(out, "search", "shard-1.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "keep.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(out, "link")); err != nil {
		t.Fatal(err)
	}

	if gone, err := Remove(out, "search/shard-1.json"); !gone || err != nil {
		t.Errorf("Remove(existing) = %v, %v; want true, nil", gone, err)
	}
	if _, err := os.Stat(filepath.Join(out, "search", "shard-1.json")); !os.IsNotExist(err) {
		t.Errorf("file still there: %v", err)
	}
	if gone, err := Remove(out, "search/shard-1.json"); gone || err != nil {
		t.Errorf("Remove(missing) = %v, %v; want false, nil", gone, err)
	}
	if _, err := Remove(out, "link/keep.json"); err == nil {
		t.Error("Remove through a symlink out of the output folder succeeded")
	}
	if _, err := os.Stat(filepath.Join(outside, "keep.json")); err != nil {
		t.Errorf("a file outside the output folder was removed: %v", err)
	}
}
