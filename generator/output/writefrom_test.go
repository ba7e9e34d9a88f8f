package output

import (
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFrom writes files through WriteFrom in chunks of three bytes, so
// every file crosses many writes, and commits.
func writeFrom(t *testing.T, out string, files map[string]string, checked map[string]string) Stats {
	t.Helper()
	s, err := Open(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for rel, text := range files {
		write := func(w io.Writer) error {
			for i := 0; i < len(text); i += 3 {
				if _, err := io.WriteString(w, text[i:min(i+3, len(text))]); err != nil {
					return err
				}
			}
			return nil
		}
		var check func([]byte)
		if checked != nil {
			check = func(data []byte) { checked[rel] = string(data) }
		}
		if err := s.WriteFrom(rel, "content/"+rel, write, check); err != nil {
			t.Fatal(err)
		}
	}
	stats, err := s.Commit()
	if err != nil {
		t.Fatal(err)
	}
	return stats
}

func TestWriteFromWritesChecksAndLinksUnchanged(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	big := strings.Repeat("手册 handbook\n", 20000) // larger than the write buffer
	files := map[string]string{"handbook/print/index.html": big, "a.html": "a"}
	checked := map[string]string{}
	stats := writeFrom(t, out, files, checked)
	if got := readTree(t, out); !maps.Equal(got, files) {
		t.Fatalf("output differs from what was written (%d files)", len(got))
	}
	if !maps.Equal(checked, files) {
		t.Error("check did not get every file's bytes")
	}
	if stats.Written != 2 || stats.Bytes != int64(len(big)+1) {
		t.Errorf("stats = %+v, want 2 written, %d bytes", stats, len(big)+1)
	}
	before := lstat(t, filepath.Join(out, "handbook/print/index.html"))

	next := map[string]string{"handbook/print/index.html": big, "a.html": "b"}
	stats = writeFrom(t, out, next, nil)
	if got := readTree(t, out); !maps.Equal(got, next) {
		t.Fatal("second build's output differs from what was written")
	}
	if !os.SameFile(before, lstat(t, filepath.Join(out, "handbook/print/index.html"))) {
		t.Error("unchanged streamed file was rewritten, want the previous file hard-linked")
	}
	if stats.Unchanged != 1 || stats.Written != 1 {
		t.Errorf("stats = %+v, want 1 unchanged, 1 written", stats)
	}
	if names := names(t, filepath.Join(out, "handbook/print")); len(names) != 1 {
		t.Errorf("handbook/print holds %v, want index.html alone (no link left over)", names)
	}
}

func TestWriteFromReturnsTheWritersErrorAndLeavesNoFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	s, err := Open(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	boom := errors.New("template failed")
	err = s.WriteFrom("x/index.html", "content/x.md", func(w io.Writer) error {
		io.WriteString(w, "half a page")
		return boom
	}, nil)
	if err != boom {
		t.Fatalf("err = %v, want the writer's own error unwrapped", err)
	}
	if _, err := os.Lstat(filepath.Join(s.dir, "x", "index.html")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("partial file left in the stage: %v", err)
	}
	if err := s.WriteFrom("x/index.html", "content/y.md", func(io.Writer) error { return nil }, nil); !errors.Is(err, ErrDuplicate) {
		t.Errorf("second write to one path: err = %v, want ErrDuplicate", err)
	}
}

func TestWriteFromWriterRewinds(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	s, err := Open(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = s.WriteFrom("p/index.html", "content/p.md", func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("first try ", 20000)) // past the buffer: on disk already
		rw, ok := w.(interface{ Rewind() error })
		if !ok {
			t.Fatal("the WriteFrom writer cannot be rewound")
		}
		if err := rw.Rewind(); err != nil {
			return err
		}
		_, err := io.WriteString(w, "second")
		return err
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := s.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, out)["p/index.html"]; got != "second" {
		t.Errorf("file holds %.40q…, want only what was written after Rewind", got)
	}
	if stats.Bytes != int64(len("second")) {
		t.Errorf("stats count %d bytes, want %d", stats.Bytes, len("second"))
	}
}

// TestWriteFromLinksUnchangedFromCheckedBytes covers the public build's
// path: the check read the file back, and those bytes decide whether the
// previous output's file is linked.
func TestWriteFromLinksUnchangedFromCheckedBytes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	big := strings.Repeat("手册 handbook\n", 20000)
	writeFrom(t, out, map[string]string{"print.html": big, "a.html": "a"}, map[string]string{})
	before := lstat(t, filepath.Join(out, "print.html"))
	next := map[string]string{"print.html": big, "a.html": "b"}
	checked := map[string]string{}
	stats := writeFrom(t, out, next, checked)
	if got := readTree(t, out); !maps.Equal(got, next) || !maps.Equal(checked, next) {
		t.Fatal("second build's output or checked bytes differ from what was written")
	}
	if !os.SameFile(before, lstat(t, filepath.Join(out, "print.html"))) {
		t.Error("unchanged checked file was rewritten, want the previous file hard-linked")
	}
	if stats.Unchanged != 1 || stats.Written != 1 {
		t.Errorf("stats = %+v, want 1 unchanged, 1 written", stats)
	}
}
