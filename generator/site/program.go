package site

import (
	"cmp"
	"errors"
	"path"
	"path/filepath"
	"strings"

	"github.com/sineng/sineng/generator/content"
	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/program"
	"github.com/sineng/sineng/generator/render"
	"github.com/sineng/sineng/internal/stablesort"
)

// contentRoots returns the site-relative folders content is read from,
// slash-separated: content, and each language's own content folder.
func (b *builder) contentRoots() []string {
	roots := []string{"content"}
	for _, l := range b.cfg.Languages() {
		if l.ContentDir != "" {
			roots = append(roots, strings.TrimSuffix(filepath.ToSlash(l.ContentDir), "/"))
		}
	}
	return roots
}

// brokenLeader reports whether id names the folder or file of a leader
// whose file content.Load left out for its problems ("content/leaders/wang/
// index.md"): references to that leader are then no problems of their own.
func (b *builder) brokenLeader(id string) bool {
	roots := b.contentRoots()
	for _, f := range b.tree.FailedFiles() {
		rest, ok := "", false
		for _, r := range roots {
			if rest, ok = strings.CutPrefix(f, r+"/leaders/"); ok {
				break
			}
		}
		if !ok {
			continue
		}
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			rest = rest[:j]
		} else {
			rest = strings.TrimSuffix(rest, ".md")
			if k := strings.IndexByte(rest, '.'); k >= 0 {
				rest = rest[:k] // a translation: wang.en.md
			}
		}
		if rest == id {
			return true
		}
	}
	return false
}

// programSite is the program model of one language of the build: the full
// model (for references and checks) and the views made from the filtered
// one.
type programSite struct {
	full     *program.Model
	model    *program.Model // only what this build publishes
	view     *render.Program
	stages   map[program.Stage]*render.StageView
	sessions map[string]*render.SessionView  // by page path
	projects map[string]*render.ProjectView  // by page path
	exchange map[string]*render.ExchangeView // by page path
	leaders  map[string]*render.LeaderView   // by leader id
	byPath   map[string]*pageState           // published program pages by path
}

// buildModels builds each language's program model from every decoded
// item (published or not, so references to unpublished leaders are not
// errors) and reports reference problems.
func (b *builder) buildModels(ls *langSite) *programSite {
	own := map[string]bool{} // files of this language
	var items []program.Item
	have := map[string]bool{}
	for _, st := range b.langStates[ls.lang.Code] {
		if st.item != nil {
			items = append(items, st.item)
			own[st.page.File] = true
			have[st.page.Path] = true
		}
	}
	// A page not translated into this language still counts for the
	// program of this language: its leader is still a leader, its session
	// still evidence. Its pages stay in the language they are written in.
	if ls.lang.Code != b.cfg.DefaultLanguage {
		for _, st := range b.langStates[b.cfg.DefaultLanguage] {
			if st.item != nil && !have[st.page.Path] {
				items = append(items, st.item)
			}
		}
	}
	if len(items) == 0 {
		return nil
	}
	full, err := program.BuildAround(items, b.brokenLeader)
	if err != nil {
		var list *diag.Errors
		if errors.As(err, &list) && ls.lang.Code != b.cfg.DefaultLanguage {
			for _, e := range list.List {
				var de *diag.Error
				if errors.As(e, &de) && !own[de.File] {
					continue // reported by the default language's model
				}
				b.errs.Add(e)
			}
		} else {
			b.errs.Add(err)
		}
	}
	if full == nil {
		return nil
	}
	ps := &programSite{full: full, byPath: map[string]*pageState{}}
	if ls.lang.Code != b.cfg.DefaultLanguage {
		for _, st := range b.pages {
			if st.item != nil && st.page.Lang == b.cfg.DefaultLanguage && !have[st.page.Path] {
				ps.byPath[st.page.Path] = st // published untranslated: linked in its own language
			}
		}
	}
	for _, st := range ls.pages {
		if st.item != nil {
			ps.byPath[st.page.Path] = st
		}
	}
	ps.model = full.Filter(func(p string) bool { return ps.byPath[p] != nil })
	return ps
}

