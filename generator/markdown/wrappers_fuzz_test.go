package markdown

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// FuzzParserMatchesGoldmark is TestParserMatchesGoldmark over any input:
// goldmark built on newParser, its heading parser and link reference
// transformer wrapped, renders every page as goldmark's own parser does.
func FuzzParserMatchesGoldmark(f *testing.F) {
	for _, s := range parserCases {
		f.Add(s)
	}
	f.Add("- a\n\n  [x]: /x\n  [x] {y}\n\n> # h {#i}\n> [z]: </z w> \"t\"\n>\n> [z]\n")
	f.Add("# a `{b}` {#c}\n\n## d {.e}\r\n\n   [f]:\t/f\n[f]\n")
	stock := stockGoldmark()
	ours := goldmark.New(
		goldmark.WithParser(newParser()),
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList,
			extension.NewCJK(extension.WithEastAsianLineBreaks())),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
	f.Fuzz(func(t *testing.T, src string) {
		got, want := convertOrPanic(ours, src), convertOrPanic(stock, src)
		if got != want {
			t.Errorf("%q:\ngot  %q\nwant %q", src, got, want)
		}
	})
}

// convertOrPanic is md's HTML for src, or the panic it ends in: goldmark's
// own renderer panics on some invalid UTF-8 next to a soft line break
// ("\x82\n0"), which Render never lets it see (fixSoftBreak).
func convertOrPanic(md goldmark.Markdown, src string) (out string) {
	defer func() {
		if v := recover(); v != nil {
			out = fmt.Sprint("panic: ", v)
		}
	}()
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		return "error: " + err.Error()
	}
	return b.String()
}
