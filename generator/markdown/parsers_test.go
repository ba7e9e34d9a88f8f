package markdown

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// parserCases exercise the wrapped heading parser and link reference
// transformer, and the line ends needsLinkify looks at.
var parserCases = []string{
	"# Title\n\nText\n",
	"# Title {#custom .cls}\n\n## With { brace\n\n### {#only-id}\n\n#### Closed ##\n\n##### {#x} closed ###\n",
	"# Title \\{#not}\n\n#\n\n##   \n\n# #\n",
	"Setext {#s}\n===\n\nplain\n---\n",
	"[a]: /url\n\n[a] and [b][]\n\n[b]: /b 'title'\n",
	"   [c]: /c\nthen text [c]\n",
	"[not a ref] text\n\n[x]:\n/y\n\n[x]\n",
	"para\n[d]: /d\n\n[d]\n",
	"> [q]: /q\n> [q]\n\n- [l]: /l\n  [l]\n",
	"| a | b |\n|---|:-:|\n| [r]: /r | 2 |\n",
	"line one \nline two\t\nline three   \nend  \n",
	"hard  \nbreak\\\nhere \t\n中文 \n文字\n",
	"![alt one \ntwo](x.png) and ![中 \n文](y.png)\n",
	"crlf line\r\nsecond \r\nthird  \r\nlast",
	"trailing at eof ",
	"a (paren \n(b) *em* _u_ ~~s~~ ~t~\n",
	"   \n\t\n\nblank lines above\n",
	"- item \n  cont\n\n1. one \t\n2. two\n",
	"Term \n: definition \n\n[^1]: note \n\nref[^1]\n",
	"see www.example.org and http://example.org/x and a@b.co\n",
	"    code \n    block\t\n\n```\nfenced \n```\n",
}

// stockGoldmark is goldmark configured as New configures it, with
// goldmark's own parser throughout.
func stockGoldmark() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList,
			extension.NewCJK(extension.WithEastAsianLineBreaks())),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
}

// TestParserMatchesGoldmark compares goldmark built on newParser with
// goldmark's own parser: the wrapped heading parser and link reference
// transformer must leave every tree as goldmark's make it.
func TestParserMatchesGoldmark(t *testing.T) {
	stock := stockGoldmark()
	ours := goldmark.New(
		goldmark.WithParser(newParser()),
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList,
			extension.NewCJK(extension.WithEastAsianLineBreaks())),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
	for _, src := range parserCases {
		var want, got bytes.Buffer
		if err := stock.Convert([]byte(src), &want); err != nil {
			t.Fatal(err)
		}
		if err := ours.Convert([]byte(src), &got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%q:\ngot  %q\nwant %q", src, got.String(), want.String())
		}
	}
}

func TestMayStartWithBracket(t *testing.T) {
	for _, tc := range []struct {
		lines []string
		want  bool
	}{
		{[]string{"text\n"}, false},
		{[]string{"[a]: /a\n"}, true},
		{[]string{"text [a]\n"}, false},
		{[]string{"   \t[a]\n"}, true},
		{[]string{"*[a]*\n"}, false},
		{[]string{" \n", "  [a]\n"}, true},
		{[]string{" \n", "x"}, false},
		{[]string{"  "}, true},
		{nil, true},
	} {
		var src []byte
		var segs text.Segments
		for _, l := range tc.lines {
			segs.Append(text.NewSegment(len(src), len(src)+len(l)))
			src = append(src, l...)
		}
		if got := mayStartWithBracket(&segs, src); got != tc.want {
			t.Errorf("mayStartWithBracket(%q) = %v, want %v", tc.lines, got, tc.want)
		}
	}
}

