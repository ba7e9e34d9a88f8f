package floor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/corpus"
)

func TestBody(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"toml", "+++\ntitle = \"a\"\n+++\n\nbody\n", "\nbody\n"},
		{"yaml", "---\ntitle: a\n---\nbody", "body"},
		{"crlf", "+++\r\ntitle = 1\r\n+++\r\nbody", "body"},
		{"no front matter", "# Title\n\n+++\n", "# Title\n\n+++\n"},
		{"unclosed", "+++\ntitle = 1\n", "+++\ntitle = 1\n"},
		{"other fence inside", "---\na: \"+++\"\n+++\n---\nx", "x"},
		{"closing fence at end", "+++\na = 1\n+++", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(Body([]byte(tt.in))); got != tt.want {
				t.Errorf("Body(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOutPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"_index.md", "_index.html"},
		{filepath.Join("leaders", "li", "index.md"), filepath.Join("leaders", "li", "index.html")},
		{"news.md.md", "news.md.html"},
	}
	for _, tt := range tests {
		if got := OutPath(tt.in); got != tt.want {
			t.Errorf("OutPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRun(t *testing.T) {
	content := t.TempDir()
	files := map[string]string{
		"_index.md":           "+++\ntitle = \"home\"\n+++\n中文\n换行\n",
		"news/a.md":           "---\ntitle: a\n---\n| x | y |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ see https://example.org\n",
		"notes/b.md":          "+++\ntitle = \"b\"\n+++\nterm\n: definition\n\ntext[^1]\n\n[^1]: note\n\n<b>raw</b>\n",
		"leaders/c/index.md":  "+++\ntitle = \"c\"\n+++\n- [x] done\n",
		"leaders/c/photo.png": "not markdown",
	}
	for name, data := range files {
		p := filepath.Join(content, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	st, err := Run(content, out, 3)
	if err != nil {
		t.Fatal(err)
	}
	if st.Pages != 4 {
		t.Errorf("Pages = %d, want 4", st.Pages)
	}
	tests := []struct {
		file    string
		want    []string
		notWant []string
	}{
		{"_index.html", []string{"中文换行"}, []string{"title", "+++"}},
		{"news/a.html", []string{"<table>", "<del>gone</del>", `<a href="https://example.org">`}, []string{"title: a"}},
		{"notes/b.html", []string{"<dl>", "<dd>definition</dd>", `class="footnotes"`, "<!-- raw HTML omitted -->"}, []string{"<b>raw</b>"}},
		{"leaders/c/index.html", []string{`type="checkbox"`}, nil},
	}
	var total int64
	for _, tt := range tests {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(tt.file)))
		if err != nil {
			t.Errorf("output %s: %v", tt.file, err)
			continue
		}
		total += int64(len(data))
		for _, w := range tt.want {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s lacks %q:\n%s", tt.file, w, data)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(string(data), w) {
				t.Errorf("%s has %q:\n%s", tt.file, w, data)
			}
		}
	}
	if st.Bytes != total {
		t.Errorf("Bytes = %d, want %d", st.Bytes, total)
	}
	if _, err := os.Stat(filepath.Join(out, "leaders", "c", "photo.html")); err == nil {
		t.Error("a non-Markdown file was converted")
	}
}

func TestRunMissingFolder(t *testing.T) {
	if _, err := Run(filepath.Join(t.TempDir(), "none"), t.TempDir(), 0); err == nil {
		t.Error("Run on a missing content folder: no error")
	}
}

// BenchmarkFloor converts a generated 1,000-page site, output on /dev/shm
// when the machine has it.
func BenchmarkFloor(b *testing.B) {
	base := ""
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		base = "/dev/shm"
	}
	dir, err := os.MkdirTemp(base, "sineng-floor-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	site := filepath.Join(dir, "site")
	if _, err := corpus.Generate(site, corpus.Options{Pages: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	content := filepath.Join(site, "content")
	out := filepath.Join(dir, "out")
	var pages int
	for b.Loop() {
		b.StopTimer()
		if err := os.RemoveAll(out); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		st, err := Run(content, out, 0)
		if err != nil {
			b.Fatal(err)
		}
		pages = st.Pages
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages)/1e3, "µs/page")
}
