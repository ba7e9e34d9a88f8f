package markdown

import (
	"html"
	"strings"
)

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
		b.WriteString(html.EscapeString(h.ID)) // allocates only when there is something to escape
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(h.Text))
		b.WriteString("</a>")
	}
	for range stack {
		b.WriteString(closeList)
	}
	return b.String()
}
