package rawfile

import (
	"bytes"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
)

// chunked gives its text at most step bytes a read, as a pipe or a /proc
// file may, and counts the reads.
type chunked struct {
	text  string
	step  int
	reads int
}

func (c *chunked) Read(p []byte) (int, error) {
	c.reads++
	if c.text == "" {
		return 0, io.EOF
	}
	n := min(len(p), c.step, len(c.text))
	copy(p, c.text[:n])
	c.text = c.text[n:]
	return n, nil
}

func TestReadAllStopsAtTheSizeOnlyWhenItIsTrue(t *testing.T) {
	const text = "+++\ntitle = \"四能\"\n+++\nbody\n"
	tests := []struct {
		name  string
		size  int64 // what fstat said
		step  int   // bytes a read gives at most
		reads int   // reads wanted; 0 for "any"
	}{
		{"true size, one read", int64(len(text)), 1 << 20, 1},
		{"true size, short reads", int64(len(text)), 5, 0},
		{"size 0 as in /proc", 0, 7, 0},
		{"size 0, whole at once", 0, 1 << 20, 0},
		{"file grew since fstat", 10, 1 << 20, 0},
		{"file shrank since fstat", int64(len(text)) + 50, 1 << 20, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &chunked{text: text, step: tt.step}
			got, err := readAll(r, tt.size, nil)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != text {
				t.Fatalf("read %q, want %q", got, text)
			}
			if tt.reads > 0 && r.reads != tt.reads {
				t.Errorf("took %d reads, want %d", r.reads, tt.reads)
			}
		})
	}
}

func TestReadFileMatchesOSReadFile(t *testing.T) { forEachCalls(t, testReadFileMatchesOSReadFile) }

func testReadFileMatchesOSReadFile(t *testing.T, c Calls) {
	dir := t.TempDir()
	files := []string{
		writeTemp(t, dir, "page.md", "+++\ntitle = \"a\"\n+++\n"+strings.Repeat("正文 body\n", 300)),
		writeTemp(t, dir, "empty.md", ""),
	}
	if runtime.GOOS == "linux" {
		files = append(files, "/proc/self/status") // fstat says 0 bytes
	}
	buf := make([]byte, 0, 16)
	for _, name := range files {
		got, err := c.ReadFile(name, buf)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if name == "/proc/self/status" {
			// The process's own figures change between reads; its lines
			// do not.
			if bytes.Count(got, []byte("\n")) != bytes.Count(want, []byte("\n")) || len(got) < 100 {
				t.Errorf("%s: read %d lines, os.ReadFile %d", name, bytes.Count(got, []byte("\n")), bytes.Count(want, []byte("\n")))
			}
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: read %d bytes, os.ReadFile %d", name, len(got), len(want))
		}
	}
}

func writeTemp(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := dir + string(os.PathSeparator) + name
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
