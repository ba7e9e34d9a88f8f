package leak

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// writeTree writes files (slash path → text) under a new folder.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, s := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// where renders file findings as "file:line:col kind" with slash paths
// relative to dir.
func where(t *testing.T, dir string, found []FileFinding) []string {
	t.Helper()
	var out []string
	for _, f := range found {
		rel, err := filepath.Rel(dir, f.File)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(rel)+":"+itoa(f.Line)+":"+itoa(f.Col)+" "+string(f.Kind))
	}
	return out
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestScanDir(t *testing.T) {
	outside := writeTree(t, map[string]string{
		"secret.html":   "13800138000",
		"dir/page.html": "13800138000",
	})
	dir := writeTree(t, map[string]string{
		"b/page.html":      "<p>\n  电话 13800138000</p>",
		"a.json":           `{"mail":"jane@example.org","ok":"team@site.org"}`,
		"a-c.txt":          "张三",
		"noext":            "13900139000 张三",
		"binary":           "\xff\xfe13800138000",
		"img.png":          "13800138000",
		"styles/site.CSS":  "/* 13800138000 */",
		"clean/index.html": "<p>Nothing to see</p>",
		"deep/er/feed.xml": "<author>张三</author>",
		"z.md":             "13800138000",
	})
	for link, target := range map[string]string{
		"link.html": filepath.Join(outside, "secret.html"),
		"linkdir":   filepath.Join(outside, "dir"),
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skipf("symlinks unavailable: %v", err)
		}
	}
	s := NewScanner(Rules{Roster: []string{"张三"}, AllowEmails: []string{"@site.org"}})
	want := []string{
		"a-c.txt:1:1 roster-name",
		"a.json:1:10 email",
		"b/page.html:2:10 mobile",
		"deep/er/feed.xml:1:9 roster-name",
		"noext:1:1 mobile",
		"noext:1:13 roster-name",
		"styles/site.CSS:1:4 mobile",
		"z.md:1:1 mobile",
	}
	for _, workers := range []int{0, 1, 3, 64} {
		found, err := ScanDir(dir, s, workers)
		if err != nil {
			t.Fatal(err)
		}
		if got := where(t, dir, found); !reflect.DeepEqual(got, want) {
			t.Errorf("workers %d:\n got %q\nwant %q", workers, got, want)
		}
	}
	found, _ := ScanDir(dir, s, 2)
	if f := found[0]; f.File != filepath.Join(dir, "a-c.txt") || f.Match != "张*" {
		t.Errorf("first finding %+v: want the joined path and the masked name", f)
	}

	// The folder given may itself be a link; its files are named through it.
	link := filepath.Join(t.TempDir(), "public")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	viaLink, err := ScanDir(link, s, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got := where(t, link, viaLink); !reflect.DeepEqual(got, want) {
		t.Errorf("through a linked root:\n got %q\nwant %q", got, want)
	}
}

func TestScanDirErrors(t *testing.T) {
	s := NewScanner(Rules{})
	if _, err := ScanDir(filepath.Join(t.TempDir(), "absent"), s, 1); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing folder: err = %v, want os.ErrNotExist", err)
	}
	file := filepath.Join(writeTree(t, map[string]string{"f.html": ""}), "f.html")
	if _, err := ScanDir(file, s, 1); err == nil {
		t.Error("a file as the folder: no error")
	}
	if os.Geteuid() == 0 {
		t.Skip("root reads unreadable files")
	}
	dir := writeTree(t, map[string]string{"a.html": "13800138000", "b.html": "secret"})
	if err := os.Chmod(filepath.Join(dir, "b.html"), 0); err != nil {
		t.Fatal(err)
	}
	found, err := ScanDir(dir, s, 2)
	if err == nil {
		t.Error("unreadable file: no error")
	}
	if len(found) != 1 {
		t.Errorf("unreadable file: findings of readable ones = %v, want 1", found)
	}
}
