package render

// ParamsLoader decodes a page's front-matter fields again, for the pages
// whose params were let go (Page.LoadParamsLater). It is safe for
// concurrent use; file is the page's File.
type ParamsLoader interface {
	LoadParams(file string) map[string]any
}

// Params returns every front-matter field of the page, as decoded: a
// template reads {{ .Params.budget }} or {{ index .Params "budget" }}. The
// map is shared: it must not be modified.
func (p *Page) Params() map[string]any {
	if p.paramsLater {
		if m := p.Site.paramsFrom.LoadParams(p.File); m != nil {
			return m
		}
		return map[string]any{}
	}
	return p.params
}

// SetParams makes m the page's params.
func (p *Page) SetParams(m map[string]any) { p.params, p.paramsLater = m, false }

// LoadParamsLater lets go of the page's params: Params asks the loader of
// the page's site (Site.LoadParamsFrom) for them instead. A build whose
// templates read no page's params then holds none of those maps, many small
// objects a page for the collector to trace on every cycle. It must not run
// while a template may read the page.
func (p *Page) LoadParamsLater() { p.params, p.paramsLater = nil, true }

// LoadParamsFrom sets the loader of the params of the site's pages that
// LoadParamsLater let go.
func (s *Site) LoadParamsFrom(l ParamsLoader) { s.paramsFrom = l }
