package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/sineng/sineng/generator/diag"
)

// page is the state of one Render call.
type page struct {
	ctx    Context
	src    []byte
	dests  *[]byte // where resolved destinations are kept while the tree lives (scratch.dests)
	pos    positions
	tokens placeholders
	errs   diag.List
	ids    parseIDs // what the page's parses get as their IDs: the scratch's heading IDs and paragraph slab
}

// errorf records a problem at a file position.
func (p *page) errorf(line, col int, format string, args ...any) {
	p.errs.Add(diag.Errorf(p.ctx.File, line, col, format, args...))
}

// srcErrorf records a problem at a byte offset of the page source.
func (p *page) srcErrorf(off int, format string, args ...any) {
	line, col := p.pos.srcPos(off)
	p.errorf(line, col, format, args...)
}

// Render converts one page body to HTML. src is the Markdown after the front
// matter; ctx says where it comes from and how to resolve its links and
// shortcodes. When anything is wrong, Render returns a zero Result and a
// *diag.Errors that lists every problem of the page. A panic inside (from a
// shortcode function, say) becomes such an error too.
func (r *Renderer) Render(src []byte, ctx Context) (res Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			var l diag.List
			l.Errorf(ctx.File, 0, 0, "render markdown: panic: %v", v)
			res, err = Result{}, l.Err()
		}
	}()
	s := r.scratch.Get().(*scratch)
	defer r.putScratch(s)

	s.dests = s.dests[:0]
	s.page = page{ctx: ctx, src: src, dests: &s.dests}
	p := &s.page
	p.pos = positions{src: src, lineOffset: ctx.LineOffset}
	p.tokens.src = src

	s.ids.reset()
	p.ids = parseIDs{headingIDs: &s.ids, paragraphs: &s.paragraphs}
	body := src
	var doc ast.Node
	if shortcodeStart(src) >= 0 {
		body, doc = p.expandShortcodes(r, &s.body)
	}
	if doc == nil {
		doc = r.parse(body, &p.ids)
	}

	s.headings = p.prepare(doc, body, &res, s)
	res.Text = string(bytes.TrimRight(p.tokens.replaceText(s.text.Bytes()), "\n"))
	res.TOC = r.headings(p, s, s.text.Bytes(), res.Text)
	res.TOCHTML = tocHTML(res.TOC)

	s.html.Reset()
	s.out = htmlWriter{Buffer: &s.html, ids: s.ids.rendered}
	if err := r.md.Renderer().Render(&s.out, body, doc); err != nil {
		p.errorf(0, 0, "render markdown: %w", err)
	}
	res.HTML, res.SummaryHTML, res.HasSummary = p.finishHTML(s.html.Bytes())

	if err := p.errs.Err(); err != nil {
		return Result{}, err
	}
	return res, nil
}

// parse parses a page body with ids as the page's heading IDs. With
// automatic heading IDs off goldmark never touches ids while parsing, so
// one parse of a body serves for finding code and for rendering alike. A
// body linkify cannot change is parsed without it. The page's paragraphs
// come from ids.paragraphs.
func (r *Renderer) parse(body []byte, ids *parseIDs) ast.Node {
	p := r.md.Parser()
	if !needsLinkify(body) {
		p = r.plain
	}
	pc := parser.NewContext(parser.WithIDs(ids))
	return p.Parse(text.NewReader(body), parser.WithContext(pc))
}

// maxPooled is the largest buffer put back into the scratch pool, and
// maxPooledIDs the most heading IDs; a giant page's scratch is left to the
// garbage collector.
const (
	maxPooled    = 1 << 20
	maxPooledIDs = 1 << 10
)

func (r *Renderer) putScratch(s *scratch) {
	if s.body.Cap() > maxPooled || s.html.Cap() > maxPooled || s.text.Cap() > maxPooled || s.alt.Cap() > maxPooled || cap(s.dests) > maxPooled ||
		len(s.ids.used) > maxPooledIDs {
		return
	}
	s.page = page{}   // let go of the page's context and shortcode output
	clear(s.headings) // and of its nodes
	s.headings = s.headings[:0]
	s.paragraphs.reset()
	s.ids.reset()
	s.out = htmlWriter{}
	r.scratch.Put(s)
}

// headings gives every heading its ID, explicit ({#id}) ones first so
// generated IDs never take them, and returns the table of contents. text is
// the page's plain text that s.headings point into, and plain the page's
// Result.Text made from it: on a page without shortcode HTML, whose text
// is plain's but for the trailing newlines, the headings' texts in the
// table of contents are cut from plain. A generated ID is kept
// in s.ids.rendered for the heading renderer rather than set as an
// attribute, which would cost the heading a slice of ten attributes; a
// heading that has attributes already gets it as one more, so that it is
// written in the same place among them.
func (r *Renderer) headings(p *page, s *scratch, text []byte, plain string) []Heading {
	hs := s.headings
	ids := &s.ids
	inTOC := 0
	for _, h := range hs {
		if h.node.Attributes() != nil {
			if v, ok := h.node.AttributeString("id"); ok {
				if id, ok := v.([]byte); ok {
					ids.Put(id)
				}
			}
		}
		if h.node.Level >= r.tocMin && h.node.Level <= r.tocMax {
			inTOC++
		}
	}
	var toc []Heading
	if inTOC > 0 {
		toc = make([]Heading, 0, inTOC)
	}
	shared := len(p.tokens.html) == 0
	for _, h := range hs {
		raw := text[h.start:h.end]
		if !shared {
			raw = p.tokens.replaceText(raw)
		}
		txt := bytes.TrimSpace(raw)
		var id string
		if v, ok := h.node.AttributeString("id"); ok {
			id = attrString(v)
		} else {
			id = ids.generate(txt)
			if h.node.Attributes() != nil {
				h.node.SetAttributeString("id", []byte(id))
			} else {
				ids.rendered = append(ids.rendered, renderedID{node: h.node, id: id})
			}
		}
		if h.node.Level >= r.tocMin && h.node.Level <= r.tocMax {
			hd := Heading{Level: h.node.Level, ID: id}
			switch {
			case len(txt) == 0:
			case shared:
				// TrimSpace cut txt from raw, so it starts
				// cap(raw)-cap(txt) bytes into raw; it ends in a
				// character that is not space, so before plain does.
				start := h.start + cap(raw) - cap(txt)
				hd.Text = plain[start : start+len(txt)]
			default:
				hd.Text = string(txt)
			}
			toc = append(toc, hd)
		}
	}
	return toc
}

// attrString returns an attribute value as a string.
func attrString(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return fmt.Sprint(v)
}

// finishHTML replaces placeholders with shortcode HTML and cuts the summary
// at the divider. The body is a new string and the summary shares its
// memory; nothing shares h.
func (p *page) finishHTML(h []byte) (body, summary string, hasSummary bool) {
	if len(p.tokens.html) > 0 {
		h = p.tokens.replaceHTML(h)
	}
	if p.tokens.prefix != "" {
		mark := []byte(p.tokens.moreMark())
		if i := bytes.Index(h, mark); i >= 0 {
			var b strings.Builder
			b.Grow(len(h) - len(mark))
			b.Write(h[:i])
			b.Write(h[i+len(mark):])
			body = b.String()
			return body, body[:i], true
		}
	}
	return string(h), "", false
}
