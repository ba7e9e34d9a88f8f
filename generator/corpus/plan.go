package corpus

import (
	"fmt"
	"math"
	"path"
	"sort"
	"strings"
)

// share returns round(n*p).
func share(n int, p float64) int { return int(math.Round(float64(n) * p)) }

// exchangeKinds returns the exchange kinds in path order.
func exchangeKinds() []string { return []string{"thematic", "mobile", "study-visit", "sharing"} }

// exchangeTopics returns the exchange topics.
func exchangeTopics() []string {
	return []string{"project-design", "project-application", "communication", "team-leadership", "bottleneck"}
}

// fixedSections is how many section _index.md files every corpus has:
// home, leaders, cases, curricula and its 4 stages, projects, exchange and
// its 4 kinds, handbook and its 4 stages, notes, news and resources.
const fixedSections = 22

// plan decides every item: its kind, path, title, audience and date.
func (g *generator) plan() {
	n := g.opts.Pages
	nLeaders := max(1, share(n, 0.06))
	nCases := share(n, 0.10)
	nSessions := share(n, 0.20)
	nProjects := share(n, 0.10)
	nExchange := share(n, 0.10)
	const yearSections = 15 // cases, notes and news by year, 2022–2026
	nPlain := max(0, n-nLeaders-nCases-nSessions-nProjects-nExchange-fixedSections-yearSections)

	g.planSections()
	for i := range nLeaders {
		g.planLeader(i)
	}
	for i := range nCases {
		g.planCase(i)
	}
	for i := range nSessions {
		g.planSession(i)
	}
	for i := range nProjects {
		g.planProject(i)
	}
	for i := range nExchange {
		g.planExchange(i)
	}
	for i := range nPlain {
		g.planPlain(i)
	}
	g.planMissingSections()
	for _, it := range g.items {
		if it.kind == kindSection || it.draft {
			continue
		}
		for a := it.aud; a <= team; a++ {
			g.targets[a] = append(g.targets[a], it)
		}
	}
}

// planMissingSections gives every folder holding pages an _index.md.
// Leader bundles are pages, not sections.
func (g *generator) planMissingSections() {
	has := map[string]bool{}
	for _, it := range g.items {
		if it.kind == kindSection {
			has[it.section] = true
		}
	}
	var missing []string
	for _, it := range g.items {
		dir := path.Dir(it.path)
		if it.kind == kindLeader {
			dir = path.Dir(dir)
		}
		for ; dir != "." && !has[dir]; dir = path.Dir(dir) {
			has[dir] = true
			missing = append(missing, dir)
		}
	}
	sort.Strings(missing)
	for _, dir := range missing {
		title := path.Base(dir)
		if len(title) == 4 && title >= "2000" && title <= "2099" {
			title += " 年"
		}
		g.addSection(dir, title)
	}
}

// add appends an item, planting a marker when it must not reach public.
func (g *generator) add(it *item) *item {
	if it.aud > public && g.opts.Markers {
		it.marker = g.newMarker(it.aud)
		it.title += " " + it.marker
	}
	if it.link == "" {
		it.link = it.title
	}
	g.items = append(g.items, it)
	return it
}

// newMarker returns a fresh marker for audience a and records it.
func (g *generator) newMarker(a audience) string {
	m := fmt.Sprintf("LEAKMARK-%s-%06d", a, len(g.markers)+1)
	g.markers = append(g.markers, marker{text: m, aud: a})
	return m
}

// addSection plans a section's _index.md.
func (g *generator) addSection(folder, title string) {
	p := "_index.md"
	if folder != "" {
		p = folder + "/_index.md"
	}
	g.add(&item{kind: kindSection, path: p, title: title, section: folder})
}

