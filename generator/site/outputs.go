package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/content"
	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/output"
	"github.com/sineng/sineng/generator/render"
)

// job is one output file to make.
type job struct {
	out  string // output slash path
	from string // source named in errors: a content file or a made-up page's URL
	html bool   // counts as a page
	// make writes the output. It is nil on a content page's own output,
	// which runs the page template on page's view (see runMake): one
	// closure less for each of a big site's pages.
	make func(w io.Writer) error
	// reads are the pages whose body-derived fields (content, summary,
	// table of contents, word count, reading time, derived description)
	// the output shows: a Session re-renders the job when one of them is
	// edited.
	reads []*render.Page
	// prints are the pages besides its own whose HTML (content, table of
	// contents) the output prints: a handbook page's sessions and stage
	// introductions. A streaming build keeps their HTML until it ran.
	prints []*render.Page
	// page is set on the job of a content page's own output.
	page *pageState
	// search is set on the job that builds a language's search index.
	search bool
	// lists counts the pages the output lists without reading their
	// bodies (the sitemap): part of its cost, with reads.
	lists int32
}

// planJobs makes the output jobs of every page, list, feed, export and
// site-wide file: all but the search index, which needs every page's text.
func (b *builder) planJobs() []job {
	// The parts are joined once: a job holds pointers, and growing a slice
	// of ten thousand of them copies them with the collector's barriers.
	var parts [][]job
	for _, ls := range b.langs {
		parts = append(parts, b.pageJobs(ls), b.feedJobs(ls), b.exportJobs(ls))
	}
	return slices.Concat(append(parts, b.siteJobs())...)
}

// maxPooledBuffer is the largest output buffer kept for reuse.
const maxPooledBuffer = 1 << 20

// jobRunner runs output jobs into the stage, each at most once, from any
// number of goroutines.
type jobRunner struct {
	b       *builder
	jobs    []job
	done    []bool // written by the goroutine that runs the job
	durs    []time.Duration
	tplErrs *templateErrors
	pages   atomic.Int64
	// emit takes job i's bytes once they passed the leak scan: the stage's
	// WriteFile in a build, a copy kept in memory in a Session update.
	emit func(i int, data []byte) error
	// direct writes the outputs that print other pages' HTML (the
	// handbook pages, 17 MB for the printable one at 10k pages) straight
	// to the stage instead of through emit, so they are never held in
	// memory whole. Off in a Session update, which keeps every output.
	direct bool
	// Output buffers are reused across jobs: WriteFile and the leak scan
	// are done with the bytes when the job returns.
	bufs sync.Pool
}

func newJobRunner(b *builder, jobs []job) *jobRunner {
	r := &jobRunner{b: b, jobs: jobs, done: make([]bool, len(jobs)), durs: make([]time.Duration, len(jobs)),
		tplErrs: &templateErrors{seen: map[string]bool{}}}
	r.bufs.New = func() any {
		buf := new(bytes.Buffer)
		buf.Grow(64 << 10)
		return buf
	}
	r.emit = func(i int, data []byte) error {
		j := r.jobs[i]
		return b.stage.WriteFile(j.out, data, j.from)
	}
	r.direct = true
	return r
}

// add appends jobs to run.
func (r *jobRunner) add(jobs []job) {
	r.jobs = append(r.jobs, jobs...)
	r.done = append(r.done, make([]bool, len(jobs))...)
	r.durs = append(r.durs, make([]time.Duration, len(jobs))...)
}

// cost estimates how long job i takes, to start the long ones first.
func (r *jobRunner) cost(i int) int {
	if r.jobs[i].search {
		return math.MaxInt
	}
	return len(r.jobs[i].reads) + int(r.jobs[i].lists)
}

// run makes job i, scans it for leaks and emits it.
func (r *jobRunner) run(i int) {
	b, j := r.b, r.jobs[i]
	r.done[i] = true
	var makeErr, err error
	if r.direct && len(j.prints) > 0 {
		makeErr, err = r.makeDirect(i)
	} else {
		makeErr, err = r.makeBuffered(i)
	}
	switch {
	case makeErr != nil:
		r.tplErrs.add(b, j.from, makeErr)
	case err != nil && errors.Is(err, output.ErrDuplicate) && b.clashes[j.out]:
		// reported at the page's front matter (checkOutputPaths)
	case err != nil:
		b.errs.Add(err)
	case j.html:
		r.pages.Add(1)
	}
}

