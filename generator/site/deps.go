package site

import "github.com/sineng/sineng/generator/render"

// programReads adds to reads the pages whose bodies a program page shows
// besides its own and its list's: a stage handbook its sessions,
// introduction and exchange materials, and every handbook page (overview,
// stages, the printable whole) the handbook's sessions and introductions.
// A portfolio lists its evidence by title and date only. These are the
// theme's reads; with a site's own templates a body edit renders every
// output again (see Session).
func (b *builder) programReads(ls *langSite, v *render.Page, reads []*render.Page) []*render.Page {
	for _, sv := range shownStages(ls, v) {
		reads = stageReads(sv, reads)
	}
	return reads
}

// shownStages are the stages whose pages a program page shows: a stage
// handbook its own, every handbook page (overview, stages, the printable
// whole) all of them.
func shownStages(ls *langSite, v *render.Page) []*render.StageView {
	var stages []*render.StageView
	if v.Stage != nil {
		stages = append(stages, v.Stage)
	}
	if v.Type == "handbook" && ls.program != nil {
		stages = append(stages, ls.program.view.Stages...)
	}
	return stages
}

// listReads are the pages whose bodies a list page shows: its own, the
// pages of its pager and, on the home page, the newest pages and the
// sections the theme lists there.
func (b *builder) listReads(ls *langSite, v *render.Page, shown []*render.Page) []*render.Page {
	reads := append([]*render.Page{v}, shown...)
	if v.Kind == "home" {
		reads = append(reads, v.Site.RegularPages...)
		reads = append(reads, v.Site.Sections...)
	}
	return b.programReads(ls, v, reads)
}

// programPrints are the pages whose HTML (content, table of contents) a
// program page prints besides its own: a handbook page's sessions and
// stage introductions. Exchange materials it shows by title and summary
// only.
func (b *builder) programPrints(ls *langSite, v *render.Page) []*render.Page {
	var prints []*render.Page
	for _, sv := range shownStages(ls, v) {
		prints = stagePrints(sv, prints)
	}
	return prints
}

// stagePrints adds a stage's introduction and sessions to prints.
func stagePrints(sv *render.StageView, prints []*render.Page) []*render.Page {
	if sv.Intro != nil {
		prints = append(prints, sv.Intro)
	}
	for _, g := range sv.Phases {
		for _, s := range g.Sessions {
			prints = append(prints, s.Page)
		}
	}
	return prints
}

// stageReads adds a stage's introduction, sessions and exchange
// materials to reads.
func stageReads(sv *render.StageView, reads []*render.Page) []*render.Page {
	reads = stagePrints(sv, reads)
	for _, x := range sv.Exchanges {
		reads = append(reads, x.Page)
	}
	return reads
}

// readers maps each page to the jobs that show its body-derived fields:
// the index a Session looks edits up in.
func readers(jobs []job) map[*render.Page][]int {
	m := make(map[*render.Page][]int, len(jobs))
	for i, j := range jobs {
		for _, p := range j.reads {
			if p == nil {
				continue
			}
			if r := m[p]; len(r) == 0 || r[len(r)-1] != i {
				m[p] = append(r, i)
			}
		}
	}
	return m
}

// renderedJobs are the indexes of every job but the search index's, which
// a body edit updates on its own (updateSearch): what a body edit renders
// again when any output may show any page's body.
func (b *builder) renderedJobs() []int {
	all := make([]int, 0, len(b.jobs))
	for i, j := range b.jobs {
		if !j.search {
			all = append(all, i)
		}
	}
	return all
}
