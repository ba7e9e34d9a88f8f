package render

import (
	"html/template"
	"strconv"
	"strings"
)

// Embed returns the page's Content for placing inside another page, as
// partials/embed-content.html places any HTML: with a prefix, every id gets
// "PREFIX-" in front and every in-page link (href="#…") follows it, so ids
// stay unique when several bodies share a page; headings move shift levels
// down (h2 → h(2+shift), at most h6) so they nest under the heading they
// are placed after. The Content is the site's own rendered Markdown, so the
// result stays trusted HTML.
func (p *Page) Embed(prefix string, shift int) template.HTML {
	return template.HTML(embed(string(p.Content), prefix, shift))
}

// embed is Embed of the HTML h. Its result is that of the edits made one
// after the other, each over the whole text: ` id="` → ` id="PREFIX-`,
// `href="#` → `href="#PREFIX-`, then for levels 5 down to 1, `<hL` and
// `</hL>` → level min(L+shift, 6). When the prefix holds neither '"' nor
// '<', no edit can make or break a match of a later one (every pattern
// holds one of them, and headings only go up, past the levels still to
// come), so the edits are made in one pass over h; otherwise one after
// the other.
func embed(h, prefix string, shift int) string {
	if prefix == "" && shift <= 0 {
		return h
	}
	if strings.ContainsAny(prefix, `"<`) {
		return embedInTurn(h, prefix, shift)
	}
	var to [6]string // level → its replacement digits, "" when unchanged
	if shift > 0 {
		for level := 1; level <= 5; level++ {
			to[level] = strconv.Itoa(min(level+shift, 6))
		}
	}
	var b strings.Builder
	done := 0 // h[:done] is in b
	grow := func() {
		if b.Cap() == 0 {
			b.Grow(len(h) + len(h)/8)
		}
	}
	// next finds the next c from from, when wanted.
	next := func(c byte, from int, want bool) int {
		if !want || from >= len(h) {
			return len(h)
		}
		if k := strings.IndexByte(h[from:], c); k >= 0 {
			return from + k
		}
		return len(h)
	}
	// nq and nl are the next '"' and '<' not yet looked at (len(h) when
	// none, or when the edits they start are not made).
	nq, nl := next('"', 0, prefix != ""), next('<', 0, shift > 0)
	for {
		i := min(nq, nl)
		if i == len(h) {
			break
		}
		if i == nq {
			nq = next('"', i+1, true)
		} else {
			nl = next('<', i+1, true)
		}
		if h[i] == '"' {
			var at int // where the prefix goes, or 0
			switch {
			case i >= 4 && h[i-4:i] == " id=":
				at = i + 1
			case i >= 5 && h[i-5:i] == "href=" && i+1 < len(h) && h[i+1] == '#':
				at = i + 2
			default:
				continue
			}
			grow()
			b.WriteString(h[done:at])
			b.WriteString(prefix)
			b.WriteByte('-')
			done = at
			continue
		}
		// h[i] == '<': <hL or </hL>, L the digit at d.
		d := i + 2
		if d < len(h) && h[i+1] == '/' {
			d++
			if d+1 >= len(h) || h[d+1] != '>' {
				continue
			}
		}
		if d >= len(h) || h[d-1] != 'h' || h[d] < '1' || h[d] > '5' {
			continue
		}
		grow()
		b.WriteString(h[done:d])
		b.WriteString(to[h[d]-'0'])
		done = d + 1
	}
	if done == 0 {
		return h
	}
	b.WriteString(h[done:])
	return b.String()
}

// embedInTurn is embed making the edits one after the other, each over
// the whole text: the definition embed's one pass keeps to, and what the
// tests check embed against.
func embedInTurn(h, prefix string, shift int) string {
	if prefix != "" {
		h = strings.ReplaceAll(h, ` id="`, ` id="`+prefix+"-")
		h = strings.ReplaceAll(h, `href="#`, `href="#`+prefix+"-")
	}
	if shift > 0 {
		for level := 5; level >= 1; level-- {
			from, to := strconv.Itoa(level), strconv.Itoa(min(level+shift, 6))
			h = strings.ReplaceAll(h, "<h"+from, "<h"+to)
			h = strings.ReplaceAll(h, "</h"+from+">", "</h"+to+">")
		}
	}
	return h
}
