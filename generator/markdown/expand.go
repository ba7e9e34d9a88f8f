package markdown

import (
	"bytes"
	"errors"
	"html"
	"sort"

	"github.com/yuin/goldmark/ast"

	"github.com/sineng/sineng/generator/diag"
)

// scNode is a shortcode call: its opening tag, and its closing tag and the
// calls nested between them when it has one.
type scNode struct {
	tag
	closed               bool
	closeStart, closeEnd int
	children             []*scNode
}

// after returns the source offset just past the call.
func (n *scNode) after() int {
	if n.closed {
		return n.closeEnd
	}
	return n.end
}

// codeRanges returns, in order, the byte ranges of doc, a parse of src,
// that hold code: the text of code spans and the lines of fenced and
// indented code blocks. It asks goldmark itself, so what counts as code is
// exactly what CommonMark says (fences in list items and block quotes
// included).
func codeRanges(doc ast.Node) [][2]int {
	var out [][2]int
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindFencedCodeBlock, ast.KindCodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				s := lines.At(i)
				out = append(out, [2]int{s.Start, s.Stop})
			}
			return ast.WalkSkipChildren, nil
		case ast.KindCodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					out = append(out, [2]int{t.Segment.Start, t.Segment.Stop})
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// mayHaveCode reports whether src could hold a code span or code block at
// all: that takes a backtick, a tilde, a tab or four spaces in a row.
func mayHaveCode(src []byte) bool {
	return bytes.ContainsAny(src, "`~\t") || bytes.Contains(src, []byte("    "))
}

// scanTags returns the shortcode tags of p.src that do not start inside
// code. A malformed tag is reported and left as text. The source is parsed
// to find its code only when a tag might be inside some; that parse is
// returned, nil when there was none.
func (p *page) scanTags(r *Renderer) ([]tag, ast.Node) {
	var tags []tag
	var doc ast.Node
	var code [][2]int
	src := p.src
	var guard *codeGuard
	if mayHaveCode(src) {
		guard = newCodeGuard(src)
	}
	c := 0 // first code range that may still contain an offset >= i
	for i := 0; i < len(src); {
		k := shortcodeStart(src[i:])
		if k < 0 {
			break
		}
		k += i
		if doc == nil && guard != nil && guard.mayBeCode(k) {
			doc = r.parse(src, &p.ids)
			code = codeRanges(doc)
		}
		for c < len(code) && code[c][1] <= k {
			c++
		}
		if c < len(code) && code[c][0] <= k {
			i = k + 3
			continue
		}
		t, err := parseTag(src, k)
		if err != nil {
			p.srcErrorf(k, "%w", err)
			i = k + 3
			continue
		}
		tags = append(tags, t)
		i = t.end
	}
	return tags, doc
}

// buildTree pairs opening and closing tags. A closing tag closes the nearest
// open call of its name; open calls left between them, and those never
// closed, are self-closing, and what followed them becomes their siblings.
func (p *page) buildTree(tags []tag) []*scNode {
	var roots []*scNode
	var stack []*scNode
	appendTo := func(n *scNode) {
		if len(stack) == 0 {
			roots = append(roots, n)
		} else {
			top := stack[len(stack)-1]
			top.children = append(top.children, n)
		}
	}
	// unwind leaves stack[k:] unclosed: each lends its children to its parent.
	unwind := func(k int) {
		for i := len(stack) - 1; i >= k; i-- {
			n := stack[i]
			if i == 0 {
				roots = append(roots, n.children...)
			} else {
				stack[i-1].children = append(stack[i-1].children, n.children...)
			}
			n.children = nil
		}
		stack = stack[:k]
	}
	for _, t := range tags {
		n := &scNode{tag: t}
		switch t.kind {
		case tagOpen:
			appendTo(n)
			stack = append(stack, n)
		case tagSelfClosed, tagEscaped:
			appendTo(n)
		case tagClose:
			k := len(stack) - 1
			for k >= 0 && stack[k].name != t.name {
				k--
			}
			if k < 0 {
				open, closing := t.delims()
				p.srcErrorf(t.start, "closing shortcode tag %s /%s %s has no opening tag", open, t.name, closing)
				continue
			}
			unwind(k + 1)
			o := stack[k]
			o.closed, o.closeStart, o.closeEnd = true, t.start, t.end
			stack = stack[:k]
		}
	}
	unwind(0)
	return roots
}