// makeBuffered makes job i into a pooled buffer, scans it and emits it.
// It returns the job's own error, or else the error emitting.
func (r *jobRunner) makeBuffered(i int) (makeErr, err error) {
	b, j := r.b, r.jobs[i]
	buf := r.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		// A huge output (the printable handbook of a big program) would
		// keep its buffer alive in the pool for the rest of the build.
		if buf.Cap() <= maxPooledBuffer {
			r.bufs.Put(buf)
		}
	}()
	t0 := time.Now()
	makeErr = b.runMake(&j, buf)
	r.durs[i] = time.Since(t0)
	if makeErr != nil {
		return makeErr, nil
	}
	b.scanLeaks(j.out, j.from, buf.Bytes())
	return nil, r.emit(i, buf.Bytes())
}

// makeDirect makes job i straight into its stage file; the leak scan, when
// the build has one, reads the file back. It returns the job's own error,
// or else the error writing.
func (r *jobRunner) makeDirect(i int) (makeErr, err error) {
	b, j := r.b, r.jobs[i]
	var check func([]byte)
	if b.leaks != nil {
		check = func(data []byte) { b.scanLeaks(j.out, j.from, data) }
	}
	t0 := time.Now()
	err = b.stage.WriteFrom(j.out, j.from, func(w io.Writer) error {
		makeErr = b.runMake(&j, w)
		return makeErr
	}, check)
	r.durs[i] = time.Since(t0)
	return makeErr, err
}

// renderOutputs makes every output file of the build not made yet on all
// cores and stages it: with streaming, most pages were made right after
// their conversion (renderMarkdown).
func (b *builder) renderOutputs(context.Context) error {
	if b.layout == nil {
		return nil
	}
	b.startPublicationLog()
	r := b.runner
	if r == nil {
		r = newJobRunner(b, b.planJobs())
	}
	for _, ls := range b.langs {
		r.add(b.searchJobs(ls))
	}
	if b.keep {
		b.jobs = r.jobs
	}
	var todo []int
	for i := range r.jobs {
		if !r.done[i] {
			todo = append(todo, i)
		}
	}
	// The longest jobs start first so none of them is left running alone at
	// the end: the search index (it reads every page's text), then the
	// outputs that show the most pages (the printable handbook, the
	// sitemap: 4–8 ms at 10k, the last job when its cost counted only
	// bodies read).
	sort.SliceStable(todo, func(x, y int) bool { return r.cost(todo[x]) > r.cost(todo[y]) })
	b.parallel(len(todo), func(k int) { r.run(todo[k]) })
	b.pageN = int(r.pages.Load())
	b.runner = nil
	if b.opts.Verbose != nil {
		b.reportRenderTimes(r.jobs, r.durs)
	}
	b.copyResources()
	return nil
}

// templateErrors reports each template problem once, however many pages
// hit it.
type templateErrors struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (t *templateErrors) add(b *builder, from string, err error) {
	var de *diag.Error
	if errors.As(err, &de) && de.File != from {
		key := fmt.Sprintf("%s:%d:%d", de.File, de.Line, de.Col)
		t.mu.Lock()
		dup := t.seen[key]
		t.seen[key] = true
		t.mu.Unlock()
		if dup {
			return
		}
		b.errs.Add(&diag.Error{File: de.File, Line: de.Line, Col: de.Col, Err: fmt.Errorf("%w (rendering %s)", de.Err, from)})
		return
	}
	b.errs.Add(&diag.Error{File: from, Err: err})
}

// runMake writes job j's output to w: its make function, or the page
// template on its page's view.
func (b *builder) runMake(j *job, w io.Writer) error {
	if j.make != nil {
		return j.make(w)
	}
	v := j.page.view
	return b.execute(w, "page", v.Type, v.Layout, v)
}

// execute runs the template for a view into buf.
func (b *builder) execute(buf io.Writer, kind, typ, lay string, v any) error {
	t, ok := b.layout.Lookup(kind, typ, lay)
	if !ok {
		return fmt.Errorf("no template for a %s page of type %q (add layouts/_default/%s.html)", kind, typ, defaultTemplate(kind))
	}
	return b.layout.Execute(buf, t, v)
}

func defaultTemplate(kind string) string {
	switch kind {
	case "page":
		return "single"
	case "home":
		return "home"
	case "404":
		return "../404"
	case "taxonomy", "term":
		return kind
	}
	return "list"
}

