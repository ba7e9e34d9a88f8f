package render

// maxTrail is the number of ancestors a Trail holds by value.
const maxTrail = 8

// Trail is the breadcrumb path above a page: its ancestors, home first, and
// the site whose strings name them. It is comparable, and pages with the
// same ancestors have equal Trails, so the theme writes the links once per
// Trail (a keyed partial: partials/breadcrumb-trail.html) and reuses them;
// Page.Trail returns pages of one site with equal Trails the same *Trail.
type Trail struct {
	Site  *Site
	n     int
	pages [maxTrail]*Page
	// deep is the page itself when it has more than maxTrail ancestors:
	// its Trail then equals no other page's.
	deep *Page
}

// Trail returns the page's ancestors as a Trail. Pages of one site with
// the same ancestors get the same pointer, which a template calls and
// keys a partial by cheaply; a page with more than maxTrail ancestors
// gets a Trail of its own, the same pointer from every call, as equal
// Trails are one pointer.
func (p *Page) Trail() *Trail {
	t := Trail{Site: p.Site, n: len(p.Ancestors)}
	if t.n > maxTrail {
		t.deep = p
	} else {
		copy(t.pages[:], p.Ancestors)
	}
	if p.Site == nil {
		kept := t
		return &kept
	}
	// t stays on the stack: get copies it when it keeps it.
	return p.Site.trails.get(t)
}

// Pages returns the ancestors, home first.
func (t Trail) Pages() []*Page {
	if t.deep != nil {
		return t.deep.Ancestors
	}
	return t.pages[:t.n:t.n]
}
