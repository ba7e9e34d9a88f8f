package site

import (
	"sync/atomic"

	"github.com/sineng/sineng/generator/render"
)

// streamPlan says which output jobs run during conversion, in the worker
// whose run of pages (convertRun) held the last page they read, and when a
// page's HTML may be dropped. A build streams only with the theme's own
// templates, whose reads (site/deps.go) are known.
//
//   - A page's own output that shows no other page's body runs right after
//     the run of pages it is converted in.
//   - An output that prints other pages' HTML (job.prints: the handbook
//     pages print sessions and stage introductions) runs as soon as every
//     page it reads is converted; those pages convert first, so their HTML
//     is held only for the start of the stage.
//   - A page's HTML (content and table of contents) is dropped once every
//     job that prints it has run, unless its own output is left for the
//     render stage.
//
// What every page needs of the plan (its own job, its HTML's counter) is
// kept in the page (pageState.ownJob, htmlRefs), not in maps as large as
// the site looked up once per converted page; the maps hold only the few
// pages early jobs read or print.
type streamPlan struct {
	early map[*render.Page][]int         // page → early jobs waiting for it
	jobs  map[int]*earlyJob              // early job → what it waits for and prints
	refs  map[*render.Page]*atomic.Int32 // page printed by an early job → jobs still to print its HTML
	order []*pageState                   // conversion order: pages early jobs read first
}

// earlyJob is a job that runs during conversion once every page it reads
// is converted.
type earlyJob struct {
	wait   atomic.Int32   // pages it reads that are not converted yet
	prints []*render.Page // pages whose HTML it prints, once each
}

// planStream makes the stream plan of jobs for the build's pages.
func (b *builder) planStream(jobs []job) *streamPlan {
	sp := &streamPlan{
		early: map[*render.Page][]int{},
		jobs:  map[int]*earlyJob{},
		refs:  map[*render.Page]*atomic.Int32{},
	}
	converts := make(map[*render.Page]bool, len(b.pages))
	for _, st := range b.pages {
		if st.page.File != "" && st.view != nil {
			converts[st.view] = true
		}
	}
	printers := map[*render.Page]int32{} // page → early jobs printing its HTML
	var owners []*pageState              // pages with their own job, each once
	for i, j := range jobs {
		if j.page != nil && len(j.reads) == 1 && j.reads[0] == j.page.view {
			if j.page.ownJob == 0 {
				owners = append(owners, j.page)
			}
			j.page.ownJob = int32(i) + 1
			continue
		}
		if len(j.prints) == 0 {
			continue
		}
		reads := distinct(j.reads, converts)
		if len(reads) == 0 {
			continue // nothing to wait for: the render stage runs it
		}
		for _, p := range reads {
			sp.early[p] = append(sp.early[p], i)
		}
		ej := &earlyJob{prints: distinct(j.prints, converts)}
		ej.wait.Store(int32(len(reads)))
		sp.jobs[i] = ej
		for _, p := range ej.prints {
			printers[p]++
		}
	}
	// A page's HTML is dropped after its own job and the early jobs that
	// print it; a page whose own output waits for the render stage keeps it.
	// The counters are one block, not an object for each page.
	counters := make([]atomic.Int32, len(owners))
	for n, st := range owners {
		r := &counters[n]
		r.Store(1 + printers[st.view])
		st.htmlRefs = r
		if printers[st.view] > 0 {
			sp.refs[st.view] = r
		}
	}
	sp.order = make([]*pageState, 0, len(b.pages))
	for _, first := range []bool{true, false} {
		for _, st := range b.pages {
			if (len(sp.early[st.view]) > 0) == first {
				sp.order = append(sp.order, st)
			}
		}
	}
	return sp
}

// distinct returns the pages of list that are in set, each once.
func distinct(list []*render.Page, set map[*render.Page]bool) []*render.Page {
	var out []*render.Page
	seen := make(map[*render.Page]bool, len(list))
	for _, p := range list {
		if set[p] && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// converted runs, in the worker that converted st, st's own job and every
// early job st was the last read of, and drops HTML no job still needs.
func (sp *streamPlan) converted(r *jobRunner, st *pageState) {
	if st.ownJob > 0 {
		r.run(int(st.ownJob) - 1)
		release(st.view, st.htmlRefs)
	}
	for _, k := range sp.early[st.view] {
		ej := sp.jobs[k]
		if ej.wait.Add(-1) != 0 {
			continue
		}
		r.run(k)
		for _, p := range ej.prints {
			release(p, sp.refs[p])
		}
	}
}

// release notes that one job printing p's HTML has run; ref counts the
// jobs still to print it (nil: p's HTML is kept).
func release(p *render.Page, ref *atomic.Int32) {
	if ref == nil {
		return
	}
	if ref.Add(-1) == 0 {
		p.Content, p.TableOfContents = "", ""
	}
}
