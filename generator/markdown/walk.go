package markdown

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// moreDivider is the summary divider, alone on its line.
const moreDivider = "<!--more-->"

// pageHeading is a heading of the page and where its plain text lies in
// the page's text buffer.
type pageHeading struct {
	node       *ast.Heading
	start, end int
}

// prepare makes the one pass over the parsed page. It resolves links and
// images, collects images and headings, fixes up the tree for rendering
// (soft line breaks, the summary divider) and writes the page's plain text
// to s.text, as writeText would after those fixes. It returns the headings
// in order, each with the stretch of text that is its own.
func (p *page) prepare(doc ast.Node, body []byte, res *Result, s *scratch) []pageHeading {
	s.text.Reset()
	w := preparer{p: p, body: body, s: s, tw: textWriter{b: &s.text, src: body}, headings: s.headings[:0]}
	// The text is that of doc's children.
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		w.walk(c, false)
	}
	p.placeMore(doc, w.markers)
	for _, n := range w.dropped {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		parent.RemoveChild(parent, n)
		if parent.Kind() == ast.KindParagraph && parent.ChildCount() == 0 && parent.Parent() != nil {
			parent.Parent().RemoveChild(parent.Parent(), parent)
		}
	}
	res.Images = w.images
	return w.headings
}

// preparer is the state of prepare's walk. It walks the tree itself, in
// the order ast.Walk would, calling no function per node but its own.
type preparer struct {
	p        *page
	body     []byte
	s        *scratch
	tw       textWriter
	headings []pageHeading
	markers  []ast.Node // summary dividers, in order
	images   []Image    // the page's Result.Images (res itself, held here, would escape)
	dropped  []ast.Node // images to take out of the tree after the walk (Context.NoImages)
}

// walk does prepare's work for n and its children. quiet says that a node
// above n adds no text for its children; they are still walked for links
// and line breaks. A node inserted after n while n is walked (a soft line
// break) is walked next, as ast.Walk would.
func (w *preparer) walk(n ast.Node, quiet bool) {
	p, body := w.p, w.body
	children := true
	switch n := n.(type) {
	case *ast.Heading:
		w.headings = append(w.headings, pageHeading{node: n, start: w.tw.b.Len()})
	case *ast.Text:
		if n.SoftLineBreak() {
			fixSoftBreak(n, body)
		}
	case *ast.Link:
		n.Destination = p.destination(n, n.Destination, body, false)
	case *ast.Image:
		if p.ctx.NoImages {
			w.dropped = append(w.dropped, n)
			children = false
			break
		}
		n.Destination = p.destination(n, n.Destination, body, true)
		line, col := p.nodePos(n, body)
		w.images = append(w.images, Image{
			Dest: string(n.Destination),
			Alt:  string(bytes.TrimSpace(p.plainText(n, body, &w.s.alt))),
			Line: line,
			Col:  col,
		})
		// Alt text is rendered by goldmark from the Text children as
		// they are; leave their line breaks alone.
		children = false
	case *ast.HTMLBlock:
		if isMoreBlock(n, body) {
			w.markers = append(w.markers, n)
		}
	case *ast.RawHTML:
		if n.Segments.Len() == 1 {
			seg := n.Segments.At(0)
			if string(seg.Value(body)) == moreDivider {
				w.markers = append(w.markers, n)
			}
		}
	}
	quietChildren := quiet || w.tw.enter(n) == ast.WalkSkipChildren
	if children {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			w.walk(c, quietChildren)
		}
	}
	if _, ok := n.(*ast.Heading); ok {
		w.headings[len(w.headings)-1].end = w.tw.b.Len() // headings do not nest
	}
	if !quiet {
		w.tw.exit(n)
	}
}

// isMoreBlock reports whether an HTML block is the summary divider alone.
func isMoreBlock(n *ast.HTMLBlock, body []byte) bool {
	var b []byte
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		b = append(b, s.Value(body)...)
	}
	if n.HasClosure() {
		b = append(b, n.ClosureLine.Value(body)...)
	}
	return string(bytes.TrimSpace(b)) == moreDivider
}

// placeMore turns the first divider that stands between top-level blocks
// into the summary cut and drops every other one.
func (p *page) placeMore(doc ast.Node, markers []ast.Node) {
	placed := false
	for _, m := range markers {
		parent := m.Parent()
		if !placed && parent == doc {
			parent.ReplaceChild(parent, m, &moreNode{mark: p.tokens.moreMark()})
			placed = true
			continue
		}
		parent.RemoveChild(parent, m)
	}
}

