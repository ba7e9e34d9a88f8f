package markdown

// tocHTML writes the headings as nested <ul> lists. A heading deeper than
// the one before opens a list inside that one's item; a shallower one closes
// lists until it finds its level. A level that skips between two open ones
// joins the deeper list, so items never float outside an <li>.
func tocHTML(hs []Heading) []byte {
	if len(hs) == 0 {
		return nil
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
	b := make([]byte, 0, size)
	var stack []int // level of each open <ul>
	for _, h := range hs {
		switch {
		case len(stack) == 0:
			b = append(b, openList...)
			stack = append(stack, h.Level)
		default:
			for len(stack) > 1 && h.Level <= stack[len(stack)-2] {
				b = append(b, closeList...)
				stack = stack[:len(stack)-1]
			}
			if top := stack[len(stack)-1]; h.Level > top {
				b = append(b, "\n"+openList...)
				stack = append(stack, h.Level)
			} else {
				b = append(b, closeItem...)
				stack[len(stack)-1] = h.Level
			}
		}
		b = append(b, `<li><a href="#`...)
		b = appendEscaped(b, h.ID)
		b = append(b, `">`...)
		b = appendEscaped(b, h.Text)
		b = append(b, "</a>"...)
	}
	for range stack {
		b = append(b, closeList...)
	}
	return b
}

// appendEscaped appends s to b escaped as html.EscapeString escapes it.
func appendEscaped(b []byte, s string) []byte {
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
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
}
