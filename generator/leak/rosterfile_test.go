package leak

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/diag"
)

func TestLoadRoster(t *testing.T) {
	for _, c := range []struct {
		name string
		in   string
		want []string
	}{
		{"one a line", "张三\n李小明\n", []string{"张三", "李小明"}},
		{"BOM, CRLF and spaces", "\uFEFF  张三 \r\n\tAnn Lee\r\n", []string{"张三", "Ann Lee"}},
		{"comments and blanks", "# 2024 roster\n\n张三\n   # indented comment\n\n", []string{"张三"}},
		{"full-width space trimmed", "\u3000张三\u3000\n", []string{"张三"}},
		{"duplicates once", "张三\n张三\n", []string{"张三"}},
		{"no final newline", "Bo", []string{"Bo"}},
		{"empty", "", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "roster.txt")
			if err := os.WriteFile(path, []byte(c.in), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := LoadRoster(path)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("LoadRoster = %q, want %q", got, c.want)
			}
		})
	}
}

func TestLoadRosterErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		in    string
		lines []int // lines named by the errors, in order
	}{
		{"one-character CJK name", "张三\n# note\n王\n", []int{3}},
		{"one-letter name", "A\n", []int{1}},
		{"every bad line reported", "王\n张三\nB\n", []int{1, 3}},
		{"invalid UTF-8", "张三\n\xff\xfe\n", []int{2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "roster.txt")
			if err := os.WriteFile(path, []byte(c.in), 0o644); err != nil {
				t.Fatal(err)
			}
			names, err := LoadRoster(path)
			if err == nil {
				t.Fatalf("LoadRoster = %q, want an error", names)
			}
			var lines []int
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				var d *diag.Error
				if !errors.As(e, &d) || d.File != path {
					t.Fatalf("error %v is not a *diag.Error for %s", e, path)
				}
				lines = append(lines, d.Line)
			}
			if !reflect.DeepEqual(lines, c.lines) {
				t.Errorf("errors name lines %v, want %v: %v", lines, c.lines, err)
			}
			if !strings.Contains(err.Error(), path+":") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

func TestLoadRosterMissing(t *testing.T) {
	_, err := LoadRoster(filepath.Join(t.TempDir(), "absent.txt"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want one wrapping os.ErrNotExist", err)
	}
}
