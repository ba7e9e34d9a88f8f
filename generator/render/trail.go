package render

// maxTrail is the number of ancestors a Trail holds by value.
const maxTrail = 8

// Trail is the breadcrumb path above a page: its ancestors, home first, and
// the site whose strings name them. It is comparable, and pages with the
// same ancestors have equal Trails, so the theme writes the links once per
// Trail (a keyed partial: partials/breadcrumb-trail.html) and reuses them.
type Trail struct {
	Site  *Site
	n     int
	pages [maxTrail]*Page
	// deep is the page itself when it has more than maxTrail ancestors:
	// its Trail then equals no other page's.
	deep *Page
}

// Trail returns the page's ancestors as a Trail.
func (p *Page) Trail() Trail {
	t := Trail{Site: p.Site, n: len(p.Ancestors)}
	if t.n > maxTrail {
		t.deep = p
		return t
	}
	copy(t.pages[:], p.Ancestors)
	return t
}

// Pages returns the ancestors, home first.
func (t Trail) Pages() []*Page {
	if t.deep != nil {
		return t.deep.Ancestors
	}
	return t.pages[:t.n:t.n]
}
