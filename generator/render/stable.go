package render

// Pages and sites promise the compiled templates (layout.StableText) that
// T, given only constant arguments, returns the same text from every page
// of a site: it reads the site's Strings, which a build never changes (a
// session that changes views in place clears the Set's kept outputs
// first). A printed {{ .T "next" }} is then looked up once per call site
// and site (a call site remembers the last few sites), not once per page.

// StableTextKey returns the page's site: what T's text depends on.
func (p *Page) StableTextKey() any { return p.Site }

// IsStableText reports whether method is T, the page's stable method.
func (p *Page) IsStableText(method string) bool { return method == "T" }

// StableTextKey returns s itself: what T's text depends on.
func (s *Site) StableTextKey() any { return s }

// IsStableText reports whether method is T, the site's stable method.
func (s *Site) IsStableText(method string) bool { return method == "T" }