// expandShortcodes writes the page source with its shortcodes expanded to
// out, recording where each part came from, and returns the result. When
// nothing is expanded the result is the source itself, with its parse if
// finding the code took one (nil otherwise).
func (p *page) expandShortcodes(r *Renderer, out *bytes.Buffer) ([]byte, ast.Node) {
	tags, doc := p.scanTags(r)
	if len(tags) == 0 {
		return p.src, doc
	}
	out.Reset()
	out.Grow(len(p.src) + len(p.src)/8)
	p.pos.spans = []span{}
	p.expand(out, 0, len(p.src), p.buildTree(tags), true)
	return out.Bytes(), nil
}

// expand writes src[from:to] to out with the calls in nodes replaced by
// their output. At the top level it records spans for error positions.
func (p *page) expand(out *bytes.Buffer, from, to int, nodes []*scNode, top bool) {
	copySrc := func(a, b int) {
		if a >= b {
			return
		}
		if top {
			p.pos.spans = append(p.pos.spans, span{body: out.Len(), src: a, copied: true})
		}
		out.Write(p.src[a:b])
	}
	at := from
	for _, n := range nodes {
		copySrc(at, n.start)
		s := p.call(n)
		if top {
			p.pos.spans = append(p.pos.spans, span{body: out.Len(), src: n.start})
		}
		out.WriteString(s)
		at = n.after()
	}
	copySrc(at, to)
}

// call runs one shortcode and returns what stands in its place: Markdown
// for the {{% %}} form, a placeholder token for HTML. On error it reports
// the problem and returns "".
func (p *page) call(n *scNode) string {
	if n.kind == tagEscaped {
		return p.tokens.add(html.EscapeString(n.literal))
	}
	var inner string
	if n.closed {
		var b bytes.Buffer
		p.expand(&b, n.end, n.closeStart, n.children, false)
		inner = b.String()
	}
	open, closing := n.delims()
	if p.ctx.Shortcodes == nil {
		p.srcErrorf(n.start, "unknown shortcode %q", n.name)
		return ""
	}
	line, col := p.pos.srcPos(n.start)
	out, err := p.ctx.Shortcodes(Shortcode{
		Name:       n.name,
		Args:       n.args,
		Named:      n.named,
		Inner:      inner,
		Markdown:   n.markdown,
		Closed:     n.closed,
		SelfClosed: n.kind == tagSelfClosed,
		Line:       line,
		Col:        col,
	})
	switch {
	case err == nil:
	case errors.Is(err, ErrUnclosed) && !n.closed:
		p.srcErrorf(n.start, "unclosed shortcode %q: missing %s /%s %s", n.name, open, n.name, closing)
		return ""
	default:
		if list := p.ownErrors(err); list != nil {
			// Problems of its inner Markdown, positioned in this page
			// already: as they are, not again at the opening tag.
			for _, e := range list {
				p.errs.Add(e)
			}
			return ""
		}
		p.srcErrorf(n.start, "shortcode %q: %w", n.name, err)
		return ""
	}
	if n.markdown {
		return out
	}
	return p.tokens.add(out)
}

// ownErrors returns the errors of err when every one is a *diag.Error in
// this page's file (the problems of a shortcode's inner Markdown), else
// nil.
func (p *page) ownErrors(err error) []error {
	var list *diag.Errors
	if !errors.As(err, &list) || len(list.List) == 0 {
		return nil
	}
	for _, e := range list.List {
		var de *diag.Error
		if !errors.As(e, &de) || de.File != p.ctx.File {
			return nil
		}
	}
	return list.List
}
