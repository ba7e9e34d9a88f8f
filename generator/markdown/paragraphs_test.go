package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// newParseIDs is a parseIDs with heading IDs and a slab of its own, for
// tests that parse without a scratch.
func newParseIDs() *parseIDs {
	return &parseIDs{headingIDs: &headingIDs{}, paragraphs: &paragraphSlab{}}
}

// slabCases are pages whose paragraphs go through the slab in every way
// goldmark treats a paragraph afterwards: tables cut from it, link
// reference definitions taken out, setext headings, tight list items made
// text blocks, definition lists, and more lines or paragraphs than a slab
// keeps.
var slabCases = []string{
	"one\ntwo\nthree\n\nfour\n",
	"a\n| x | y |\n|---|--:|\n| 1 | 2 |\n| 3 | 4 |\n",
	"[a]: /a\n[b]: /b\ntext [a] [b]\nmore\n",
	"Title\nsecond\n===\n\nSub\n---\n",
	"- tight\n- list\n  lazy\n\n1. loose\n\n2. list\n",
	"Term\n: def one\n: def two\n\n> quoted\nlazy\n> > inner\n",
	strings.Repeat("line\n", 3*maxKeptLines),
	strings.Repeat("p\n\n", 2*paragraphChunk*maxParagraphChunks),
	strings.Repeat("- a\n  b\n\n  c\n", paragraphChunk+3),
}

// parseGeneral parses src as Renderer.parse does, with goldmark's own
// paragraph nodes.
func parseGeneral(r *Renderer, src []byte) ast.Node {
	p := r.md.Parser()
	if !needsLinkify(src) {
		p = r.plain
	}
	return p.Parse(text.NewReader(src))
}

// renderTree is doc as stock goldmark writes it, or the panic it ends in
// (see convertOrPanic).
func renderTree(t testing.TB, doc ast.Node, src []byte) (out string) {
	defer func() {
		if v := recover(); v != nil {
			out = fmt.Sprint("panic: ", v)
		}
	}()
	var b bytes.Buffer
	if err := stockGoldmark().Renderer().Render(&b, src, doc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// checkSlabParse parses pages one after another with one slab, reset
// between them as putScratch does, and compares each tree with the one
// goldmark's paragraph parser makes.
func checkSlabParse(t *testing.T, r *Renderer, pages []string) {
	t.Helper()
	ids := newParseIDs()
	for _, s := range pages {
		src := []byte(s)
		ids.reset()
		got := renderTree(t, r.parse(src, ids), src)
		want := renderTree(t, parseGeneral(r, src), src)
		if strings.Contains(want, "<p>") && ids.paragraphs.used == 0 {
			t.Errorf("%.80q: no paragraph came from the slab", s)
		}
		ids.paragraphs.reset()
		if got != want {
			t.Errorf("%.80q:\ngot  %.200q\nwant %.200q", s, got, want)
		}
	}
}

func TestSlabParagraphsMatchGoldmark(t *testing.T) {
	r := New(Options{})
	pages := append(append([]string{}, parserCases...), slabCases...)
	checkSlabParse(t, r, pages)
	// The other way round, so short paragraphs reuse long line arrays.
	for i, j := 0, len(pages)-1; i < j; i, j = i+1, j-1 {
		pages[i], pages[j] = pages[j], pages[i]
	}
	checkSlabParse(t, r, pages)
}

func TestParagraphSlabReset(t *testing.T) {
	for _, n := range []int{1, paragraphChunk, paragraphChunk + 1, paragraphChunk * (maxParagraphChunks + 2)} {
		var s paragraphSlab
		for i := range n {
			p := s.next()
			if p.ChildCount() != 0 || p.Lines().Len() != 0 || p.Parent() != nil {
				t.Fatalf("n=%d: node %d is not zero", n, i)
			}
			lines := i % (2 * maxKeptLines)
			for k := range lines {
				p.Lines().Append(text.NewSegment(k, k+1))
			}
			p.AppendChild(p, ast.NewText())
		}
		s.reset()
		if s.used != 0 || len(s.chunks) > maxParagraphChunks {
			t.Errorf("n=%d: after reset used %d, %d chunks", n, s.used, len(s.chunks))
		}
		for i := range min(n, paragraphChunk*maxParagraphChunks) {
			p := s.next()
			if p.ChildCount() != 0 || p.FirstChild() != nil || p.Lines().Len() != 0 {
				t.Fatalf("n=%d: reused node %d is not zero", n, i)
			}
			if c := cap(p.Lines().Sliced(0, 0)); c > maxKeptLines {
				t.Errorf("n=%d: node %d keeps room for %d lines", n, i, c)
			}
		}
	}
}

// FuzzSlabParagraphs parses two pages with one slab and compares the
// second, whose paragraphs reuse the first's nodes, with goldmark's.
func FuzzSlabParagraphs(f *testing.F) {
	for i, s := range slabCases {
		f.Add(s, parserCases[i%len(parserCases)])
	}
	r := New(Options{})
	f.Fuzz(func(t *testing.T, a, b string) {
		checkSlabParse(t, r, []string{a, b})
	})
}