// pageJobs are the HTML pages of one language: content pages (lists
// paginated), taxonomies and terms, and the 404 page.
func (b *builder) pageJobs(ls *langSite) []job {
	// Room for every page's own output and, as on most sites, half as many
	// list pages and terms again.
	jobs := make([]job, 0, len(ls.pages)+len(ls.pages)/2)
	// Each content page's own output reads its own view: one block holds
	// those one-page read lists instead of a slice for each page.
	own := make([]*render.Page, 0, len(ls.pages))
	for _, st := range ls.pages {
		from := st.page.File
		if from == "" {
			from = st.view.RelPermalink
		}
		if st.page.Kind == content.KindPage {
			own = append(own, st.view)
			self := own[len(own)-1 : len(own) : len(own)] // full: programReads appends to a copy
			jobs = append(jobs, job{out: st.page.OutPath, from: from, html: true,
				reads: b.programReads(ls, st.view, self), prints: b.programPrints(ls, st.view), page: st})
		} else {
			jobs = append(jobs, b.listJobs(ls, st.view, path.Dir(st.page.OutPath), from)...)
		}
		for _, a := range st.page.Aliases {
			jobs = append(jobs, b.aliasJob(a, st, from))
		}
	}
	for _, tax := range ls.taxes {
		tax := tax
		jobs = append(jobs, job{out: tax.out + "/index.html", from: tax.page.RelPermalink, html: true, make: func(buf io.Writer) error {
			return b.execute(buf, "taxonomy", tax.page.Type, "", tax.page)
		}})
		for _, ts := range tax.terms {
			jobs = append(jobs, b.listJobs(ls, ts.page, ts.out, ts.page.RelPermalink)...)
		}
	}
	prefix := langPrefix(b, ls)
	nf := &render.Page{Kind: "404", Type: "404", Title: ls.site.T("not_found_title"), Lang: ls.site.LanguageCode,
		RelPermalink: b.relURL(prefix + "404.html"), Permalink: b.absURL(prefix + "404.html"), Site: ls.site}
	jobs = append(jobs, job{out: prefix + "404.html", from: "404", make: func(buf io.Writer) error {
		return b.execute(buf, "404", "404", "", nf)
	}})
	return jobs
}

// listJobs paginates a list page: page 1 at the list's URL, page n at
// <list>/page/<n>/.
func (b *builder) listJobs(ls *langSite, v *render.Page, dir, from string) []job {
	size := b.cfg.Paginate
	if size <= 0 {
		size = 10
	}
	// A program index (leaders, projects, exchange) pages through its
	// program views; any other list through its pages.
	n := len(v.Pages)
	switch {
	case v.Leaders != nil:
		n = len(v.Leaders)
	case v.Projects != nil:
		n = len(v.Projects)
	case v.Exchanges != nil:
		n = len(v.Exchanges)
	}
	total := (n + size - 1) / size
	if total == 0 || v.Kind == "home" {
		total = 1 // the home page shows its own selection; it is not paginated
	}
	urlOf := func(k int) string {
		if k == 1 {
			return v.RelPermalink
		}
		return v.RelPermalink + "page/" + strconv.Itoa(k) + "/"
	}
	var jobs []job
	for k := 1; k <= total; k++ {
		lo, hi := (k-1)*size, k*size
		if hi > n || v.Kind == "home" {
			hi = n
		}
		lo = min(lo, hi)
		out := path.Join(dir, "index.html")
		if k > 1 {
			out = path.Join(dir, "page/"+strconv.Itoa(k)+"/index.html")
		}
		// The view of page k is copied when the job runs, so a Session's
		// later run sees the list page's edited fields.
		jobs = append(jobs, job{out: out, from: from, html: true, make: func(buf io.Writer) error {
			pv := *v
			switch {
			case v.Leaders != nil:
				pv.Leaders = v.Leaders[lo:hi]
			case v.Projects != nil:
				pv.Projects = v.Projects[lo:hi]
			case v.Exchanges != nil:
				pv.Exchanges = v.Exchanges[lo:hi]
			}
			// The pager's links are made here, not when the job is
			// planned: a 10k-page site has thousands of list pages, and
			// their URLs would stay on the heap for the whole build.
			pg := render.Pager{Number: k, TotalPages: total, Pages: pagerPages(v, lo, hi)}
			if k > 1 {
				pg.PrevURL = urlOf(k - 1)
			}
			if k < total {
				pg.NextURL = urlOf(k + 1)
			}
			pg.Links = pagerLinks(k, total, urlOf)
			pv.Paginator = &pg
			if k > 1 {
				pv.RelPermalink = urlOf(k)
				pv.Permalink = b.absFromRel(urlOf(k))
			}
			return b.execute(buf, pv.Kind, pv.Type, pv.Layout, &pv)
		}, reads: b.listReads(ls, v, pagerPages(v, lo, hi)), prints: b.programPrints(ls, v)})
	}
	return jobs
}

