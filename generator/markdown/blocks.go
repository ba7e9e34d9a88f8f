package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// headingRenderer writes headings as goldmark's HTML renderer does, taking
// a generated ID from the htmlWriter (see Renderer.headings) instead of
// from an attribute.
//
// An attribute block ({#id .class key=value}) gives a heading its id,
// classes and data-… attributes (goldmark lets those through any filter;
// they neither style nor run anything); other attributes (style, hidden,
// contenteditable) are written only where raw HTML is on ([markup]
// unsafe): an author could otherwise lay a page-sized box over the site
// with style, where no raw HTML may go.
type headingRenderer struct {
	unsafe bool
}

var _ renderer.NodeRenderer = headingRenderer{}

// RegisterFuncs implements renderer.NodeRenderer.
func (h headingRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	// Without raw HTML an attribute block sets a heading's id and class.
	filter := util.NewBytesFilter([]byte("id"), []byte("class"))
	if h.unsafe {
		filter = html.HeadingAttributeFilter
	}
	reg.Register(ast.KindHeading, func(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		return renderHeading(w, src, node, entering, filter)
	})
}

func renderHeading(w util.BufWriter, _ []byte, node ast.Node, entering bool, filter util.BytesFilter) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	if !entering {
		_, _ = w.WriteString("</h")
		_ = w.WriteByte("0123456"[n.Level])
		_, _ = w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<h")
	_ = w.WriteByte("0123456"[n.Level])
	if n.Attributes() != nil {
		html.RenderAttributes(w, node, filter)
	} else if hw, ok := w.(*htmlWriter); ok {
		if id, ok := hw.headingID(n); ok {
			_, _ = w.WriteString(` id="`)
			_, _ = w.Write(util.EscapeHTML(util.StringToReadOnlyBytes(id)))
			_ = w.WriteByte('"')
		}
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// tableCellRenderer writes table cells as goldmark's table renderer does
// with its default settings (alignment as a style attribute, since the
// renderer is never set to XHTML), without first storing the style as an
// attribute of the cell, which costs every aligned cell an attribute slice
// and a formatted string. A cell that has attributes of its own goes to
// goldmark's renderer.
type tableCellRenderer struct {
	withAttributes renderer.NodeRendererFunc
}

var _ renderer.NodeRenderer = tableCellRenderer{}

// newTableCellRenderer returns a tableCellRenderer that hands cells with
// attributes to goldmark's own table renderer.
func newTableCellRenderer() tableCellRenderer {
	var c kindFunc
	c.kind = east.KindTableCell
	extension.NewTableHTMLRenderer().RegisterFuncs(&c)
	return tableCellRenderer{withAttributes: c.f}
}

// RegisterFuncs implements renderer.NodeRenderer.
func (t tableCellRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTableCell, t.render)
}

func (t tableCellRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*east.TableCell)
	if n.Attributes() != nil {
		return t.withAttributes(w, src, node, entering)
	}
	tag := "td"
	if n.Parent().Kind() == east.KindTableHeader {
		tag = "th"
	}
	if !entering {
		_, _ = w.WriteString("</")
		_, _ = w.WriteString(tag)
		_, _ = w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	_ = w.WriteByte('<')
	_, _ = w.WriteString(tag)
	if n.Alignment != east.AlignNone {
		_, _ = w.WriteString(` style="text-align:`)
		_, _ = w.WriteString(n.Alignment.String())
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// kindFunc keeps the function a node renderer registers for one kind.
type kindFunc struct {
	kind ast.NodeKind
	f    renderer.NodeRendererFunc
}

// Register implements renderer.NodeRendererFuncRegisterer.
func (c *kindFunc) Register(k ast.NodeKind, f renderer.NodeRendererFunc) {
	if k == c.kind {
		c.f = f
	}
}
