// Package floor measures the lower bound of a static site build: read every
// Markdown file of a content folder, convert its body to HTML with goldmark
// and write one HTML file per page, on all cores. No front matter is decoded,
// no template runs and nothing is linked, so no generator can build the same
// pages faster; cmd/sineng-bench reports a build's time divided by this one.
//
// The goldmark set-up copies the one of generator/markdown: GFM (tables,
// strikethrough, linkify, task lists), footnotes, definition lists, CJK with
// East Asian line breaks, and attributes, with raw HTML omitted. It leaves
// out sineng's own node renderers (chroma highlighting of code blocks,
// heading ids, link resolution) and its shortcode expansion: those are work
// a generator chooses to do, and the floor counts only what every Markdown
// generator must do.
package floor

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// Stats describes one floor run.
type Stats struct {
	// Pages counts the Markdown files converted.
	Pages int
	// Bytes counts the HTML bytes written.
	Bytes int64
}

// NewMarkdown returns a goldmark converter with the extensions sineng uses
// and none of its custom renderers.
func NewMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.DefinitionList,
			extension.NewCJK(extension.WithEastAsianLineBreaks()),
		),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
}

// Run converts every .md file under contentDir into an HTML file under
// outDir, with workers goroutines (GOMAXPROCS when workers < 1). The HTML of
// content/a/b.md goes to outDir/a/b.html. Run creates outDir and the folders
// in it but does not empty it first.
func Run(contentDir, outDir string, workers int) (Stats, error) {
	pages, err := List(contentDir)
	if err != nil {
		return Stats{}, err
	}
	if err := makeDirs(outDir, pages); err != nil {
		return Stats{}, err
	}
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	md := NewMarkdown()
	written := make([]int64, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := w; i < len(pages); i += workers {
				n, err := convert(md, &buf, filepath.Join(contentDir, pages[i]), filepath.Join(outDir, OutPath(pages[i])))
				if err != nil {
					errs[w] = err
					return
				}
				written[w] += n
			}
		}()
	}
	wg.Wait()
	st := Stats{Pages: len(pages)}
	for _, n := range written {
		st.Bytes += n
	}
	return st, errors.Join(errs...)
}

// List returns the paths of the .md files under contentDir, relative to it
// and in walk order.
func List(contentDir string) ([]string, error) {
	var pages []string
	err := filepath.WalkDir(contentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && strings.HasSuffix(d.Name(), ".md") {
			rel, err := filepath.Rel(contentDir, p)
			if err != nil {
				return err
			}
			pages = append(pages, rel)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list content: %w", err)
	}
	return pages, nil
}

// OutPath returns where the HTML of the page at rel (relative to the content
// folder) is written, relative to the output folder: rel with .md replaced
// by .html.
func OutPath(rel string) string {
	return strings.TrimSuffix(rel, ".md") + ".html"
}

// makeDirs creates every folder the pages are written into.
func makeDirs(outDir string, pages []string) error {
	seen := map[string]bool{}
	for _, p := range pages {
		d := filepath.Dir(filepath.Join(outDir, OutPath(p)))
		if seen[d] {
			continue
		}
		seen[d] = true
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("create output folder: %w", err)
		}
	}
	return nil
}

// convert reads one page, converts its body and writes the HTML; it returns
// the number of bytes written.
func convert(md goldmark.Markdown, buf *bytes.Buffer, src, dst string) (int64, error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return 0, fmt.Errorf("read page: %w", err)
	}
	buf.Reset()
	if err := md.Convert(Body(data), buf); err != nil {
		return 0, fmt.Errorf("convert %s: %w", src, err)
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		return 0, fmt.Errorf("write page: %w", err)
	}
	return int64(buf.Len()), nil
}

// Body returns data without its front matter: when data starts with a
// "+++" or "---" line, everything up to and including the next line that is
// the same fence. Without a closing fence, data is returned whole. Only the
// fences are looked for; the front matter is not decoded.
func Body(data []byte) []byte {
	var fence []byte
	switch {
	case bytes.HasPrefix(data, []byte("+++\n")), bytes.HasPrefix(data, []byte("+++\r\n")):
		fence = []byte("+++")
	case bytes.HasPrefix(data, []byte("---\n")), bytes.HasPrefix(data, []byte("---\r\n")):
		fence = []byte("---")
	default:
		return data
	}
	rest := data[bytes.IndexByte(data, '\n')+1:]
	for off := 0; off < len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		next := len(rest)
		if end >= 0 {
			line = rest[off : off+end]
			next = off + end + 1
		}
		if bytes.Equal(bytes.TrimRight(line, "\r"), fence) {
			return rest[next:]
		}
		off = next
	}
	return data
}
