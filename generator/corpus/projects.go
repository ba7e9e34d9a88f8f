package corpus

import "strings"

// budgetLine is one planned budget line, amounts in fen.
type budgetLine struct {
	item, category, source string
	quantity, unitCost     int
	writeTotal             bool
}

// projectPage renders a project proposal whose budget adds up:
// funding.requested is the sum of the requested lines (or of all lines when
// no line names a source) and every written total is quantity x unit_cost.
func (g *generator) projectPage(it *item) []byte {
	t := g.t
	statuses := []string{"drafting", "submitted", "funded", "delivering", "delivering", "completed", "completed", "declined"}
	status := statuses[t.r.IntN(len(statuses))]
	schemes := []string{"public-welfare-venture", "micro-venture", "micro-venture", "other"}
	leaders := g.pickLeaders(t.between(1, 3))

	lines := g.budget(it.seq%5 == 0)
	requested, self := 0, 0
	for _, l := range lines {
		switch l.source {
		case "requested", "":
			requested += l.quantity * l.unitCost
		case "self":
			self += l.quantity * l.unitCost
		}
	}

	f := newFrontMatter(false)
	f.str("title", it.title)
	f.date("date", it.date)
	f.str("stage", "showcase")
	f.str("status", status)
	f.str("community", it.community)
	f.num("beneficiaries", t.between(20, 800))
	f.strs("leaders", ids(leaders))
	audienceField(f, it)
	g.tags(f, it, t.between(1, 3))
	ref(f, it)

	f.table("funding")
	f.str("scheme", schemes[t.r.IntN(len(schemes))])
	f.str("funder", t.pick(t.v.funders))
	f.money("requested", requested)
	switch status {
	case "funded", "delivering", "completed":
		awarded := requested
		if t.chance(0.3) {
			awarded = requested / 10000 * 9000 // 90 %, in whole yuan
		}
		f.money("awarded", awarded)
	}
	if self > 0 {
		f.money("matched", self)
	}
	f.str("currency", "CNY")

	f.table("period")
	f.date("start", it.date)
	f.date("end", it.date+day(t.between(90, 365)))

	for _, l := range lines {
		f.arrayTable("budget")
		f.str("item", l.item)
		f.str("category", l.category)
		f.num("quantity", l.quantity)
		f.money("unit_cost", l.unitCost)
		if l.writeTotal {
			f.money("total", l.quantity*l.unitCost)
		}
		if l.source != "" {
			f.str("source", l.source)
		}
	}
	reporting := status == "delivering" || status == "completed"
	for _, ind := range t.pickN(t.v.indicators, t.between(2, 3)) {
		base := t.between(0, 40)
		target := base + t.between(10, 60)
		f.arrayTable("outcomes")
		f.str("indicator", ind)
		f.num("baseline", base)
		f.num("target", target)
		if reporting {
			f.num("actual", base+t.between(0, target-base+10))
		}
	}

	p := g.newProse(it)
	p.para()
	p.markerLine()
	p.heading(2, "问题 Problem")
	p.para()
	p.heading(2, "需求评估 Needs assessment")
	p.para()
	p.table()
	p.heading(2, "目标 Goals")
	p.list()
	p.heading(2, "活动 Activities")
	p.para()
	if t.chance(0.3) {
		p.code()
	}
	p.heading(2, "团队 Team")
	p.mentions(leaders)
	p.heading(2, "可持续性 Sustainability")
	p.para()
	p.enPara()
	p.fill(p.bodySize())
	p.related(t.between(0, 2))
	return f.page(p.String())
}

// budget plans 3–7 budget lines. Without sources no line names one;
// otherwise the first line is always requested.
func (g *generator) budget(noSources bool) []budgetLine {
	t := g.t
	sources := []string{"requested", "requested", "requested", "self", "in-kind", "partner"}
	items := t.pickN(t.v.budgetItems, t.between(3, 7))
	lines := make([]budgetLine, len(items))
	for i, entry := range items {
		name, category, _ := strings.Cut(entry, ":")
		cost := t.between(1, 60) * 1000 // 10–600 yuan in steps of 10
		if t.chance(0.15) {
			cost += 50 // a half yuan
		}
		lines[i] = budgetLine{
			item:       name,
			category:   category,
			quantity:   t.between(1, 30),
			unitCost:   cost,
			writeTotal: t.chance(0.6),
		}
		switch {
		case noSources:
		case i == 0:
			lines[i].source = "requested"
		default:
			lines[i].source = sources[t.r.IntN(len(sources))]
		}
	}
	return lines
}
