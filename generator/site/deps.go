package site

import "github.com/sineng/sineng/generator/render"

// programReads adds to reads the pages whose bodies a program page shows
// besides its own and its list's: a stage handbook its sessions,
// introduction and exchange materials, and every handbook page (overview,
// stages, the printable whole) the handbook's sessions and introductions.
// A portfolio lists its evidence by title and date only. These are the theme's reads; a site with
// templates of its own gets no incremental updates (see Session).
func (b *builder) programReads(ls *langSite, v *render.Page, reads []*render.Page) []*render.Page {
	if v.Stage != nil {
		reads = stageReads(v.Stage, reads)
	}
	if v.Type == "handbook" && ls.program != nil {
		for _, sv := range ls.program.view.Stages {
			reads = stageReads(sv, reads)
		}
	}
	return reads
}

// listReads are the pages whose bodies a list page shows: its own, the
// pages of its pager and, on the home page, the newest pages and the
// sections the theme lists there.
func (b *builder) listReads(ls *langSite, v *render.Page, pager *render.Pager) []*render.Page {
	reads := append([]*render.Page{v}, pager.Pages...)
	if v.Kind == "home" {
		reads = append(reads, v.Site.RegularPages...)
		reads = append(reads, v.Site.Sections...)
	}
	return b.programReads(ls, v, reads)
}

// stageReads adds a stage's introduction, sessions and exchange
// materials to reads.
func stageReads(sv *render.StageView, reads []*render.Page) []*render.Page {
	if sv.Intro != nil {
		reads = append(reads, sv.Intro)
	}
	for _, g := range sv.Phases {
		for _, s := range g.Sessions {
			reads = append(reads, s.Page)
		}
	}
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
