package output

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestWriteIfChanged(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a", "b", "index.html")
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)

	steps := []struct {
		data      string
		wantWrote bool
	}{
		{"first", true},   // creates the file and its folders
		{"first", false},  // equal bytes: untouched
		{"fir", true},     // shorter
		{"FIR", true},     // same size, other bytes
		{"FIR", false},    // equal again
		{"", true},        // empty
		{"", false},       // empty and equal
		{"last!", true},   // grows again
		{"last!", false},  // equal
		{"last!!", true},  // longer
		{"last!!", false}, // equal
	}
	for i, step := range steps {
		var before os.FileInfo
		if i > 0 {
			if err := os.Chtimes(name, old, old); err != nil {
				t.Fatal(err)
			}
			before = lstat(t, name)
		}
		wrote, err := WriteIfChanged(name, []byte(step.data))
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if wrote != step.wantWrote {
			t.Errorf("step %d (%q): wrote = %v, want %v", i, step.data, wrote, step.wantWrote)
		}
		got, err := os.ReadFile(name)
		if err != nil || string(got) != step.data {
			t.Errorf("step %d: file = %q (%v), want %q", i, got, err, step.data)
		}
		after := lstat(t, name)
		if before != nil && !step.wantWrote && (!after.ModTime().Equal(old) || !os.SameFile(before, after)) {
			t.Errorf("step %d: an unchanged write touched the file (mtime %v)", i, after.ModTime())
		}
		if perm := after.Mode().Perm(); perm != 0o644 && perm != 0o644&^0o022 {
			t.Errorf("step %d: mode = %v, want 0644", i, perm)
		}
	}
	if got := names(t, filepath.Dir(name)); len(got) != 1 {
		t.Errorf("folder holds %v, want only index.html (no temp files)", got)
	}
}

func TestWriteIfChangedKeepsModeAndRefusesFolder(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "run.sh")
	writeTree(t, dir, map[string]string{"run.sh": "old"})
	if err := os.Chmod(name, 0o750); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteIfChanged(name, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if perm := lstat(t, name).Mode().Perm(); perm != 0o750 {
		t.Errorf("mode = %v, want 0750 kept", perm)
	}
	if _, err := WriteIfChanged(dir, []byte("x")); err == nil {
		t.Error("writing over a folder succeeded, want an error")
	}
}