// planSections plans the fixed sections.
func (g *generator) planSections() {
	g.addSection("", "四能社区领袖成长计划（示例语料）")
	g.addSection("leaders", "社区领袖 Leaders")
	g.addSection("cases", "个案记录 Case notes")
	g.addSection("curricula", "课程与活动方案 Curricula")
	for _, s := range stageIDs() {
		g.addSection("curricula/"+s, stageLabel(s)+"课程 "+s)
	}
	g.addSection("projects", "社区项目 Projects")
	g.addSection("exchange", "交流学习 Exchange")
	kindLabels := []string{"专题工作坊 Thematic workshops", "流动工作坊 Mobile workshops", "参访学习 Study visits", "经验分享 Sharing"}
	for i, k := range exchangeKinds() {
		g.addSection("exchange/"+k, kindLabels[i])
	}
	g.addSection("handbook", "工作手册 Handbook")
	for _, s := range stageIDs() {
		it := &item{kind: kindSection, path: "handbook/" + s + "/_index.md", title: stageLabel(s) + "手册", stage: s, section: "handbook/" + s}
		g.add(it)
	}
	g.addSection("notes", "工作笔记 Notes")
	g.addSection("news", "动态 News")
	g.addSection("resources", "资源 Resources")
}

// randomDay returns a date between from and the last corpus day.
func (g *generator) randomDay(from day) day {
	last := lastDay()
	if from >= last {
		return last
	}
	return from + day(g.t.r.IntN(int(last-from)+1))
}

// planLeader plans leader i. The consent shape cycles so that even a small
// corpus has every shape: full scope, pseudonym only, no consent, withdrawn.
func (g *generator) planLeader(i int) {
	t := g.t
	l := &leader{
		id:        fmt.Sprintf("leader-%04d", i+1),
		name:      t.name(),
		pseudonym: fmt.Sprintf("社区领袖%s%d", string(rune('A'+i%26)), i/26+1),
		community: t.pick(t.v.communities),
		stage:     t.pick(stageIDs()),
		skills:    t.pickN(t.v.skills, t.between(1, 4)),
		photo:     i%3 == 0 || i%12 == 7 || i%12 == 11, // some hidden leaders have photos too
	}
	l.joined = g.randomDay(0)
	switch i % 12 {
	case 3, 9: // published under a pseudonym
		l.publish = true
		l.scope = []string{"portfolio"}
		if i%12 == 9 {
			l.scope = []string{"portfolio", "quotes"}
		}
	case 7: // no consent: exists only for the team
	case 11: // consent given, then withdrawn
		l.publish = true
		l.scope = []string{"portfolio", "name", "photo", "quotes"}
		l.hasWithdrawn = true
	case 5: // name but no photo
		l.publish = true
		l.scope = []string{"portfolio", "name", "quotes"}
	default:
		l.publish = true
		l.scope = []string{"portfolio", "name", "photo", "quotes"}
	}
	switch {
	case l.hasWithdrawn:
		// Joined and consented in 2022, withdrew in 2023: long enough ago
		// that a build pinned to any recent date treats it as withdrawn.
		l.joined = day(t.r.IntN(180))
		l.consentDate = l.joined + day(t.r.IntN(60))
		l.withdrawn = day(365 + t.r.IntN(365))
	case l.publish:
		l.consentDate = g.randomDay(l.joined)
	}
	it := &item{kind: kindLeader, path: "leaders/" + l.id + "/index.md", title: l.name, aud: l.audience(), date: l.joined, stage: l.stage, seq: i, leader: l}
	g.add(it)
	l.name = it.title // with the item marker, when planted
	if g.opts.Markers && it.aud == public {
		if !l.inScope("name") {
			l.name += " " + g.newMarker(team)
			it.title = l.name
		}
		if !l.inScope("quotes") {
			l.quoteMarker = g.newMarker(team)
		}
	}
	it.link = l.shownName(it.aud)
	g.leaders = append(g.leaders, l)
}

