package markdown

import (
	"bytes"
	"strconv"
	"testing"
)

// BenchmarkRenderUniqueCode renders mixedDoc with code blocks that differ
// from one iteration to the next, so the highlighter's cache never helps:
// the cost of a page whose code is its own.
func BenchmarkRenderUniqueCode(b *testing.B) {
	r := New(Options{})
	src := mixedDoc()
	ctx := Context{File: "a.md", Links: pathResolver{}, Shortcodes: iconShortcode}
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	n := 0
	for b.Loop() {
		n++
		page := bytes.ReplaceAll(src, []byte("// Budget"), []byte("// "+strconv.Itoa(n)+" Budget"))
		if _, err := r.Render(page, ctx); err != nil {
			b.Fatal(err)
		}
	}
}
