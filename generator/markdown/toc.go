package markdown

import (
	"bytes"
	"html"
	"strings"
)

// tocHTML writes the headings as nested <ul> lists. A heading deeper than
// the one before opens a list inside that one's item; a shallower one closes
// lists until it finds its level. A level that skips between two open ones
// joins the deeper list, so items never float outside an <li>.
func tocHTML(hs []Heading) []byte {
	if len(hs) == 0 {
		return nil
	}
	var b bytes.Buffer
	var stack []int // level of each open <ul>
	for _, h := range hs {
		switch {
		case len(stack) == 0:
			b.WriteString("<ul>\n")
			stack = append(stack, h.Level)
		default:
			for len(stack) > 1 && h.Level <= stack[len(stack)-2] {
				b.WriteString("</li>\n</ul>\n")
				stack = stack[:len(stack)-1]
			}
			if top := stack[len(stack)-1]; h.Level > top {
				b.WriteString("\n<ul>\n")
				stack = append(stack, h.Level)
			} else {
				b.WriteString("</li>\n")
				stack[len(stack)-1] = h.Level
			}
		}
		b.WriteString(`<li><a href="#`)
		b.WriteString(html.EscapeString(h.ID))
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(h.Text))
		b.WriteString("</a>")
	}
	b.WriteString(strings.Repeat("</li>\n</ul>\n", len(stack)))
	return b.Bytes()
}
