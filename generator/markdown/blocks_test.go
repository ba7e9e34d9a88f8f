package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// TestHeadingAndCellHTML pins the exact HTML of headings and table cells,
// which this package writes itself rather than through goldmark's
// renderers: goldmark's bytes, with generated IDs and alignment styles in
// the places goldmark's attributes would put them.
func TestHeadingAndCellHTML(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"generated ids", "# One\n\n## One\n\n###### Deep & <odd> \"id\"\n",
			"<h1 id=\"one\">One</h1>\n<h2 id=\"one-1\">One</h2>\n<h6 id=\"deep-id\">Deep &amp; <!-- raw HTML omitted --> &quot;id&quot;</h6>\n"},
		{"explicit id and class", "## A {#own .c}\n\n## B {.c data-x=\"1\"}\n\n## own\n",
			"<h2 id=\"own\" class=\"c\">A</h2>\n<h2 class=\"c\" data-x=\"1\" id=\"b\">B</h2>\n<h2 id=\"own-1\">own</h2>\n"},
		{"setext", "Title\n=====\n\nSub\n---\n", "<h1 id=\"title\">Title</h1>\n<h2 id=\"sub\">Sub</h2>\n"},
		{"heading in a list and a quote", "- ## In list\n\n> ## In quote\n",
			"<ul>\n<li>\n<h2 id=\"in-list\">In list</h2>\n</li>\n</ul>\n<blockquote>\n<h2 id=\"in-quote\">In quote</h2>\n</blockquote>\n"},
		{"empty heading", "##\n", "<h2 id=\"heading\"></h2>\n"},
		{"aligned cells", "| a | b | c | d |\n|---|:--|:-:|--:|\n| 1 | 2 | 3 | 4 |\n",
			"<table>\n<thead>\n<tr>\n<th>a</th>\n<th style=\"text-align:left\">b</th>\n<th style=\"text-align:center\">c</th>\n<th style=\"text-align:right\">d</th>\n</tr>\n</thead>\n" +
				"<tbody>\n<tr>\n<td>1</td>\n<td style=\"text-align:left\">2</td>\n<td style=\"text-align:center\">3</td>\n<td style=\"text-align:right\">4</td>\n</tr>\n</tbody>\n</table>\n"},
		{"short row", "| a | b |\n|--:|---|\n| 1 |\n",
			"<table>\n<thead>\n<tr>\n<th style=\"text-align:right\">a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td style=\"text-align:right\">1</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.src, Context{}).HTML; got != tt.want {
				t.Errorf("HTML =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestHeadingIDsReusedScratch(t *testing.T) {
	r := New(Options{})
	for i, src := range []string{"## A\n\n## A\n", "## A\n", "## B {.c}\n\n## A\n"} {
		res, err := r.Render([]byte(src), Context{})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"<h2 id=\"a\">A</h2>\n<h2 id=\"a-1\">A</h2>\n", "<h2 id=\"a\">A</h2>\n", "<h2 class=\"c\" id=\"b\">B</h2>\n<h2 id=\"a\">A</h2>\n"}[i]
		if res.HTML != want {
			t.Errorf("render %d = %q, want %q", i, res.HTML, want)
		}
	}
}

func TestCellWithAttributesGoesToGoldmark(t *testing.T) {
	r := New(Options{})
	src := []byte("| a | b |\n|--:|---|\n| 1 | 2 |\n")
	doc := r.parse(src, newParseIDs())
	n := 0
	_ = ast.Walk(doc, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Kind() == east.KindTableCell {
			if n%2 == 0 {
				c.SetAttributeString("class", []byte("x"))
			}
			n++
		}
		return ast.WalkContinue, nil
	})
	var b bytes.Buffer
	if err := r.md.Renderer().Render(&b, src, doc); err != nil {
		t.Fatal(err)
	}
	want := "<table>\n<thead>\n<tr>\n<th class=\"x\" style=\"text-align:right\">a</th>\n<th>b</th>\n</tr>\n</thead>\n" +
		"<tbody>\n<tr>\n<td class=\"x\" style=\"text-align:right\">1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n"
	if b.String() != want {
		t.Errorf("HTML =\n%q\nwant\n%q", b.String(), want)
	}
}

func TestCodeLinesMatchesSegmentValues(t *testing.T) {
	srcs := []string{
		"```toml\n# a\nx = 1\n```\n",
		"```\nno closing fence",
		"    indented\n    code\n\n    after blank\n",
		"    at end without newline",
		"- item\n\n  ```go\n  x := 1\n\n  y := 2\n  ```\n",
		"> ```\n> quoted\n> code\n> ```\n",
		"```\r\ncrlf\r\nlines\r\n```\r\n",
		"-\tcode\n\n\t\ttabbed code in a list\n",
		"```\n```\n",
	}
	r := New(Options{})
	for _, src := range srcs {
		b := []byte(src)
		doc := r.parse(b, newParseIDs())
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering || (n.Kind() != ast.KindFencedCodeBlock && n.Kind() != ast.KindCodeBlock) {
				return ast.WalkContinue, nil
			}
			var want []byte
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				s := lines.At(i)
				want = append(want, s.Value(bytes.Clone(b))...)
			}
			if got := codeLines(n, b); !bytes.Equal(got, want) {
				t.Errorf("%q: codeLines = %q, want %q", src, got, want)
			}
			return ast.WalkSkipChildren, nil
		})
	}
}
