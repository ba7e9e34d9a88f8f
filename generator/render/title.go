package render

// DocumentTitle returns the text of the page's <title>: the name the page
// goes by and the site's title, "Name – Site", or the site's title alone on
// the home page and on a page without a name (the name alone for a page
// without a site). A leader's portfolio goes by the leader's name (or "a
// community leader", theme string anonymous_leader), a filter page by its
// filter's label, the 404 page without a title by the theme string
// not_found_title; any other page by its title.
func (p *Page) DocumentTitle() string {
	title := p.Title
	if p.Leader != nil {
		title = p.Leader.Name
		if title == "" {
			title = p.text("anonymous_leader")
		}
	}
	if p.Filter != nil && p.Filter.Label != "" {
		title = p.Filter.Label
	}
	if title == "" && p.Kind == "404" {
		title = p.text("not_found_title")
	}
	switch {
	case p.Site == nil:
		return title
	case title == "" || p.IsHome():
		return p.Site.Title
	}
	return title + " – " + p.Site.Title
}

// BodyClass returns the classes of the page's <body>: "kind-KIND", then
// "type-TYPE" and "layout-LAYOUT" when the page has them.
func (p *Page) BodyClass() string {
	// One concatenation for each case: one allocation.
	switch {
	case p.Type != "" && p.Layout != "":
		return "kind-" + p.Kind + " type-" + p.Type + " layout-" + p.Layout
	case p.Type != "":
		return "kind-" + p.Kind + " type-" + p.Type
	case p.Layout != "":
		return "kind-" + p.Kind + " layout-" + p.Layout
	}
	return "kind-" + p.Kind
}

// text is the theme string key in the page's language, or the key itself
// when the page has no site.
func (p *Page) text(key string) string {
	if p.Site == nil {
		return key
	}
	return p.Site.T(key)
}
