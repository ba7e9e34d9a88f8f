package main

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/sineng/sineng/generator/corpus"
)

// benchSite is one generated program site.
type benchSite struct {
	size    int      // the requested number of pages
	dir     string   // the site folder, holding site.toml
	content string   // its content folder
	pages   []string // content-relative slash paths of the page files
}

// generateSite writes a corpus of about n pages with seed 1 into dir.
func generateSite(dir string, n int) (benchSite, error) {
	sum, err := corpus.Generate(dir, corpus.Options{Pages: n, Seed: 1})
	if err != nil {
		return benchSite{}, fmt.Errorf("generate %d-page site: %w", n, err)
	}
	return benchSite{size: n, dir: dir, content: filepath.Join(dir, "content"), pages: sum.Expected}, nil
}

// editPage picks the page the serve benchmark edits: the first ordinary
// news post, or else the first page that is not a section index.
func editPage(pages []string) (string, bool) {
	fallback := ""
	for _, p := range pages {
		if strings.HasSuffix(p, "_index.md") {
			continue
		}
		if strings.HasPrefix(p, "news/") {
			return p, true
		}
		if fallback == "" {
			fallback = p
		}
	}
	return fallback, fallback != ""
}

// pageOutput returns where a generator with pretty URLs writes the page at
// rel (a content-relative slash path): news/a.md → news/a/index.html,
// leaders/x/index.md → leaders/x/index.html.
func pageOutput(rel string) string {
	dir, file := path.Split(rel)
	name := strings.TrimSuffix(file, ".md")
	if name == "index" || name == "_index" {
		return filepath.FromSlash(dir + "index.html")
	}
	return filepath.FromSlash(dir + name + "/index.html")
}