// pagerPages are the pages that page lo..hi of list v shows: its program
// views' pages on a program index, else its pages. The pager is made when
// the list page renders, not held from planning to the end of the build.
func pagerPages(v *render.Page, lo, hi int) []*render.Page {
	var pages []*render.Page
	switch {
	case v.Leaders != nil:
		for _, l := range v.Leaders[lo:hi] {
			pages = append(pages, l.Page)
		}
	case v.Projects != nil:
		for _, p := range v.Projects[lo:hi] {
			pages = append(pages, p.Page)
		}
	case v.Exchanges != nil:
		for _, x := range v.Exchanges[lo:hi] {
			pages = append(pages, x.Page)
		}
	default:
		pages = v.Pages[lo:hi]
	}
	return pages
}

// pagerLinks are the numbered links of page k of total: the first and last
// pages and two on each side of the current one, so a long list does not
// print hundreds of links on each of its pages.
// Only those pages are visited, so each list page costs the same however
// long its list is.
func pagerLinks(k, total int, urlOf func(int) string) []render.PagerLink {
	links := make([]render.PagerLink, 0, 7)
	add := func(i int) {
		if i < 1 || i > total || (len(links) > 0 && links[len(links)-1].Number >= i) {
			return
		}
		links = append(links, render.PagerLink{Number: i, URL: urlOf(i), Current: i == k})
	}
	add(1)
	for i := k - 2; i <= k+2; i++ {
		add(i)
	}
	add(total)
	return links
}

// aliasJob is a redirect page from an old URL of a page.
func (b *builder) aliasJob(alias string, st *pageState, from string) job {
	return job{out: aliasOut(alias), from: from, make: func(buf io.Writer) error {
		data, err := render.Alias(st.view.Permalink, st.view.Title, st.view.Lang)
		buf.Write(data)
		return err
	}}
}

// feedJobs are the RSS feeds of one language: the home feed and one per
// section, from published pages only.
func (b *builder) feedJobs(ls *langSite) []job {
	if !b.cfg.Outputs.RSS {
		return nil
	}
	var jobs []job
	for _, st := range ls.pages {
		if st.page.Kind == content.KindPage || st.generated {
			continue
		}
		st := st
		var items []*pageState
		if st.page.Kind == content.KindHome {
			items = ls.regular
		} else {
			items = newestUnder(st, feedLimit)
		}
		dir := path.Dir(st.page.OutPath)
		reads := make([]*render.Page, 0, min(len(items), feedLimit))
		for _, it := range items[:min(len(items), feedLimit)] {
			reads = append(reads, it.view)
		}
		jobs = append(jobs, job{out: path.Join(dir, "index.xml"), from: st.view.RelPermalink, make: func(buf io.Writer) error {
			buf.Write(b.feed(ls, st.view, items))
			return nil
		}, reads: reads})
	}
	return jobs
}

// newestUnder returns the limit newest published regular pages in a
// section and its subsections, newest first: the first limit of them all
// in the order sortNewest gives them (a stable sort of the section's pages,
// then each subsection's, by compareNewest), without sorting them all. Each
// page is compared with the oldest kept, and only a newer one is placed,
// after those it ties with.
func newestUnder(sec *pageState, limit int) []*pageState {
	out := make([]*pageState, 0, limit)
	var walk func(s *pageState)
	walk = func(s *pageState) {
		for _, st := range s.children {
			n := len(out)
			if n == limit && compareNewest(st, out[n-1]) >= 0 {
				continue
			}
			at := sort.Search(n, func(i int) bool { return compareNewest(out[i], st) > 0 })
			if n < limit {
				out = append(out, nil)
			}
			copy(out[at+1:], out[at:])
			out[at] = st
		}
		for _, c := range s.subs {
			walk(c)
		}
	}
	walk(sec)
	return out
}

// feedLimit is how many items a feed carries.
const feedLimit = 20

