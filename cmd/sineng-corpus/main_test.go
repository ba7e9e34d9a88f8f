package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name     string
		args     func(dir string) []string
		prefill  bool
		wantCode int
		wantSite bool
	}{
		{"no out", func(string) []string { return []string{"-pages", "5"} }, false, 2, false},
		{"bad pages", func(d string) []string { return []string{"-pages", "0", "-out", d} }, false, 2, false},
		{"extra argument", func(d string) []string { return []string{"-out", d, "extra"} }, false, 2, false},
		{"unknown flag", func(d string) []string { return []string{"-out", d, "-nope"} }, false, 2, false},
		{"new folder", func(d string) []string { return []string{"-pages", "5", "-out", filepath.Join(d, "new")} }, false, 0, true},
		{"empty folder", func(d string) []string { return []string{"-pages", "5", "-out", d} }, false, 0, true},
		{"non-empty folder refused", func(d string) []string { return []string{"-pages", "5", "-out", d} }, true, 2, false},
		{"non-empty folder forced", func(d string) []string { return []string{"-pages", "5", "-force", "-markers", "-out", d} }, true, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.prefill {
				if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("x"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := tt.args(dir)
			var stdout strings.Builder
			if code := run(args, &stdout, io.Discard); code != tt.wantCode {
				t.Fatalf("run(%q) = %d, want %d", args, code, tt.wantCode)
			}
			out := args[len(args)-1]
			_, err := os.Stat(filepath.Join(out, "site.toml"))
			if got := err == nil; got != tt.wantSite {
				t.Errorf("site.toml written = %v, want %v", got, tt.wantSite)
			}
			if tt.wantSite && !strings.Contains(stdout.String(), "wrote ") {
				t.Errorf("stdout %q does not report what was written", stdout.String())
			}
			if tt.prefill {
				if _, err := os.Stat(filepath.Join(dir, "keep.txt")); err != nil {
					t.Error("an existing file was removed")
				}
			}
		})
	}
}
