package corpus

import "slices"

// leaderPage renders a leader profile bundle's index.md.
func (g *generator) leaderPage(it *item) []byte {
	t, l := g.t, it.leader
	f := newFrontMatter(false)
	f.str("title", l.name)
	if it.seq%2 == 0 {
		f.str("id", l.id)
	}
	f.str("community", l.community)
	f.str("stage", l.stage)
	f.date("joined", l.joined)
	skills := slices.Clone(l.skills)
	if it.marker != "" {
		skills = append(skills, it.marker)
	}
	f.strs("skills", skills)
	g.tags(f, it, t.between(0, 2))
	if !l.inScope("name") && (l.publish || it.seq%2 == 1) {
		f.str("pseudonym", l.pseudonym)
	}
	if l.photo {
		f.str("photo", "photo.png")
	}
	ref(f, it)
	if l.publish || it.seq%4 == 3 {
		f.table("consent")
		f.boolean("publish", l.publish)
		if l.publish {
			f.date("date", l.consentDate)
			f.strs("scope", l.scope)
		}
		if l.hasWithdrawn {
			f.date("withdrawn", l.withdrawn)
		}
	}
	d := l.joined
	for _, st := range stageIDs() {
		f.arrayTable("milestones")
		f.date("date", d)
		f.str("stage", st)
		f.str("note", stageLabel(st)+"："+t.pick(t.v.zhResults))
		if st == l.stage {
			break
		}
		d = g.randomDay(d)
	}
	for i := range t.between(1, 2) {
		f.arrayTable("testimonials")
		q := t.pick(t.v.zhSubjects) + "说，" + t.pick(t.v.zhPhrases) + "，我们" + t.pick(t.v.zhResults) + "。"
		if i == 0 && l.quoteMarker != "" {
			q += " " + l.quoteMarker
		}
		f.str("quote", q)
		f.str("source", t.pick(t.v.workers))
	}

	p := g.newProse(it)
	p.para()
	p.markerLine()
	p.heading(2, "成长经历 My path")
	p.para()
	p.enPara()
	p.heading(2, "擅长 Strengths")
	p.list()
	p.fill(p.bodySize())
	p.related(t.between(1, 3))
	return f.page(p.String())
}