func (b *builder) feed(ls *langSite, v *render.Page, pages []*pageState) []byte {
	if len(pages) > feedLimit {
		pages = pages[:feedLimit]
	}
	items := make([]render.FeedItem, len(pages))
	for i, st := range pages {
		items[i] = render.FeedItem{Title: st.view.Title, Link: st.view.Permalink, Date: st.view.Date, Description: st.view.Description}
	}
	title := v.Title
	if v.Kind != "home" {
		title = v.Title + " – " + ls.site.Title
	}
	self := v.Permalink + "index.xml"
	return render.RSS(title, v.Permalink, self, ls.site.Description, ls.site.LanguageCode, items)
}

// siteJobs are the files of the whole site: sitemap and robots.txt.
func (b *builder) siteJobs() []job {
	var jobs []job
	if b.cfg.Outputs.Sitemap {
		jobs = append(jobs, job{out: "sitemap.xml", from: "sitemap", lists: int32(len(b.pages)), make: func(buf io.Writer) error {
			var entries []render.SitemapEntry
			for _, ls := range b.langs {
				for _, st := range ls.pages {
					entries = append(entries, render.SitemapEntry{Loc: st.view.Permalink, Lastmod: st.view.Lastmod})
				}
				for _, tax := range ls.taxes {
					entries = append(entries, render.SitemapEntry{Loc: tax.page.Permalink})
					for _, ts := range tax.terms {
						entries = append(entries, render.SitemapEntry{Loc: ts.page.Permalink})
					}
				}
			}
			buf.Write(render.Sitemap(entries))
			return nil
		}})
	}
	if b.cfg.EnableRobots {
		jobs = append(jobs, job{out: "robots.txt", from: "robots.txt", make: func(buf io.Writer) error {
			buf.Write(render.Robots(b.absURL("sitemap.xml"), b.opts.Audience == audience.Team))
			return nil
		}})
	}
	return jobs
}

// copyResources copies the files of published page bundles beside their
// pages.
func (b *builder) copyResources() {
	for _, st := range b.pages {
		p := st.page
		if !p.Bundle || st.view == nil {
			continue
		}
		dir := path.Dir(p.OutPath)
		b.writeImages(st, dir)
		// The view holds what may be published (processImages): not the
		// pictures of a leader without photo consent, nor refused ones.
		for _, r := range st.view.Resources {
			if _, ok := st.images[r.Name]; ok {
				continue // re-encoded, written by writeImages
			}
			rel := p.Dir + "/" + r.Name
			src := filepath.Join(b.opts.Source, "content", filepath.FromSlash(rel))
			b.scanCopied(path.Join(dir, r.Name), src, "content/"+rel)
			if err := b.stage.CopyFile(path.Join(dir, r.Name), src, "content/"+rel); err != nil {
				b.errs.Add(err)
			}
		}
	}
}

// exportJobs are the machine-readable showcase exports of one language,
// made from the same audience-filtered views as the pages.
func (b *builder) exportJobs(ls *langSite) []job {
	if ls.program == nil || ls.program.view.ProjectsJSON == "" {
		return nil
	}
	projects := ls.program.view.Projects
	reads := make([]*render.Page, len(projects))
	for i, p := range projects {
		reads[i] = p.Page
	}
	prefix := langPrefix(b, ls)
	return []job{
		{out: prefix + "showcase/projects.json", from: "showcase/projects.json", make: func(buf io.Writer) error {
			data, err := render.ProjectsJSON(render.ProjectRecords(projects))
			buf.Write(data)
			return err
		}, reads: reads},
		{out: prefix + "showcase/projects.csv", from: "showcase/projects.csv", make: func(buf io.Writer) error {
			data, err := render.ProjectsCSV(render.ProjectRecords(projects))
			buf.Write(data)
			return err
		}, reads: reads},
	}
}

// reportRenderTimes prints, with --verbose, the rendering time spent on each
// top-level output folder, slowest first: where a slow template shows up.
func (b *builder) reportRenderTimes(jobs []job, durs []time.Duration) {
	agg := map[string]time.Duration{}
	count := map[string]int{}
	for i, j := range jobs {
		k := strings.SplitN(j.out, "/", 2)[0]
		agg[k] += durs[i]
		count[k]++
	}
	keys := make([]string, 0, len(agg))
	for k := range agg {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return agg[keys[i]] > agg[keys[j]] })
	for i, k := range keys {
		if i == 8 {
			break
		}
		fmt.Fprintf(b.opts.Verbose, "  render %-14s %8.1f ms  %6d files\n", k+"/", float64(agg[k].Microseconds())/1000, count[k])
	}
}