// planCase plans case i: mostly confidential notes, some de-identified
// stories reviewed for publication.
func (g *generator) planCase(i int) {
	t := g.t
	d := g.randomDay(0)
	it := &item{kind: kindCase, path: fmt.Sprintf("cases/%s/case-%04d.md", d.year(), i+1), date: d, seq: i, aud: team}
	it.stage = "activate"
	if t.chance(0.2) {
		it.stage = "showcase"
	}
	if i%5 == 2 { // de-identified story
		it.phase = "story"
		it.aud = funders
		if i%10 == 2 {
			it.aud = public
		}
		it.title = "个案故事：" + t.zhPhrase()
	} else {
		it.title = fmt.Sprintf("个案记录 %04d：%s", i+1, t.zhPhrase())
	}
	g.add(it)
}

// planSession plans session plan i.
func (g *generator) planSession(i int) {
	t := g.t
	stages := []string{"activate", "empower", "empower", "empower", "showcase", "transmit", "transmit"}
	st := stages[i%len(stages)]
	it := &item{kind: kindSession, stage: st, date: g.randomDay(0), seq: i}
	switch st {
	case "empower":
		it.phase = []string{"initial", "intermediate", "advanced"}[(i/len(stages))%3]
	case "transmit":
		it.phase = []string{"thematic", "mobile"}[(i/len(stages))%2]
	}
	name := it.phase
	if name == "" {
		name = "session"
	}
	it.path = fmt.Sprintf("curricula/%s/%s-%04d.md", st, name, i+1)
	it.title = fmt.Sprintf("%s工作坊：%s", stageLabel(st), t.pick(t.v.topics))
	if i%20 == 13 {
		it.aud = team
	}
	g.add(it)
}

// planProject plans project proposal i.
func (g *generator) planProject(i int) {
	t := g.t
	it := &item{kind: kindProject, path: fmt.Sprintf("projects/project-%04d.md", i+1), date: g.randomDay(0), seq: i, stage: "showcase"}
	it.community = t.pick(t.v.communities)
	it.title = trimCommunity(it.community) + t.pick(t.v.topics)
	switch i % 20 {
	case 4, 9, 14, 19:
		it.aud = funders
	case 17:
		it.aud = team
	}
	g.add(it)
}

// planExchange plans exchange material i.
func (g *generator) planExchange(i int) {
	t := g.t
	k := exchangeKinds()[i%4]
	it := &item{kind: kindExchange, path: fmt.Sprintf("exchange/%s/material-%04d.md", k, i+1), date: g.randomDay(0), seq: i, stage: "transmit", phase: k}
	it.title = "交流材料：" + t.zhPhrase()
	switch i % 20 {
	case 6:
		it.aud = team
	case 16:
		it.aud = funders
	}
	g.add(it)
}

// planPlain plans ordinary page i in notes/<year>, news/<year> or resources.
func (g *generator) planPlain(i int) {
	t := g.t
	d := g.randomDay(0)
	it := &item{kind: kindPlain, date: d, seq: i, yaml: t.chance(0.15), draft: i%31 == 5}
	switch r := t.r.IntN(20); {
	case r < 9:
		it.path = fmt.Sprintf("notes/%s/note-%05d.md", d.year(), i+1)
	case r < 17:
		it.path = fmt.Sprintf("news/%s/%s-post-%05d.md", d.year(), d, i+1)
	default:
		it.path = fmt.Sprintf("resources/resource-%05d.md", i+1)
	}
	if t.chance(0.3) {
		it.title = capitalise(t.pick(t.v.enObjects)) + ": notes from " + t.pick(t.v.enSubjects)
	} else {
		it.title = t.zhPhrase() + "：" + t.pick(t.v.zhResults)
	}
	switch i % 20 {
	case 3:
		it.aud = team
	case 13:
		it.aud = funders
	}
	g.add(it)
}

// trimCommunity drops the subdistrict from "和平街道幸福里社区".
func trimCommunity(c string) string {
	if _, after, ok := strings.Cut(c, "街道"); ok {
		return after
	}
	return c
}

// capitalise upper-cases the first ASCII letter of s.
func capitalise(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
