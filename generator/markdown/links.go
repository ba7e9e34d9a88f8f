package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// linkRenderer writes links as goldmark's HTML renderer does, but tells a
// dangerous destination (javascript:, data: …) from a safe one without
// goldmark's two lower-cased copies per prefix tried, ten allocations for
// a plain link. A link with a title goes to goldmark's renderer, which
// writes titles with its own text writer.
type linkRenderer struct {
	unsafe    bool
	withTitle renderer.NodeRendererFunc
}

var _ renderer.NodeRenderer = linkRenderer{}

// newLinkRenderer returns a linkRenderer for a Renderer that keeps raw
// HTML and dangerous URLs when unsafe is set.
func newLinkRenderer(unsafe bool) linkRenderer {
	var opts []html.Option
	if unsafe {
		opts = append(opts, html.WithUnsafe())
	}
	c := kindFunc{kind: ast.KindLink}
	html.NewRenderer(opts...).RegisterFuncs(&c)
	return linkRenderer{unsafe: unsafe, withTitle: c.f}
}

// RegisterFuncs implements renderer.NodeRenderer.
func (l linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, l.render)
}

func (l linkRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if n.Title != nil {
		return l.withTitle(w, src, node, entering)
	}
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	dest := util.URLEscape(n.Destination, true)
	if l.unsafe || !isDangerousURL(dest) {
		_, _ = w.Write(util.EscapeHTML(dest))
	}
	_ = w.WriteByte('"')
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.LinkAttributeFilter)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// isDangerousURL is html.IsDangerousURL without allocating. goldmark
// compares lower-cased copies of url's first bytes with ASCII prefixes;
// that holds exactly when the bytes equal the prefix but for the case of
// ASCII letters, since a character that lower-cases to ASCII from outside
// it (the Kelvin sign) shortens the copy, and anything else, invalid
// UTF-8 included, leaves something that is not ASCII.
func isDangerousURL(url []byte) bool {
	if hasPrefixFold(url, "data:image/") {
		v := url[len("data:image/"):]
		return !hasPrefixFold(v, "png;") && !hasPrefixFold(v, "gif;") &&
			!hasPrefixFold(v, "jpeg;") && !hasPrefixFold(v, "webp;")
	}
	return hasPrefixFold(url, "javascript:") || hasPrefixFold(url, "vbscript:") ||
		hasPrefixFold(url, "file:") || hasPrefixFold(url, "data:")
}

// hasPrefixFold reports whether s starts with prefix, a lower-case ASCII
// string, with ASCII letters of s in either case.
func hasPrefixFold(s []byte, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
