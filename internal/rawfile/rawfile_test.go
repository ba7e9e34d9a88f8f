package rawfile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestReadFile(t *testing.T) { forEachCalls(t, testReadFile) }

func testReadFile(t *testing.T, c Calls) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("四能 leader notes\n"), 5000)
	tests := []struct {
		name string
		data []byte
		buf  []byte
	}{
		{"empty", nil, nil},
		{"small into nil", []byte("+++\ntitle = \"a\"\n+++\nbody\n"), nil},
		{"small into a bigger buffer", []byte("body"), make([]byte, 3, 64)},
		{"big into a small buffer", big, make([]byte, 0, 16)},
		{"exactly the buffer", []byte("12345678"), make([]byte, 0, 8)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.name)
			if err := os.WriteFile(p, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := c.ReadFile(p, tt.buf)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tt.data) {
				t.Fatalf("read %d bytes, want %d", len(got), len(tt.data))
			}
			if len(tt.data) > 0 && cap(tt.buf) > len(tt.data) && &got[0] != &tt.buf[:1][0] {
				t.Error("a file that fits was not read into the buffer given")
			}
		})
	}
}

func TestReadFileMissingAndSymlink(t *testing.T) { forEachCalls(t, testReadFileMissingAndSymlink) }

func testReadFileMissingAndSymlink(t *testing.T, c Calls) {
	dir := t.TempDir()
	_, err := c.ReadFile(filepath.Join(dir, "nope"), nil)
	var pe *fs.PathError
	if !errors.As(err, &pe) || !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("missing file: got %v, want a not-exist *fs.PathError", err)
	}
	if runtime.GOOS == "windows" {
		return
	}
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if got, err := c.ReadFile(link, nil); err == nil {
		t.Fatalf("a symlink was followed: read %q", got)
	}
}

func TestWriteNewAndRewind(t *testing.T) { forEachCalls(t, testWriteNewAndRewind) }

func testWriteNewAndRewind(t *testing.T, c Calls) {
	dir := t.TempDir()
	p := filepath.Join(dir, "page.html")
	if err := c.WriteNew(p, []byte("<p>one</p>")); err != nil {
		t.Fatal(err)
	}
	if err := c.WriteNew(p, []byte("two")); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("writing over an existing file: got %v, want fs.ErrExist", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "<p>one</p>" {
		t.Fatalf("file holds %q after a refused write", got)
	}
	q := filepath.Join(dir, "streamed.html")
	f, err := c.Create(q)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("a first try")); err != nil {
		t.Fatal(err)
	}
	if err := f.Rewind(); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("again")); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := c.Open(q)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, err := io.ReadAll(r)
	if err != nil || string(got) != "again" {
		t.Fatalf("after Rewind the file holds %q (%v), want \"again\"", got, err)
	}
}
