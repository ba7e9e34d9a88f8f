package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tinySite writes a three-page site and returns it.
func tinySite(t *testing.T) benchSite {
	t.Helper()
	dir := t.TempDir()
	pages := []string{"_index.md", "about.md", "news/first.md"}
	for _, p := range pages {
		path := filepath.Join(dir, "content", filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("+++\ntitle = \"x\"\n+++\nbody of "+p+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return benchSite{size: 3, dir: dir, content: filepath.Join(dir, "content"), pages: pages}
}

func TestMeasureServe(t *testing.T) {
	tests := []struct {
		mode, wantOutput string
	}{
		{"serve", filepath.FromSlash("news/first/index.html")},
		{"serve-flat", filepath.FromSlash("news/first.html")},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			bin := fakeTool(t, tt.mode)
			s := tinySite(t)
			src := filepath.Join(s.content, "news", "first.md")
			orig, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			res := measureServe(context.Background(), bin, s, filepath.Join(t.TempDir(), "out"), 3, io.Discard)
			if res.note != "" {
				t.Fatalf("note = %q, want a measurement", res.note)
			}
			if res.page != "news/first.md" || res.output != tt.wantOutput {
				t.Errorf("page, output = %q, %q; want news/first.md, %q", res.page, res.output, tt.wantOutput)
			}
			if len(res.written) != 3 || len(res.reload) != 3 || res.misses != 0 {
				t.Errorf("written %d, reload %d, misses %d; want 3, 3, 0", len(res.written), len(res.reload), res.misses)
			}
			for i := range res.written {
				if res.written[i] <= 0 || res.reload[i] <= 0 {
					t.Errorf("edit %d: written %v, reload %v; want positive times", i, res.written[i], res.reload[i])
				}
			}
			now, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			if string(now) != string(orig) {
				t.Errorf("edited page not restored: %q", now)
			}
		})
	}
}

func TestMeasureServeNotBuilt(t *testing.T) {
	bin := fakeTool(t, "noserve")
	res := measureServe(context.Background(), bin, tinySite(t), t.TempDir(), 3, io.Discard)
	if res.note != "n/a (serve not built)" {
		t.Errorf("note = %q, want n/a (serve not built)", res.note)
	}
}

func TestReadEvents(t *testing.T) {
	tests := []struct {
		name, stream string
		want         int
	}{
		{"one event", "data: x\n\n", 1},
		{"comments are not events", ": ping\n\n: ping\n\n", 0},
		{"named events", "event: reload\ndata: 1\n\nevent: reload\ndata: 2\n\n", 2},
		{"crlf", "data: x\r\n\r\n", 1},
		{"unfinished event", "data: x\n", 0},
		{"blank lines alone", "\n\n\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			events := make(chan time.Time, 8)
			readEvents(strings.NewReader(tt.stream), events, time.Now)
			if len(events) != tt.want {
				t.Errorf("%d events, want %d", len(events), tt.want)
			}
		})
	}
}

func TestWaitForWord(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "index.html")
	if err := os.WriteFile(path, []byte("<p>old</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	if _, ok := waitForWord(path, "fresh", t0, 20*time.Millisecond); ok {
		t.Error("found a word the file does not hold")
	}
	go func() {
		time.Sleep(5 * time.Millisecond)
		os.WriteFile(path+".tmp", []byte("<p>old fresh</p>"), 0o644)
		os.Rename(path+".tmp", path)
	}()
	if d, ok := waitForWord(path, "fresh", time.Now(), 5*time.Second); !ok || d <= 0 {
		t.Errorf("waitForWord = %v, %v; want a positive time, true", d, ok)
	}
}

func TestFindWord(t *testing.T) {
	out := t.TempDir()
	files := map[string]string{
		"index.html":            "<p>word</p>",
		"news/index.html":       "<p>word</p>",
		"news/a/index.html":     "<p>word</p>",
		"news/a/index.xml":      "word word word word word",
		"news/b/index.html":     "<p>other</p>",
		"news/zzzzzz/page.html": "<p>other</p>",
	}
	for name, data := range files {
		p := filepath.Join(out, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, ok := findWord(out, "word")
	if want := filepath.FromSlash("news/a/index.html"); !ok || got != want {
		t.Errorf("findWord = %q, %v; want %q, true", got, ok, want)
	}
	if _, ok := findWord(out, "absent"); ok {
		t.Error("findWord found an absent word")
	}
}
