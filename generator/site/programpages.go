package site

import (
	"sort"
	"strings"

	"github.com/sineng/sineng/generator/content"
	"github.com/sineng/sineng/generator/render"
)

// programPages attaches the program views to their index pages and makes
// the generated ones: the leaders index and its filters, the stage
// handbooks and the printable handbook, the showcase and its filters, the
// exchange hub's filters. A generated page never replaces a content file:
// content/handbook/_index.md, for one, becomes the handbook overview.
func (b *builder) programPages(ls *langSite, ps *programSite) {
	pv := ps.view
	home := ls.home
	if home == nil {
		return
	}
	// Leaders index and filters.
	if len(pv.Leaders) > 0 {
		idx := b.sectionPage(ls, home, "leaders", "leaders", ls.site.T("leaders"))
		idx.view.Leaders = pv.Leaders
		pv.LeadersURL = idx.view.RelPermalink
		var stage, community, skill []filterSet[*render.LeaderView]
		for _, l := range pv.Leaders {
			if l.Stage != nil {
				stage = addTo(stage, l.Stage.ID, l.Stage.Label, l)
			}
			if l.Community != "" {
				community = addTo(community, l.Community, l.Community, l)
			}
			for _, s := range l.Skills {
				skill = addTo(skill, s.Name, s.Name, l)
			}
		}
		sortStageSets(stage, ps)
		idx.view.Facets = []*render.Facet{
			facetPagesFor(b, ls, idx, "stage", stage, func(v *render.Page, s []*render.LeaderView) { v.Leaders = s }),
			facetPagesFor(b, ls, idx, "community", sorted(community), func(v *render.Page, s []*render.LeaderView) { v.Leaders = s }),
			facetPagesFor(b, ls, idx, "skill", sorted(skill), func(v *render.Page, s []*render.LeaderView) { v.Leaders = s }),
		}
	}

	// Handbook: the overview, a page per stage, the printable whole.
	if len(pv.Sessions) > 0 || b.hasSection(ls, "handbook") {
		hb := b.sectionPage(ls, home, "handbook", "handbook", ls.site.T("handbook"))
		pv.HandbookURL = hb.view.RelPermalink
		for _, sv := range pv.Stages {
			sp := b.sectionPage(ls, hb, "handbook/"+sv.ID, "handbook", sv.Label)
			if sp.page.Layout == "" {
				sp.view.Layout = "stage"
			}
			if sp.page.File != "" {
				sv.Intro = sp.view
			}
			sp.view.Stage = sv
			sv.URL = sp.view.RelPermalink
		}
		pr := b.generated(ls, hb, "handbook/print", content.KindPage, "handbook", "print", ls.site.T("handbook_print"))
		pv.PrintURL = pr.view.RelPermalink
	}

	// Showcase and its filters, and the machine-readable exports.
	if len(pv.Projects) > 0 {
		sc := b.sectionPage(ls, home, "showcase", "showcase", ls.site.T("showcase"))
		sc.view.Projects = pv.Projects
		pv.ShowcaseURL = sc.view.RelPermalink
		var scheme, status, community []filterSet[*render.ProjectView]
		for _, p := range pv.Projects {
			if p.Scheme != "" {
				scheme = addTo(scheme, p.Scheme, p.SchemeLabel, p)
			}
			if p.Status != "" {
				status = addTo(status, p.Status, p.StatusLabel, p)
			}
			if p.Community != "" {
				community = addTo(community, p.Community, p.Community, p)
			}
		}
		set := func(v *render.Page, s []*render.ProjectView) { v.Projects = s }
		sc.view.Facets = []*render.Facet{
			facetPagesFor(b, ls, sc, "scheme", sorted(scheme), set),
			facetPagesFor(b, ls, sc, "status", sorted(status), set),
			facetPagesFor(b, ls, sc, "community", sorted(community), set),
		}
		for _, st := range ls.pages {
			if st.page.Kind == content.KindSection && st.page.Dir == "projects" {
				st.view.Projects = pv.Projects // the projects section pages through the same views
			}
		}
		prefix := langPrefix(b, ls)
		pv.ProjectsJSON = b.relURL(prefix + "showcase/projects.json")
		pv.ProjectsCSV = b.relURL(prefix + "showcase/projects.csv")
	}

	// Exchange hub.
	if len(pv.Exchanges) > 0 {
		ex := b.sectionPage(ls, home, "exchange", "exchange", ls.site.T("exchange"))
		ex.view.Exchanges = pv.Exchanges
		pv.ExchangeURL = ex.view.RelPermalink
		var kind, topic []filterSet[*render.ExchangeView]
		for _, x := range pv.Exchanges {
			if x.Kind != "" {
				kind = addTo(kind, x.Kind, x.KindLabel, x)
			}
			if x.Topic != "" {
				topic = addTo(topic, x.Topic, x.TopicLabel, x)
			}
		}
		set := func(v *render.Page, s []*render.ExchangeView) { v.Exchanges = s }
		ex.view.Facets = []*render.Facet{
			facetPagesFor(b, ls, ex, "kind", sorted(kind), set),
			facetPagesFor(b, ls, ex, "topic", sorted(topic), set),
		}
	}
}

