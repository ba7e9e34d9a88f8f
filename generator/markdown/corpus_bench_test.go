package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// The corpus benchmarks render every Markdown file under the folder named
// by SINENG_MD_CORPUS (a generated site's content, front matter cut off)
// and skip when it is not set:
//
//	SINENG_MD_CORPUS=/dev/shm/c10k/content go test -bench Corpus ./generator/markdown/
//
// BenchmarkCorpusFloor converts the same files with plain goldmark and the
// same extensions, the floor Render is measured against.

// corpusResolver resolves links to .md files the way a site does, to a
// page URL, and leaves every other destination as it is.
type corpusResolver struct{}

// Resolve implements LinkResolver.
func (corpusResolver) Resolve(dest string, image bool) (string, error) {
	if image || !strings.HasSuffix(dest, ".md") {
		return dest, nil
	}
	return "/p/" + strings.TrimSuffix(dest, ".md") + "/", nil
}

// loadCorpus reads the bodies of the corpus's Markdown files.
func loadCorpus(b testing.TB) [][]byte {
	dir := os.Getenv("SINENG_MD_CORPUS")
	if dir == "" {
		b.Skip("SINENG_MD_CORPUS not set")
	}
	var bodies [][]byte
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.HasPrefix(src, []byte("+++\n")) {
			if i := bytes.Index(src[4:], []byte("\n+++\n")); i >= 0 {
				src = src[4+i+5:]
			}
		}
		bodies = append(bodies, src)
		return nil
	})
	if err != nil {
		b.Fatalf("read corpus: %v", err)
	}
	return bodies
}

// BenchmarkCorpus renders the corpus with a new Renderer each time round,
// as a build does.
func BenchmarkCorpus(b *testing.B) {
	bodies := loadCorpus(b)
	ctx := Context{File: "a.md", Links: corpusResolver{}}
	b.ReportAllocs()
	for b.Loop() {
		r := New(Options{}) // a build's highlighter starts with an empty cache
		for _, src := range bodies {
			if _, err := r.Render(src, ctx); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkCorpusFloor(b *testing.B) {
	bodies := loadCorpus(b)
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList,
			extension.NewCJK(extension.WithEastAsianLineBreaks())),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
	var out bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range bodies {
			out.Reset()
			if err := md.Convert(src, &out); err != nil {
				b.Fatal(err)
			}
		}
	}
}
