package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// writeText appends the plain text of n's children to b: no tags, character
// references and backslash escapes decoded, a "\n" after every block, soft
// line breaks as a space (or nothing, where the HTML drops them too). Images,
// raw HTML, footnote marks and task check boxes add nothing.
func writeText(b *bytes.Buffer, n ast.Node, src []byte) {
	walker := func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock && b.Len() > 0 && b.Bytes()[b.Len()-1] != '\n' {
				b.WriteByte('\n')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			v := n.Segment.Value(src)
			if n.IsRaw() {
				b.Write(v)
			} else {
				writeUnescaped(b, v)
			}
			switch {
			case n.HardLineBreak():
				b.WriteByte('\n')
			case n.SoftLineBreak():
				b.WriteByte(' ')
			}
		case *ast.String:
			if n.IsCode() || n.IsRaw() {
				b.Write(n.Value)
			} else {
				writeUnescaped(b, n.Value)
			}
		case *softBreakNode:
			b.WriteByte(' ')
		case *ast.AutoLink:
			b.Write(n.Label(src))
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			b.Write(codeLines(n, src))
			return ast.WalkSkipChildren, nil
		case *ast.Image, *ast.RawHTML, *ast.HTMLBlock, *moreNode:
			return ast.WalkSkipChildren, nil
		}
		switch n.Kind() {
		case east.KindFootnoteLink, east.KindFootnoteBacklink, east.KindTaskCheckBox:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		_ = ast.Walk(c, walker)
	}
}

// writeUnescaped writes Markdown text with backslash escapes and character
// references decoded.
func writeUnescaped(b *bytes.Buffer, v []byte) {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		b.Write(v)
		return
	}
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	v = util.ResolveEntityNames(v)
	b.Write(v)
}

// plainText returns the plain text of n's children, with placeholder tokens
// replaced by the text of their shortcode HTML. It uses b as scratch.
func (p *page) plainText(n ast.Node, src []byte, b *bytes.Buffer) []byte {
	if b == nil {
		b = &bytes.Buffer{}
	}
	b.Reset()
	writeText(b, n, src)
	return p.tokens.replaceText(b.Bytes())
}
