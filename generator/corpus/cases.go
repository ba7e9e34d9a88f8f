package corpus

// casePage renders a case note: confidential notes fail closed whatever
// their audience field says; stories carry consent and a disguise review.
func (g *generator) casePage(it *item) []byte {
	t := g.t
	f := newFrontMatter(false)
	f.str("title", it.title)
	f.date("date", it.date)
	story := it.phase == "story"
	if ls := g.pickLeaders(1); len(ls) == 1 && !story { // a de-identified story names no one
		f.str("leader", ls[0].id)
	}
	f.str("stage", it.stage)
	steps := 3
	if it.stage == "showcase" {
		steps = 4
	}
	f.num("step", t.between(1, steps))
	worker := t.pick(t.v.workers)
	f.str("worker", worker)
	g.tags(f, it, t.between(0, 2))
	switch {
	case story && it.aud == public:
		f.str("audience", "public")
	case !story && it.seq%4 == 1:
		f.str("audience", "public") // ignored: no consent, so the case stays with the team
	case !story && it.seq%4 == 3:
		f.str("audience", "team")
	}
	ref(f, it)
	if story {
		f.table("consent")
		f.boolean("publish", true)
		f.date("date", it.date)
		f.table("disguise")
		f.str("reviewed_by", "督导 陈老师")
	}

	p := g.newProse(it)
	if story {
		p.b.WriteString("> 本文已做去识别化处理，人物与细节均经过改写。This story has been de-identified.\n\n")
	}
	p.para()
	p.markerLine()
	p.heading(2, "基本情况 Situation")
	p.para()
	p.heading(2, "评估 Assessment")
	p.list()
	p.heading(2, "介入过程 Intervention")
	p.para()
	p.fill(p.bodySize())
	p.related(t.between(0, 2))
	return f.page(p.String())
}