// assembleProgram makes the program views of one language and the
// generated program pages (handbook, showcase, filters).
func (b *builder) assembleProgram(ls *langSite) {
	ps := b.buildModels(ls)
	if ps == nil {
		return
	}
	ls.program = ps
	site := ls.site
	lang := ls.lang.Code
	cfg := b.cfg.Program
	pv := &render.Program{Name: cfg.Name, Organisation: cfg.Organisation, Currency: cfg.Currency}
	if ls.lang.Code != b.cfg.DefaultLanguage || pv.Name == "" {
		// Another language names the program in its own words: its
		// params programName and organisation, else its site title.
		pv.Name = cmp.Or(paramString(ls.lang.Params, "programName"), site.Title)
		pv.Organisation = cmp.Or(paramString(ls.lang.Params, "organisation"), pv.Organisation)
	}
	ps.view = pv
	site.Program = pv

	// Stages.
	ps.stages = map[program.Stage]*render.StageView{}
	for _, info := range program.Stages() {
		sv := &render.StageView{
			ID: string(info.ID), Order: info.Order, Label: info.Label.In(lang),
			LabelZh: info.Label.Zh, LabelEn: info.Label.En, Summary: info.Summary.In(lang),
		}
		for _, s := range info.Steps {
			sv.Steps = append(sv.Steps, s.Label.In(lang))
		}
		if len(info.Phases) == 0 {
			sv.Phases = []*render.PhaseGroup{{}}
		}
		for _, ph := range info.Phases {
			g := &render.PhaseGroup{ID: string(ph.ID), Label: ph.Label.In(lang)}
			for _, t := range ph.Topics {
				g.Topics = append(g.Topics, t.In(lang))
			}
			sv.Phases = append(sv.Phases, g)
		}
		ps.stages[info.ID] = sv
		pv.Stages = append(pv.Stages, sv)
	}

	refs := b.leaderRefs(ls, ps)
	ref := func(id string) render.LeaderRef { return refs[id] }
	refList := func(ids []string) []render.LeaderRef {
		out := make([]render.LeaderRef, 0, len(ids))
		for _, id := range ids {
			out = append(out, ref(id))
		}
		return out
	}

	ps.sessions = map[string]*render.SessionView{}
	for _, s := range ps.model.Sessions() {
		st := ps.byPath[s.Path]
		v := &render.SessionView{
			Page: st.view, Stage: ps.stages[s.Stage], Phase: string(s.Phase),
			DurationMinutes: s.DurationMinutes, ActivityMinutes: s.ActivityMinutes(),
			Objectives: s.Objectives, Materials: s.Materials, Facilitators: s.Facilitators,
			Attendees: refList(s.Attendees),
		}
		if info, ok := s.Phase.Info(); ok {
			v.PhaseLabel = info.Label.In(lang)
		}
		start := 0
		for _, a := range s.Activities {
			v.Activities = append(v.Activities, render.Activity{Name: a.Name, Minutes: a.Minutes, Method: a.Method, Start: start})
			start += a.Minutes
		}
		if st.lang == ls {
			st.view.Session = v
		}
		ps.sessions[s.Path] = v
		pv.Sessions = append(pv.Sessions, v)
		if sv := ps.stages[s.Stage]; sv != nil {
			group := sv.Phases[0]
			for _, g := range sv.Phases {
				if g.ID == string(s.Phase) {
					group = g
				}
			}
			group.Sessions = append(group.Sessions, v)
		}
	}

	ps.projects = map[string]*render.ProjectView{}
	byName := map[string]*render.ProjectView{}
	for _, p := range ps.model.Projects() {
		st := ps.byPath[p.Path]
		v := b.projectView(site, p, st.view, refList(p.Leaders), ps.stages[p.Stage])
		if st.lang == ls {
			st.view.Project = v
		}
		ps.projects[p.Path] = v
		byName[path.Base(p.Path)] = v
		pv.Projects = append(pv.Projects, v)
	}
	stablesort.Func(pv.Projects, func(a, c *render.ProjectView) int { return compareNewerViews(a.Page, c.Page) })

	ps.exchange = map[string]*render.ExchangeView{}
	for _, x := range ps.model.Exchanges() {
		st := ps.byPath[x.Path]
		v := &render.ExchangeView{
			Page: st.view, Kind: string(x.Kind), Topic: string(x.Topic), Stage: ps.stages[x.Stage],
			Leaders: refList(x.Leaders),
		}
		if v.Kind != "" {
			v.KindLabel = site.T("kind_" + v.Kind)
		}
		if v.Topic != "" {
			v.TopicLabel = site.T("topic_" + v.Topic)
		}
		if st.lang == ls {
			st.view.Exchange = v
		}
		ps.exchange[x.Path] = v
		pv.Exchanges = append(pv.Exchanges, v)
	}
	stablesort.Func(pv.Exchanges, func(a, c *render.ExchangeView) int { return compareNewerViews(a.Page, c.Page) })
	if sv := ps.stages[program.Transmit]; sv != nil {
		sv.Exchanges = pv.Exchanges
	}

	ps.leaders = map[string]*render.LeaderView{}
	for _, l := range ps.model.Leaders() {
		st := ps.byPath[l.Path]
		v := b.leaderView(ls, ps, l, st)
		if st.lang == ls {
			st.view.Leader = v
		}
		ps.leaders[l.ID] = v
		pv.Leaders = append(pv.Leaders, v)
		if sv := ps.stages[l.Stage]; sv != nil {
			sv.Leaders++
		}
	}
	stablesort.Func(pv.Leaders, func(a, c *render.LeaderView) int {
		return cmp.Or(cmp.Compare(stageOrder(a.Stage), stageOrder(c.Stage)), strings.Compare(a.Name, c.Name))
	})
	pv.Dashboard = b.dashboard(site, ps)
	pv.SetIndex(refs, ps.leaders, byName)
	b.programPages(ls, ps)
}

