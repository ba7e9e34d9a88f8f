package markdown

import "strings"

// tocHTML writes the headings as nested <ul> lists. A heading deeper than
// the one before opens a list inside that one's item; a shallower one closes
// lists until it finds its level. A level that skips between two open ones
// joins the deeper list, so items never float outside an <li>.
func tocHTML(hs []Heading) string {
	if len(hs) == 0 {
		return ""
	}
	const (
		openList  = "<ul>\n"
		closeItem = "</li>\n"
		closeList = "</li>\n</ul>\n"
	)
	// Room for every heading's item and a list around each, unless
	// escaping lengthens the text.
	size := 0
	for _, h := range hs {
		size += len(h.ID) + len(h.Text) + len(`<li><a href="#">`+"</a>\n"+openList+closeList)
	}
	var b strings.Builder
	b.Grow(size)
	var levels [6]int   // heading levels are 1 to 6
	stack := levels[:0] // level of each open <ul>, deepest last; levels rise along it
	for _, h := range hs {
		switch {
		case len(stack) == 0:
			b.WriteString(openList)
			stack = append(stack, h.Level)
		default:
			for len(stack) > 1 && h.Level <= stack[len(stack)-2] {
				b.WriteString(closeList)
				stack = stack[:len(stack)-1]
			}
			if top := stack[len(stack)-1]; h.Level > top {
				b.WriteString("\n" + openList)
				stack = append(stack, h.Level)
			} else {
				b.WriteString(closeItem)
				stack[len(stack)-1] = h.Level
			}
		}
		b.WriteString(`<li><a href="#`)
		writeEscaped(&b, h.ID)
		b.WriteString(`">`)
		writeEscaped(&b, h.Text)
		b.WriteString("</a>")
	}
	for range stack {
		b.WriteString(closeList)
	}
	return b.String()
}

// writeEscaped writes s to b escaped as html.EscapeString escapes it.
func writeEscaped(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}
