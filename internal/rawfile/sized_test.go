package rawfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestReadFileSizedReadsTheWholeFileWhateverTheSize(t *testing.T) {
	forEachCalls(t, testReadFileSizedReadsTheWholeFileWhateverTheSize)
}

func testReadFileSizedReadsTheWholeFileWhateverTheSize(t *testing.T, c Calls) {
	dir := t.TempDir()
	small := []byte("+++\ntitle = \"四能\"\n+++\nbody\n")
	big := bytes.Repeat([]byte("社区 leader notes\n"), 5000)
	tests := []struct {
		name string
		data []byte
		size int64 // the size the caller expects
		buf  []byte
	}{
		{"true size", small, int64(len(small)), nil},
		{"true size, buffer that fits", small, int64(len(small)), make([]byte, 0, 256)},
		{"file grew", small, int64(len(small)) - 5, nil},
		{"file grew a lot", big, 10, make([]byte, 0, 4)},
		{"file shrank", small, int64(len(small)) + 40, nil},
		{"file emptied", nil, 30, nil},
		{"size unknown", big, 0, nil},
		{"negative size", small, -1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.name)
			if err := os.WriteFile(p, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := c.ReadFileSized(p, tt.size, tt.buf)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tt.data) {
				t.Fatalf("read %d bytes, want %d", len(got), len(tt.data))
			}
		})
	}
	_, err := c.ReadFileSized(filepath.Join(dir, "nope"), 10, nil)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: got %v, want a not-exist error", err)
	}
}