func stageOrder(s *render.StageView) int {
	if s == nil {
		return 99
	}
	return s.Order
}

// leaderRefs names every leader id of the full model the way this build
// may: a published leader by name (when in scope, or in the team build) or
// pseudonym, with a link; an unpublished one by pseudonym or "a community
// leader", never by name and never with a link.
func (b *builder) leaderRefs(ls *langSite, ps *programSite) map[string]render.LeaderRef {
	anon := ls.site.T("anonymous_leader")
	if anon == "anonymous_leader" {
		anon = program.AnonymousName
	}
	refs := map[string]render.LeaderRef{}
	for _, l := range ps.full.Leaders() {
		r := ps.model.LeaderRef(l.ID)
		var name string
		switch {
		case r.Leader == nil:
			name = r.Pseudonym
		case b.showsNames():
			name = r.Leader.Title
		default:
			name = r.Leader.DisplayName(true) // the name only with "name" in scope
		}
		if name == "" || name == program.AnonymousName {
			name = anon
		}
		lr := render.LeaderRef{Name: name}
		if r.Leader != nil {
			if st := ps.byPath[r.Leader.Path]; st != nil {
				lr.URL = st.view.RelPermalink
			}
		}
		refs[l.ID] = lr
	}
	return refs
}

// leaderView is a published leader's portfolio.
func (b *builder) leaderView(ls *langSite, ps *programSite, l *program.Leader, st *pageState) *render.LeaderView {
	v := &render.LeaderView{
		Page: st.view, ID: l.ID, Name: st.view.Title, Community: l.Community,
		Stage: ps.stages[l.Stage], Joined: l.Joined,
	}
	for _, s := range l.Skills {
		v.Skills = append(v.Skills, render.Link{Name: s, URL: b.filterURL(ls, "leaders", "skill", s)})
	}
	if l.Photo != "" && (b.showsNames() || l.HasScope(program.ScopePhoto)) {
		for _, r := range st.view.Resources {
			if r.Name == l.Photo {
				v.Photo = imageView(r, v.Name)
			}
		}
	}
	for _, m := range l.Milestones {
		v.Milestones = append(v.Milestones, render.Milestone{Date: m.Date, Stage: ps.stages[m.Stage], Note: m.Note})
	}
	if b.showsNames() || l.HasScope(program.ScopeQuotes) {
		for _, t := range l.Testimonials {
			source := t.Source
			if name := strings.TrimSpace(l.Title); !b.showsNames() && !l.HasScope(program.ScopeName) && name != "" && strings.Contains(source, name) {
				// The leader quoting themself, by the name they did
				// not let out ("王秀英", "— 王秀英, 楼长"): the pseudonym
				// instead.
				source = l.DisplayName(false)
			}
			v.Testimonials = append(v.Testimonials, render.Testimonial{Quote: t.Quote, Source: source})
		}
	}
	ev := ps.model.Evidence(l.ID)
	for _, s := range ev.Sessions {
		if sv := ps.sessions[s.Path]; sv != nil {
			v.Evidence.Sessions = append(v.Evidence.Sessions, sv)
		}
	}
	for _, p := range ev.Projects {
		if pv := ps.projects[p.Path]; pv != nil {
			v.Evidence.Projects = append(v.Evidence.Projects, pv)
		}
	}
	for _, x := range ev.Exchanges {
		if xv := ps.exchange[x.Path]; xv != nil {
			v.Evidence.Exchanges = append(v.Evidence.Exchanges, xv)
		}
	}
	for _, c := range ev.Cases {
		if cs := ps.byPath[c.Path]; cs != nil {
			v.Evidence.Cases = append(v.Evidence.Cases, cs.view)
		}
	}
	e := &v.Evidence
	e.Total = len(e.Sessions) + len(e.Projects) + len(e.Exchanges) + len(e.Cases)
	return v
}

// amount converts a sum of money for views.
func amount(m program.Money) render.Amount {
	return render.Amount{Value: m.Units(), Text: m.String(), Set: true}
}

