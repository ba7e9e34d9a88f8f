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
	w := textWriter{b: b, src: src}
	walker := func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			w.exit(n)
			return ast.WalkContinue, nil
		}
		return w.enter(n), nil
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		_ = ast.Walk(c, walker)
	}
}

// textWriter writes the plain text of the nodes of a walk, as writeText
// describes it.
type textWriter struct {
	b   *bytes.Buffer
	src []byte
}

// enter writes what n adds before its children and reports whether its
// children add text too (ast.WalkContinue) or not (ast.WalkSkipChildren).
func (w textWriter) enter(n ast.Node) ast.WalkStatus {
	b := w.b
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(w.src)
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
		b.Write(n.Label(w.src))
		return ast.WalkSkipChildren
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		b.Write(codeLines(n, w.src))
		return ast.WalkSkipChildren
	case *ast.Image, *ast.RawHTML, *ast.HTMLBlock, *moreNode,
		*east.FootnoteLink, *east.FootnoteBacklink, *east.TaskCheckBox:
		return ast.WalkSkipChildren
	}
	return ast.WalkContinue
}

// exit ends a block with a newline, unless the text is empty or already
// ends with one.
func (w textWriter) exit(n ast.Node) {
	if l := w.b.Len(); l > 0 && w.b.Bytes()[l-1] != '\n' && n.Type() == ast.TypeBlock {
		w.b.WriteByte('\n')
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
	b.Reset()
	writeText(b, n, src)
	return p.tokens.replaceText(b.Bytes())
}
