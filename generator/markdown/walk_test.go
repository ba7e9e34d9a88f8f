package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// walkCases are pages for TestPrepareTextMatchesWriteText: every kind of
// node prepare's walk and textWriter treat on their own, nested in blocks
// and inlines, and soft line breaks between wide and narrow characters.
var walkCases = []string{
	"# Title\n\nSome *em* &amp; \\*lit\\* `code <x>` [link](u) ![alt *x*](i.png)\n",
	"- one\n- two[^f]\n  - [ ] task\n  - [x] done\n\n```\ncode\n```\n\n    indented\n\n[^f]: Note *n*.\n",
	"| h | **b** |\n|---|---|\n| c | [l](x.md) |\n\n<b>raw</b> <!--more--> text\n\n<!--more-->\n\nafter\n",
	"> quote with 中文\n> 文字 and\n> more *em\n> phasis*\n\nTerm\n: definition\n",
	"## Heading *with* `code`\n\npara one\npara two\n中文\nEnglish\n\n### {#id} x\n\n<https://auto.link> and www.linkify.org\n",
	"1. ![outer [inner](y.md)](z.png)\n2. [![img](a.png)](b.md)\n\n<div>\nblock\n</div>\n\n~~strike~~ hard  \nbreak\\\nend",
}

// TestPrepareTextMatchesWriteText checks prepare's own walk against
// writeText, which gets the same text with ast.Walk: the page's plain text
// and each heading's stretch of it must be what writeText writes for the
// tree prepare leaves.
func TestPrepareTextMatchesWriteText(t *testing.T) {
	r := New(Options{})
	for _, src := range append(walkCases, parserCases...) {
		body := []byte(src)
		s := &scratch{}
		s.ids.reset()
		s.page = page{src: body, dests: &s.dests}
		p := &s.page
		p.pos = positions{src: body}
		doc := r.parse(body, &parseIDs{headingIDs: &s.ids, paragraphs: &paragraphSlab{}})
		var res Result
		headings := p.prepare(doc, body, &res, s)

		var want bytes.Buffer
		writeText(&want, doc, body)
		if got := s.text.String(); got != want.String() {
			t.Errorf("%q: text\n got  %q\n want %q", src, got, want.String())
			continue
		}
		var nh int
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			h, ok := n.(*ast.Heading)
			if !ok || !entering {
				return ast.WalkContinue, nil
			}
			var hw bytes.Buffer
			writeText(&hw, h, body)
			switch {
			case nh >= len(headings) || headings[nh].node != h:
				t.Errorf("%q: heading %d not found in order", src, nh)
			case s.text.String()[headings[nh].start:headings[nh].end] != hw.String():
				t.Errorf("%q: heading %d text %q, want %q", src, nh,
					s.text.String()[headings[nh].start:headings[nh].end], hw.String())
			}
			nh++
			return ast.WalkSkipChildren, nil
		})
		if nh != len(headings) {
			t.Errorf("%q: %d headings, want %d", src, len(headings), nh)
		}
	}
}
