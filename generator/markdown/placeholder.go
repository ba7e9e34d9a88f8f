package markdown

import (
	"bytes"
	"html"
	"strconv"
	"strings"
)

// basePrefix starts every placeholder token. Tokens are letters and digits
// only, so Markdown, HTML escaping and the highlighter leave them alone.
const basePrefix = "sinengsc"

// placeholders stands in for shortcode HTML while goldmark works on the
// page. Token n is prefix + n + "x", where prefix is basePrefix, lengthened
// with 'q' until it occurs nowhere in the page source, nor in the source
// with its character references decoded ("sinengs&#99;0x" would render as
// a token). The trailing "x" keeps token 1 from matching the start of
// token 10, and since prefix has no proper prefix that is also its suffix,
// no match can straddle user text.
//
// A token goldmark wrote inside a tag (a shortcode in an image's alt text,
// a link title, a code fence's language, a heading's {#id}) is replaced by
// the plain text of its HTML, escaped for an attribute: the HTML itself
// would close the attribute and the tag, and let a shortcode argument
// write attributes of its own (an onerror).
type placeholders struct {
	src    []byte
	prefix string   // "" until first needed
	html   []string // token n stands for html[n]
	text   []string // plain text of html[n], filled on demand
}

// pfx returns the token prefix for this page, choosing it on first use.
func (p *placeholders) pfx() string {
	if p.prefix == "" {
		decoded := ""
		if bytes.IndexByte(p.src, '&') >= 0 {
			decoded = html.UnescapeString(string(p.src))
		}
		p.prefix = basePrefix
		for bytes.Contains(p.src, []byte(p.prefix)) || strings.Contains(decoded, p.prefix) {
			p.prefix += "q"
		}
	}
	return p.prefix
}

// add stores h and returns the token that stands for it. Tokens inside h
// (from shortcodes nested in this one) are replaced first.
func (p *placeholders) add(h string) string {
	h = string(p.replaceHTML([]byte(h)))
	n := len(p.html)
	p.html = append(p.html, h)
	return p.pfx() + strconv.Itoa(n) + "x"
}

// moreMark returns the string the summary divider renders as: an HTML
// comment, which goldmark never writes from a page's text or attributes
// (it escapes their "<"), so no heading id, slug or shortcode argument can
// spell it; only raw HTML could, where raw HTML is on.
func (p *placeholders) moreMark() string { return "<!--" + p.pfx() + "more-->" }

// replaceHTML replaces every token in b, goldmark's HTML, by its HTML; a
// token inside a tag by its plain text escaped for an attribute. A token
// that is alone in a paragraph replaces the whole <p>…</p>, so block HTML
// is not wrapped.
func (p *placeholders) replaceHTML(b []byte) []byte {
	return p.replace(b, true, func(n int) string { return p.html[n] })
}

// replaceRaw replaces every token in b by its HTML, with no regard to
// paragraphs: for link destinations built by shortcodes.
func (p *placeholders) replaceRaw(b []byte) []byte {
	return p.replace(b, false, func(n int) string { return p.html[n] })
}

// replaceText replaces every token in b by the plain text of its HTML.
func (p *placeholders) replaceText(b []byte) []byte {
	return p.replace(b, false, p.textOf)
}

// has reports whether b contains a token.
func (p *placeholders) has(b []byte) bool {
	return len(p.html) > 0 && bytes.Contains(b, []byte(p.prefix))
}

func (p *placeholders) textOf(n int) string {
	if n >= len(p.text) {
		p.text = append(p.text, make([]string, len(p.html)-len(p.text))...)
	}
	if p.text[n] == "" {
		p.text[n] = stripTags(p.html[n])
	}
	return p.text[n]
}

// replace returns b with each token replaced by with(n); b itself is
// returned when it holds no token.
func (p *placeholders) replace(b []byte, block bool, with func(n int) string) []byte {
	if !p.has(b) {
		return b
	}
	prefix := []byte(p.prefix)
	out := make([]byte, 0, len(b)+len(b)/4)
	i := 0
	inTag := false // block: whether b[i] is inside a tag
	for {
		k := bytes.Index(b[i:], prefix)
		if k < 0 {
			break
		}
		k += i
		if block {
			inTag = tagAfter(b[i:k], inTag)
		}
		out = append(out, b[i:k]...)
		n, end, ok := p.tokenAt(b, k+len(prefix))
		if !ok {
			out = append(out, prefix...)
			i = k + len(prefix)
			continue
		}
		r := with(n)
		if block && inTag {
			out = append(out, html.EscapeString(p.textOf(n))...)
			i = end
			continue
		}
		if block && bytes.HasSuffix(out, []byte("<p>")) && bytes.HasPrefix(b[end:], []byte("</p>")) {
			out = append(out[:len(out)-len("<p>")], r...)
			end += len("</p>")
			if end < len(b) && b[end] == '\n' {
				end++
			}
			if len(out) > 0 && out[len(out)-1] != '\n' {
				out = append(out, '\n')
			}
		} else {
			out = append(out, r...)
		}
		i = end
	}
	return append(out, b[i:]...)
}

// tagAfter reports whether the HTML after s is inside a tag, given whether
// s starts inside one. goldmark escapes < and > everywhere but in its tags,
// so the last of them in s decides.
func tagAfter(s []byte, inTag bool) bool {
	lt, gt := bytes.LastIndexByte(s, '<'), bytes.LastIndexByte(s, '>')
	switch {
	case lt > gt:
		return true
	case gt > lt:
		return false
	}
	return inTag
}

// tokenAt reads the "n" + "x" part of a token whose prefix ends at b[i].
func (p *placeholders) tokenAt(b []byte, i int) (n, end int, ok bool) {
	j := i
	for j < len(b) && b[j] >= '0' && b[j] <= '9' {
		j++
	}
	if j == i || j >= len(b) || b[j] != 'x' || j-i > 9 {
		return 0, 0, false
	}
	n, err := strconv.Atoi(string(b[i:j]))
	if err != nil || n >= len(p.html) {
		return 0, 0, false
	}
	return n, j + 1, true
}

// stripTags returns the text of an HTML fragment: tags dropped, character
// references decoded.
func stripTags(h string) string {
	if !strings.ContainsAny(h, "<&") {
		return h
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			b.WriteString(h)
			break
		}
		b.WriteString(h[:i])
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			break
		}
		h = h[i+j+1:]
	}
	return html.UnescapeString(b.String())
}