func TestNeedsLinkify(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"", false},
		{"plain text\nand more\n", false},
		{"no newline at end", false},
		{"hard break  \nnext\n", false},
		{"hard break  \r\nnext\r\n", false},
		{"backslash break\\\nnext\n", false},
		{"blank lines\n   \n\t\n\nend\n", false},
		{"中文（括号）\n", false},
		{"www.example.org\n", true},
		{"see https://example.org\n", true},
		{"mail a@b.co\n", true},
		{"trailing space \nnext\n", true},
		{"trailing tab\t\nnext\n", true},
		{"three spaces   \nnext\n", true},
		{"space before cr \r\nnext\n", true},
		{"two spaces at eof  ", true},
		{"one space at eof ", true},
	} {
		if got := needsLinkify([]byte(tc.src)); got != tc.want {
			t.Errorf("needsLinkify(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

// generalRenderer returns a Renderer that parses every page with linkify,
// as Render would without needsLinkify.
func generalRenderer() *Renderer {
	r := New(Options{})
	r.plain = r.md.Parser()
	return r
}

// TestLinkifyFreeParseMatchesGeneral renders pages that needsLinkify lets
// go without linkify both ways and compares every field of the results.
func TestLinkifyFreeParseMatchesGeneral(t *testing.T) {
	fast, general := New(Options{}), generalRenderer()
	ctx := Context{File: "a.md", Links: pathResolver{}, Shortcodes: iconShortcode}
	srcs := append([]string{string(mixedDoc())}, parserCases...)
	skipped := 0
	for _, src := range srcs {
		if needsLinkify([]byte(src)) {
			skipped++
			continue
		}
		compareRenders(t, fast, general, src, ctx)
	}
	if skipped == len(srcs) {
		t.Fatal("every case needs linkify: nothing compared")
	}
}

// TestTrailingSpaceNeedsLinkify shows why needsLinkify looks at line
// ends: parsed without linkify, these pages would come out otherwise.
func TestTrailingSpaceNeedsLinkify(t *testing.T) {
	general := generalRenderer()
	noLinkify := New(Options{})
	noLinkify.md.SetParser(noLinkify.plain)
	for _, src := range []string{
		"line \t\nnext\n",
		"hard    \nnext\n",
		"![中 \n文](y.png)\n",
		"![a \t\nb](x.png)\n",
	} {
		if !needsLinkify([]byte(src)) {
			t.Errorf("needsLinkify(%q) = false", src)
		}
		want, err := general.Render([]byte(src), Context{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := noLinkify.Render([]byte(src), Context{})
		if err != nil {
			t.Fatal(err)
		}
		if reflect.DeepEqual(got, want) {
			t.Errorf("%q renders the same without linkify; the line-end rule is not needed for it", src)
		}
	}
}

func FuzzLinkifyFreeParse(f *testing.F) {
	for _, s := range parserCases {
		f.Add(s)
	}
	fast, general := New(Options{}), generalRenderer()
	f.Fuzz(func(t *testing.T, src string) {
		if needsLinkify([]byte(src)) {
			return
		}
		compareRenders(t, fast, general, src, Context{File: "a.md"})
	})
}

// compareRenders renders src with both Renderers and fails unless the
// results, errors included, are equal.
func compareRenders(t *testing.T, a, b *Renderer, src string, ctx Context) {
	t.Helper()
	ra, ea := a.Render([]byte(src), ctx)
	rb, eb := b.Render([]byte(src), ctx)
	if (ea == nil) != (eb == nil) || ea != nil && ea.Error() != eb.Error() {
		t.Fatalf("%q: errors %v and %v", src, ea, eb)
	}
	if !reflect.DeepEqual(ra, rb) {
		t.Errorf("%q:\nfast    %+v\ngeneral %+v", src, ra, rb)
	}
}

// needsLinkifyByLines is needsLinkify made the plainest way: the body
// split into lines, every one looked at.
func needsLinkifyByLines(b []byte) bool {
	if bytes.IndexByte(b, '@') >= 0 || bytes.Contains(b, []byte("www.")) || bytes.Contains(b, []byte("://")) {
		return true
	}
	lines := bytes.Split(b, []byte("\n"))
	for i, line := range lines {
		if !lineEndsInText(line, i < len(lines)-1) {
			return true
		}
	}
	return false
}

func FuzzNeedsLinkify(f *testing.F) {
	for _, s := range parserCases {
		f.Add(s)
	}
	f.Add("a \r\n\r\n \t\nb\t\r\n")
	f.Add("x  \n  \ny   \n")
	f.Fuzz(func(t *testing.T, src string) {
		if got, want := needsLinkify([]byte(src)), needsLinkifyByLines([]byte(src)); got != want {
			t.Errorf("needsLinkify(%q) = %v, reading line by line %v", src, got, want)
		}
	})
}
