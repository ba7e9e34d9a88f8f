package output

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

func TestEqualBytes(t *testing.T) {
	big := strings.Repeat("0123456789abcdef", 5000) // 80,000 bytes: several buffers
	tests := []struct {
		name, file, data string
		want             bool
	}{
		{"empty", "", "", true},
		{"equal", "hello", "hello", true},
		{"differs", "hello", "hellO", false},
		{"file longer", "hello!", "hello", false},
		{"file shorter", "hell", "hello", false},
		{"big equal", big, big, true},
		{"big differs at end", big, big[:len(big)-1] + "X", false},
		{"big differs at a buffer edge", big, big[:compareBuf] + "X" + big[compareBuf+1:], false},
		{"big file longer", big + "x", big, false},
	}
	readers := map[string]func(string) io.Reader{
		"whole":    func(s string) io.Reader { return strings.NewReader(s) },
		"one byte": func(s string) io.Reader { return iotest.OneByteReader(strings.NewReader(s)) },
		"data+EOF": func(s string) io.Reader { return iotest.DataErrReader(strings.NewReader(s)) },
	}
	s := &Stage{}
	for _, tt := range tests {
		for rname, reader := range readers {
			// A one-byte reader's short reads look like the end of the
			// file; callers rule that out by checking the size first.
			if rname == "one byte" && len(tt.file) > len(tt.data) {
				continue
			}
			if got := s.equalBytes(reader(tt.file), []byte(tt.data)); got != tt.want {
				t.Errorf("%s, %s reader: equalBytes = %v, want %v", tt.name, rname, got, tt.want)
			}
		}
	}
}

func TestEqualFiles(t *testing.T) {
	big := bytes.Repeat([]byte("abcdefgh"), 10000)
	changed := bytes.Clone(big)
	changed[compareBuf+3] = 'X'
	tests := []struct {
		name string
		a, b []byte
		want bool
	}{
		{"empty", nil, nil, true},
		{"equal", []byte("same"), []byte("same"), true},
		{"differs", []byte("same"), []byte("sane"), false},
		{"big equal", big, bytes.Clone(big), true},
		{"big differs in second buffer", big, changed, false},
		{"b shorter than size", []byte("abcd"), []byte("ab"), false},
	}
	s := &Stage{}
	for _, tt := range tests {
		got := s.equalFiles(bytes.NewReader(tt.a), iotest.HalfReader(bytes.NewReader(tt.b)), int64(len(tt.a)))
		if got != tt.want {
			t.Errorf("%s: equalFiles = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestPreviousOutputSymlinksAreNeverLinked(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "public")
	writeTree(t, base, map[string]string{
		"outside/a.html":   "a",
		"outside/d/x.html": "x",
		"public/keep.html": "k",
	})
	for link, target := range map[string]string{
		"public/a.html": filepath.Join(base, "outside", "a.html"),
		"public/d":      filepath.Join(base, "outside", "d"),
	} {
		if err := os.Symlink(target, filepath.Join(base, link)); err != nil {
			t.Skip(err)
		}
	}
	stats := build(t, out, map[string]string{"a.html": "a", "d/x.html": "x", "keep.html": "k"})

	for rel, outside := range map[string]string{"a.html": "outside/a.html", "d/x.html": "outside/d/x.html"} {
		got := lstat(t, filepath.Join(out, filepath.FromSlash(rel)))
		if !got.Mode().IsRegular() || os.SameFile(got, lstat(t, filepath.Join(base, filepath.FromSlash(outside)))) {
			t.Errorf("%s is linked to the file outside the output (mode %v)", rel, got.Mode())
		}
	}
	if want := (Stats{Written: 2, Unchanged: 1, Bytes: 2, Changed: []string{"a.html", "d/x.html"}}); !reflect.DeepEqual(stats, want) {
		t.Errorf("stats = %+v, want %+v", stats, want)
	}
	if got := readTree(t, filepath.Join(base, "outside")); got["a.html"] != "a" || got["d/x.html"] != "x" {
		t.Errorf("files outside the output changed: %v", got)
	}
}