// fixSoftBreak settles a soft line break itself rather than leave it to
// goldmark, which drops the break before any inline node that is not plain
// text ("one\n*two*" would render as "one<em>two</em>"). The break goes away
// between two East Asian wide characters and stays a newline otherwise.
func fixSoftBreak(t *ast.Text, src []byte) {
	t.SetSoftLineBreak(false)
	before, ok1 := lastRune(t, src)
	for c := t.PreviousSibling(); !ok1 && c != nil; c = c.PreviousSibling() {
		before, ok1 = lastRune(c, src)
	}
	var after rune
	ok2 := false
	for c := t.NextSibling(); !ok2 && c != nil; c = c.NextSibling() {
		after, ok2 = firstRune(c, src)
	}
	if ok1 && ok2 && util.IsEastAsianWideRune(before) && util.IsEastAsianWideRune(after) {
		return
	}
	t.Parent().InsertAfter(t.Parent(), t, &softBreakNode{})
}

// lastRune returns the last character of the text n renders, if any.
func lastRune(n ast.Node, src []byte) (rune, bool) {
	if v, ok := leafText(n, src); ok {
		if len(v) == 0 {
			return 0, false
		}
		r, _ := utf8.DecodeLastRune(v)
		return r, true
	}
	for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
		if r, ok := lastRune(c, src); ok {
			return r, true
		}
	}
	return 0, false
}

// firstRune returns the first character of the text n renders, if any.
func firstRune(n ast.Node, src []byte) (rune, bool) {
	if v, ok := leafText(n, src); ok {
		if len(v) == 0 {
			return 0, false
		}
		r, _ := utf8.DecodeRune(v)
		return r, true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if r, ok := firstRune(c, src); ok {
			return r, true
		}
	}
	return 0, false
}

// leafText returns the text of a Text or String node.
func leafText(n ast.Node, src []byte) ([]byte, bool) {
	switch n := n.(type) {
	case *ast.Text:
		return n.Segment.Value(src), true
	case *ast.String:
		return n.Value, true
	}
	return nil, false
}

// destination resolves the destination of a link or image. A destination
// built by a shortcode is taken as it is; a relative one, or a site path
// ("/leaders/x/cv.pdf"), goes through ctx.Links, keeping its #fragment. A
// resolver error is reported at the node.
func (p *page) destination(n ast.Node, dest, body []byte, image bool) []byte {
	if p.tokens.has(dest) {
		return p.tokens.replaceRaw(dest)
	}
	if p.ctx.Links == nil || !(isRelative(dest) || isSitePath(dest)) {
		return dest
	}
	d, frag, hasFrag := strings.Cut(string(dest), "#")
	u, err := p.ctx.Links.Resolve(d, image)
	if err != nil {
		what := "link"
		if image {
			what = "image"
		}
		line, col := p.nodePos(n, body)
		p.errorf(line, col, "%s %q: %w", what, dest, err)
		return dest
	}
	if u == d {
		return dest // unchanged: with its fragment, it is dest as it was
	}
	// The tree, and so the destination, lives until Render returns:
	// keep it in the scratch buffer rather than in memory of its own.
	b := *p.dests
	start := len(b)
	b = append(b, u...)
	if hasFrag {
		b = append(append(b, '#'), frag...)
	}
	*p.dests = b
	return b[start:len(b):len(b)]
}

// isSitePath reports a destination that is a path on the site: one "/",
// not two (a URL without its scheme).
func isSitePath(dest []byte) bool {
	return len(dest) > 0 && dest[0] == '/' && (len(dest) == 1 || dest[1] != '/')
}

// isRelative reports whether a destination is relative to the page: not
// empty, no scheme, not starting with '/', '#' or '?'.
func isRelative(dest []byte) bool {
	if len(dest) == 0 {
		return false
	}
	switch dest[0] {
	case '/', '#', '?':
		return false
	}
	return !hasScheme(dest)
}

// hasScheme reports whether dest starts with a URL scheme such as
// "https:" or "mailto:".
func hasScheme(dest []byte) bool {
	for i, c := range dest {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

// nodePos returns the file position of an inline link or image: the '[' or
// "![" before its first text, or else the first line of its block.
func (p *page) nodePos(n ast.Node, body []byte) (line, col int) {
	if off, ok := firstTextOffset(n); ok {
		opener := "["
		if n.Kind() == ast.KindImage {
			opener = "!["
		}
		if off >= len(opener) && string(body[off-len(opener):off]) == opener {
			off -= len(opener)
		}
		return p.pos.bodyPos(off)
	}
	for b := n.Parent(); b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
			return p.pos.bodyPos(b.Lines().At(0).Start)
		}
	}
	return 0, 0
}

// firstTextOffset returns the body offset of the first Text inside n.
func firstTextOffset(n ast.Node) (int, bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start, true
		}
		if off, ok := firstTextOffset(c); ok {
			return off, true
		}
	}
	return 0, false
}
