package corpus

import (
	"fmt"
	"strconv"
)

// sessionPage renders a session plan whose activities fit its duration.
func (g *generator) sessionPage(it *item) []byte {
	t := g.t
	minutes := []int{60, 90, 120, 150, 180}[t.r.IntN(5)]
	duration := strconv.Itoa(minutes) + "m"
	if minutes%60 == 0 && it.seq%2 == 0 {
		duration = strconv.Itoa(minutes/60) + "h"
	}
	f := newFrontMatter(false)
	f.str("title", it.title)
	f.date("date", it.date)
	f.str("stage", it.stage)
	if it.phase != "" {
		f.str("phase", it.phase)
	}
	f.str("duration", duration)
	audienceField(f, it)
	g.tags(f, it, t.between(1, 3))
	ref(f, it)
	objectives := make([]string, t.between(2, 3))
	for i := range objectives {
		objectives[i] = t.pick(t.v.zhSubjects) + "能够" + t.pick(t.v.zhVerbs) + t.pick(t.v.zhObjects)
	}
	f.strs("objectives", objectives)
	f.strs("materials", t.pickN(t.v.materials, t.between(2, 4)))
	f.strs("attendees", ids(g.pickLeaders(t.between(3, 12))))
	f.strs("facilitators", t.pickN(t.v.workers, t.between(1, 2)))
	names := t.pickN(t.v.activities, t.between(3, 5))
	parts := splitMinutes(t, minutes-5*t.between(0, 3), len(names))
	methods := make([]string, len(names))
	for i, name := range names {
		methods[i] = t.pick(t.v.methods)
		f.arrayTable("activities")
		f.str("name", name)
		f.num("minutes", parts[i])
		f.str("method", methods[i])
	}

	p := g.newProse(it)
	p.para()
	p.markerLine()
	p.heading(2, "目标 Objectives")
	for _, o := range objectives {
		p.b.WriteString("- " + o + "\n")
	}
	p.b.WriteString("\n")
	p.heading(2, "流程 Agenda")
	p.b.WriteString("| 环节 | 分钟 | 方法 |\n|---|---:|---|\n")
	for i, name := range names {
		fmt.Fprintf(&p.b, "| %s | %d | %s |\n", name, parts[i], methods[i])
	}
	p.b.WriteString("\n")
	p.heading(2, "带领者提示 Facilitator notes")
	p.para()
	p.enPara()
	p.fill(p.bodySize())
	p.related(t.between(1, 3))
	return f.page(p.String())
}

// splitMinutes splits total minutes into n positive multiples of five that
// sum to at most total.
func splitMinutes(t text, total, n int) []int {
	units := total / 5
	parts := make([]int, n)
	for i := range parts {
		parts[i] = 5
	}
	for range units - n {
		parts[t.r.IntN(n)] += 5
	}
	return parts
}