// filterSet is one value of a filter dimension with what carries it.
type filterSet[T any] struct {
	key, label string
	items      []T
}

func addTo[T any](sets []filterSet[T], key, label string, item T) []filterSet[T] {
	for i := range sets {
		if sets[i].key == key {
			sets[i].items = append(sets[i].items, item)
			return sets
		}
	}
	return append(sets, filterSet[T]{key: key, label: label, items: []T{item}})
}

func sorted[T any](sets []filterSet[T]) []filterSet[T] {
	sort.SliceStable(sets, func(i, j int) bool { return sets[i].label < sets[j].label })
	return sets
}

func sortStageSets[T any](sets []filterSet[T], ps *programSite) {
	order := map[string]int{}
	for _, s := range ps.view.Stages {
		order[s.ID] = s.Order
	}
	sort.SliceStable(sets, func(i, j int) bool { return order[sets[i].key] < order[sets[j].key] })
}

// facetPages makes one filter page per value of a dimension under an
// index page and returns the facet linking to them.
func facetPagesFor[T any](b *builder, ls *langSite, idx *pageState, dim string, sets []filterSet[T], set func(*render.Page, []T)) *render.Facet {
	f := &render.Facet{Dimension: dim, Label: ls.site.T("facet_" + dim)}
	base := strings.TrimSuffix(idx.page.Dir, "/")
	for _, s := range sets {
		dir := base + "/" + dim + "/" + content.Slugify(s.key)
		fp := b.generated(ls, idx, dir, content.KindSection, idx.view.Type, "filter", s.label)
		flt := render.Filter{Dimension: dim, Key: s.key, Label: s.label, URL: fp.view.RelPermalink, Count: len(s.items)}
		fp.view.Filter = &flt
		fp.view.Facets = nil
		set(fp.view, s.items)
		f.Filters = append(f.Filters, flt)
	}
	return f
}

// hasSection reports whether the build publishes a section at dir.
func (b *builder) hasSection(ls *langSite, dir string) bool {
	for _, st := range ls.pages {
		if st.page.Kind == content.KindSection && st.page.Dir == dir {
			return true
		}
	}
	return false
}

// sectionPage returns the published section at dir, or a generated one.
func (b *builder) sectionPage(ls *langSite, parent *pageState, dir, typ, title string) *pageState {
	for _, st := range ls.pages {
		if st.page.Kind == content.KindSection && st.page.Dir == dir {
			if st.page.File == "" && st.view.Title == st.page.Dir {
				st.view.Title = title // a made-up section gets the theme's name for it
			}
			return st
		}
	}
	return b.generated(ls, parent, dir, content.KindSection, typ, "", title)
}

// generated makes a page that no content file holds, under parent.
func (b *builder) generated(ls *langSite, parent *pageState, dir string, kind content.Kind, typ, layout, title string) *pageState {
	prefix := langPrefix(b, ls)
	p := &content.Page{
		Path: dir + "/_index", Dir: dir, Lang: ls.lang.Code, Kind: kind, Type: typ, Layout: layout,
		Section: strings.SplitN(dir, "/", 2)[0], Title: title, TranslationKey: dir,
		RelPermalink: content.EncodePath("/" + prefix + dir + "/"), OutPath: prefix + dir + "/index.html",
	}
	p.Matter.Data = map[string]any{}
	st := &pageState{page: p, lang: ls, generated: true}
	st.view = b.newView(st, ls.site)
	if parent != nil {
		st.view.Parent = parent.view
		st.view.Ancestors = append(append([]*render.Page{}, parent.view.Ancestors...), parent.view)
	}
	b.byPage[p] = st
	b.pages = append(b.pages, st)
	ls.pages = append(ls.pages, st)
	return st
}
