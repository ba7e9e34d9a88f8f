package markdown

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/sineng/sineng/generator/highlight"
)

// Node kinds of this package. They are registered with goldmark once, when
// the package is initialised, and never change after.
var (
	kindMore      = ast.NewNodeKind("SinengMore")
	kindSoftBreak = ast.NewNodeKind("SinengSoftBreak")
)

// moreNode stands for the <!--more--> divider. It renders as mark, an HTML
// comment that occurs nowhere else in the page's HTML, where Render cuts
// the summary.
type moreNode struct {
	ast.BaseBlock
	mark string
}

// Kind implements ast.Node.
func (n *moreNode) Kind() ast.NodeKind { return kindMore }

// Dump implements ast.Node.
func (n *moreNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// softBreakNode is a soft line break that stays a line break in the HTML:
// one not between two East Asian wide characters.
type softBreakNode struct {
	ast.BaseInline
}

// Kind implements ast.Node.
func (n *softBreakNode) Kind() ast.NodeKind { return kindSoftBreak }

// Dump implements ast.Node.
func (n *softBreakNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// pageNodeRenderer renders this package's own nodes.
type pageNodeRenderer struct{}

var _ renderer.NodeRenderer = pageNodeRenderer{}

// RegisterFuncs implements renderer.NodeRenderer.
func (pageNodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindMore, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(n.(*moreNode).mark)
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(kindSoftBreak, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_ = w.WriteByte('\n')
		}
		return ast.WalkSkipChildren, nil
	})
}

// codeBlockRenderer renders fenced and indented code blocks through a
// Highlighter.
type codeBlockRenderer struct {
	h *highlight.Highlighter
}

var _ renderer.NodeRenderer = codeBlockRenderer{}

// RegisterFuncs implements renderer.NodeRenderer.
func (c codeBlockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, c.render)
	reg.Register(ast.KindCodeBlock, c.render)
}

func (c codeBlockRenderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	var lang string
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		lang = string(f.Language(src))
	}
	if err := c.h.Block(w, codeLines(n, src), lang); err != nil {
		return ast.WalkStop, fmt.Errorf("code block: %w", err)
	}
	_ = w.WriteByte('\n')
	return ast.WalkSkipChildren, nil
}

// codeLines returns the content of a code block. Lines that lie back to back
// in src, the usual case, are returned as a sub-slice without copying. A
// line is taken as it stands in src when it has no padding and, if it is
// to end with a newline (goldmark marks every code line so), already does.
func codeLines(n ast.Node, src []byte) []byte {
	lines := n.Lines()
	if lines.Len() == 0 {
		return nil
	}
	first, last := lines.At(0), lines.At(lines.Len()-1)
	contiguous := true
	size := 0
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		size += s.Len() + 1
		if s.Padding != 0 || (s.ForceNewline && s.Stop > s.Start && src[s.Stop-1] != '\n') || (i > 0 && s.Start != lines.At(i-1).Stop) {
			contiguous = false
		}
	}
	if contiguous {
		return src[first.Start:last.Stop]
	}
	b := make([]byte, 0, size)
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		b = append(b, s.Value(src)...)
	}
	return b
}
