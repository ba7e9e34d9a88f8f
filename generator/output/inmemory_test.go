package output

import (
	"io"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/sineng/sineng/internal/rawfile"
	"github.com/sineng/sineng/internal/rawfile/rawfiletest"
)

// TestStageInMemory builds twice into an output folder on tmpfs, where the
// stage makes its folders and files with direct system calls: streamed and
// whole files land with their bytes, nested folders are made once, and the
// second build links the unchanged file from the first.
func TestStageInMemory(t *testing.T) {
	out := filepath.Join(rawfiletest.MemoryDir(t), "public")

	write := func(files map[string]string, streamed string) Stats {
		t.Helper()
		s, err := Open(out, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if s.calls != rawfile.Direct {
			t.Fatalf("stage on tmpfs makes %v calls, want direct", s.calls)
		}
		for rel, text := range files {
			if err := s.WriteFile(rel, []byte(text), "content/"+rel); err != nil {
				t.Fatal(err)
			}
		}
		err = s.WriteFrom("leaders/wang/index.html", "content/leaders/wang.md", func(w io.Writer) error {
			_, err := io.WriteString(w, streamed)
			return err
		}, nil)
		if err != nil {
			t.Fatal(err)
		}
		stats, err := s.Commit()
		if err != nil {
			t.Fatal(err)
		}
		return stats
	}

	first := map[string]string{"index.html": "home", "cases/2024/a/index.html": "a", "cases/2024/b/index.html": "b"}
	write(first, "<p>王 leader</p>")
	want := maps.Clone(first)
	want["leaders/wang/index.html"] = "<p>王 leader</p>"
	if got := readTree(t, out); !maps.Equal(got, want) {
		t.Fatalf("first build wrote %v, want %v", got, want)
	}

	before := lstat(t, filepath.Join(out, "cases/2024/a/index.html"))
	second := map[string]string{"index.html": "home, again", "cases/2024/a/index.html": "a"}
	stats := write(second, "<p>王 leader, 2025</p>")
	if !os.SameFile(before, lstat(t, filepath.Join(out, "cases/2024/a/index.html"))) {
		t.Error("the unchanged file was written again, want it linked from the first build")
	}
	want = maps.Clone(second)
	want["leaders/wang/index.html"] = "<p>王 leader, 2025</p>"
	if got := readTree(t, out); !maps.Equal(got, want) {
		t.Fatalf("second build left %v, want %v", got, want)
	}
	if wantStats := (Stats{Written: 2, Unchanged: 1}); stats.Written != wantStats.Written || stats.Unchanged != wantStats.Unchanged {
		t.Errorf("second build: %d written, %d unchanged; want %d and %d", stats.Written, stats.Unchanged, wantStats.Written, wantStats.Unchanged)
	}
}
