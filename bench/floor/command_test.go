package floor

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommand runs Main as the benchmark does and reads its line back.
func TestCommand(t *testing.T) {
	content, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	if err := os.WriteFile(filepath.Join(content, "a.md"), []byte("+++\ntitle = \"a\"\n+++\n# A\n\ntext\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"-content", content, "-out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	st, err := ParseStats(strings.TrimSpace(stdout.String()))
	if err != nil {
		t.Fatal(err)
	}
	html, err := os.ReadFile(filepath.Join(out, "a.html"))
	if err != nil {
		t.Fatal(err)
	}
	if st.Pages != 1 || st.Bytes != int64(len(html)) || !strings.Contains(string(html), "<h1") {
		t.Errorf("stats %+v for %q", st, html)
	}
}

func TestCommandErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"no flags", nil, 2},
		{"no out", []string{"-content", "x"}, 2},
		{"extra argument", []string{"-content", "x", "-out", "y", "z"}, 2},
		{"missing content", []string{"-content", filepath.Join(t.TempDir(), "none"), "-out", t.TempDir()}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := Main(tt.args, &stdout, &stderr); code != tt.code || stdout.Len() != 0 || stderr.Len() == 0 {
				t.Errorf("exit %d (want %d), stdout %q, stderr %q", code, tt.code, stdout.String(), stderr.String())
			}
		})
	}
	if _, err := ParseStats("pages=x"); err == nil {
		t.Error("ParseStats accepted a bad line")
	}
}
