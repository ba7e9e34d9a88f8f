package main

import (
	"path/filepath"
	"testing"
)

func TestPageOutput(t *testing.T) {
	tests := []struct{ in, want string }{
		{"news/2023/2023-01-16-post-00238.md", "news/2023/2023-01-16-post-00238/index.html"},
		{"leaders/li-ming/index.md", "leaders/li-ming/index.html"},
		{"news/_index.md", "news/index.html"},
		{"_index.md", "index.html"},
		{"about.md", "about/index.html"},
	}
	for _, tt := range tests {
		if got := pageOutput(tt.in); got != filepath.FromSlash(tt.want) {
			t.Errorf("pageOutput(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEditPage(t *testing.T) {
	tests := []struct {
		name  string
		pages []string
		want  string
		ok    bool
	}{
		{"news post first", []string{"_index.md", "cases/a.md", "news/_index.md", "news/b.md"}, "news/b.md", true},
		{"any page", []string{"_index.md", "cases/a.md", "notes/c.md"}, "cases/a.md", true},
		{"only sections", []string{"_index.md", "news/_index.md"}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := editPage(tt.pages)
			if got != tt.want || ok != tt.ok {
				t.Errorf("editPage = %q, %v; want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestGenerateSite(t *testing.T) {
	s, err := generateSite(t.TempDir(), 40)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.pages) < 30 || s.content != filepath.Join(s.dir, "content") {
		t.Errorf("site: %d pages, content %q", len(s.pages), s.content)
	}
	if _, ok := editPage(s.pages); !ok {
		t.Error("generated site has no page to edit")
	}
}