func optAmount(m *program.Money) render.Amount {
	if m == nil {
		return render.Amount{}
	}
	return amount(*m)
}

// projectView is a project's one-page view.
func (b *builder) projectView(site *render.Site, p *program.Project, page *render.Page, leaders []render.LeaderRef, stage *render.StageView) *render.ProjectView {
	f := p.Funding
	v := &render.ProjectView{
		Page: page, Status: string(p.Status), Scheme: string(f.Scheme), Funder: f.Funder,
		Community: p.Community, Stage: stage, Beneficiaries: p.Beneficiaries, Leaders: leaders,
		Currency: f.Currency, Requested: amount(p.RequestedTotal()), Awarded: optAmount(f.Awarded),
		Matched: amount(p.MatchedAmount()), MatchedShare: p.MatchedShare(),
		PeriodStart: p.Period.Start, PeriodEnd: p.Period.End, BudgetTotal: amount(p.BudgetTotal()),
	}
	if v.Currency == "" {
		v.Currency = b.cfg.Program.Currency
	}
	if v.Status != "" {
		v.StatusLabel = site.T("status_" + v.Status)
	}
	if v.Scheme != "" {
		v.SchemeLabel = site.T("scheme_" + v.Scheme)
	}
	for _, l := range p.Budget {
		line := render.BudgetLine{Item: l.Item, Category: l.Category, Quantity: l.Quantity,
			UnitCost: amount(l.UnitCost), Total: amount(l.Total), Source: string(l.Source)}
		if line.Source != "" {
			line.SourceLabel = site.T("source_" + line.Source)
		}
		v.Budget = append(v.Budget, line)
	}
	total := p.BudgetTotal().Units()
	for _, s := range p.BySource() {
		st := render.SourceTotal{Source: string(s.Source), Total: amount(s.Amount)}
		if st.Source != "" {
			st.Label = site.T("source_" + st.Source)
		}
		if total > 0 {
			st.Share = s.Amount.Units() / total
		}
		v.BySource = append(v.BySource, st)
	}
	for _, o := range p.Outcomes {
		v.Outcomes = append(v.Outcomes, render.Outcome{Indicator: o.Indicator, Baseline: o.Baseline,
			Target: o.Target, Actual: o.Actual, Measured: o.Measured, Progress: o.Progress()})
	}
	return v
}

// dashboard turns the filtered model's figures into chart bars.
func (b *builder) dashboard(site *render.Site, ps *programSite) *render.Dashboard {
	d := ps.model.Dashboard()
	out := &render.Dashboard{Leaders: d.Leaders, Sessions: d.Sessions, Projects: d.Projects,
		Exchanges: d.Exchanges, Beneficiaries: d.Beneficiaries, TrainingHours: float64(d.TrainingMinutes) / 60}
	stageBars := func(counts []program.StageCount) []render.Bar {
		var bars []render.Bar
		for _, c := range counts {
			sv := ps.stages[c.Stage]
			bar := render.Bar{Key: string(c.Stage), Value: float64(c.Count)}
			if sv != nil {
				bar.Label, bar.URL = sv.Label, sv.URL
			}
			bars = append(bars, bar)
		}
		return shares(bars)
	}
	out.Funnel = stageBars(d.Funnel)
	out.LeadersByStage = stageBars(d.LeadersByStage)
	for _, c := range d.ProjectsByStatus {
		out.ProjectsByStatus = append(out.ProjectsByStatus, render.Bar{Key: string(c.Status),
			Label: site.T("status_" + string(c.Status)), Value: float64(c.Count)})
	}
	out.ProjectsByStatus = shares(out.ProjectsByStatus)
	for _, f := range d.Funding {
		cur := f.Currency
		if cur == "" {
			cur = b.cfg.Program.Currency
		}
		out.Funding = append(out.Funding, render.FundingTotal{Currency: cur, Projects: f.Projects,
			Requested: amount(f.Requested), Awarded: amount(f.Awarded)})
	}
	return out
}

// shares sets each bar's Share against the largest value.
func shares(bars []render.Bar) []render.Bar {
	max := 0.0
	for _, b := range bars {
		if b.Value > max {
			max = b.Value
		}
	}
	for i := range bars {
		if max > 0 {
			bars[i].Share = bars[i].Value / max
		}
	}
	return bars
}

// filterURL is the URL of a generated filter page, e.g.
// /leaders/skill/议事协商/.
func (b *builder) filterURL(ls *langSite, section, dim, key string) string {
	return b.relURL(content.EncodePath("/" + langPrefix(b, ls) + section + "/" + dim + "/" + content.Slugify(key) + "/"))
}
