package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
)

// dangerURLs are destinations on both sides of goldmark's dangerous-URL
// check, in mixed case and with characters that lower-case oddly.
var dangerURLs = []string{
	"", "x", "https://example.org/a?b=c&d", "/abs", "#frag", "rel/page.md",
	"javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:x", "javascript", "vbscript:x", "VBScript:x",
	"file:///etc/passwd", "FILE:x", "data:text/html,x", "DATA:x", "data:image/png;base64,xx", "DATA:IMAGE/PNG;x",
	"data:image/gif;x", "data:image/jpeg;x", "data:image/webp;x", "data:image/svg+xml;x", "data:image/", "data:image/pn",
	"\u212Aavascript:x", "fİle:x", "f\u0130le:x", "javascr\u0130pt:x", "dat\xffa:x", "\xe2\x84", "中文链接",
}

func TestIsDangerousURLMatchesGoldmark(t *testing.T) {
	for _, u := range dangerURLs {
		if got, want := isDangerousURL([]byte(u)), html.IsDangerousURL([]byte(u)); got != want {
			t.Errorf("isDangerousURL(%q) = %v, goldmark says %v", u, got, want)
		}
	}
}

func FuzzIsDangerousURL(f *testing.F) {
	for _, u := range dangerURLs {
		f.Add(u)
	}
	f.Fuzz(func(t *testing.T, u string) {
		if got, want := isDangerousURL([]byte(u)), html.IsDangerousURL([]byte(u)); got != want {
			t.Errorf("isDangerousURL(%q) = %v, goldmark says %v", u, got, want)
		}
	})
}

// TestLinksMatchGoldmark renders paragraphs of links, which Render leaves
// to goldmark but for its own link renderer, and compares them with
// goldmark's own HTML.
func TestLinksMatchGoldmark(t *testing.T) {
	var src bytes.Buffer
	for _, u := range dangerURLs {
		src.WriteString("[a](<" + u + ">) [b *c*](<" + u + "> \"t &amp; \\\"q\\\"\") <" + u + "> ")
	}
	src.WriteString("[ref][r] ![img](x.png \"title\") www.example.org\n\n[r]: /ref 'ref title'\n")
	for _, unsafe := range []bool{false, true} {
		var opts []renderer.Option
		if unsafe {
			opts = append(opts, html.WithUnsafe())
		}
		md := goldmark.New(
			goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList,
				extension.NewCJK(extension.WithEastAsianLineBreaks())),
			goldmark.WithParserOptions(parser.WithAttribute()),
			goldmark.WithRendererOptions(opts...),
		)
		var want bytes.Buffer
		if err := md.Convert(src.Bytes(), &want); err != nil {
			t.Fatal(err)
		}
		res, err := New(Options{Unsafe: unsafe}).Render(src.Bytes(), Context{})
		if err != nil {
			t.Fatal(err)
		}
		if res.HTML != want.String() {
			t.Errorf("unsafe=%v: HTML =\n%s\nwant\n%s", unsafe, res.HTML, want.Bytes())
		}
	}
}

// TestManyResolvedDestinations resolves enough links and images on one
// page that the buffer keeping their destinations grows several times
// over: every one must still be written as its resolver said.
func TestManyResolvedDestinations(t *testing.T) {
	var src strings.Builder
	var want []string
	for i := range 200 {
		fmt.Fprintf(&src, "[l%d](notes/page-%d.md#part-%d) ![i%d](img/p%d.png)\n", i, i, i, i, i)
		want = append(want, fmt.Sprintf(`<a href="/notes/page-%d/#part-%d">l%d</a>`, i, i, i),
			fmt.Sprintf(`<img src="/img/p%d.png/" alt="i%d">`, i, i))
	}
	r := New(Options{})
	for range 2 { // the second time round in a pooled scratch
		res, err := r.Render([]byte(src.String()), Context{Links: pathResolver{}})
		if err != nil {
			t.Fatal(err)
		}
		checkHTML(t, res.HTML, want, nil)
		if len(res.Images) != 200 || res.Images[199].Dest != "/img/p199.png/" {
			t.Errorf("images: %d, last %+v", len(res.Images), res.Images[len(res.Images)-1])
		}
	}
}
