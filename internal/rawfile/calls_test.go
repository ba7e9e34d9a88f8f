package rawfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// forEachCalls runs test with each kind of Calls, on any file system: the
// kind decides how calls are made, not where they may be.
func forEachCalls(t *testing.T, test func(t *testing.T, c Calls)) {
	for _, c := range []Calls{Announced, Direct} {
		t.Run(c.String(), func(t *testing.T) { test(t, c) })
	}
}

func TestMkdir(t *testing.T) {
	forEachCalls(t, func(t *testing.T, c Calls) {
		dir := t.TempDir()
		p := filepath.Join(dir, "news")
		if err := c.Mkdir(p, 0o755); err != nil {
			t.Fatal(err)
		}
		if info, err := os.Lstat(p); err != nil || !info.IsDir() {
			t.Fatalf("no folder made: %v", err)
		}
		err := c.Mkdir(p, 0o755)
		var pe *fs.PathError
		if !errors.As(err, &pe) || !errors.Is(err, fs.ErrExist) || pe.Path != p {
			t.Fatalf("making it again: got %v, want an fs.ErrExist *fs.PathError naming it", err)
		}
		if err := c.Mkdir(filepath.Join(dir, "missing", "child"), 0o755); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("a folder in a missing one: got %v, want fs.ErrNotExist", err)
		}
	})
}

// TestFor checks that For picks announced calls for a folder it cannot
// see, and everywhere on a platform without direct calls.
func TestFor(t *testing.T) {
	if got := For(filepath.Join(t.TempDir(), "missing")); got != Announced {
		t.Errorf("For(missing folder) = %v, want announced", got)
	}
	if !directCalls {
		if got := For(os.TempDir()); got != Announced {
			t.Errorf("For(%s) = %v on %s/%s, which has no direct calls", os.TempDir(), got, runtime.GOOS, runtime.GOARCH)
		}
	}
}
