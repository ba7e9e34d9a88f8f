package corpus

import "strings"

// sectionPage renders a section's _index.md: a short introduction. A
// section of case notes names its audience, as a site must for its case
// stories to leave the team build: the intro stands for no one, and the
// notes inside keep their own consent rules.
func (g *generator) sectionPage(it *item) []byte {
	t := g.t
	f := newFrontMatter(false)
	f.str("title", it.title)
	if it.section == "cases" || strings.HasPrefix(it.section, "cases/") {
		f.str("audience", "public")
	}
	if it.stage != "" {
		f.str("stage", it.stage)
	}
	p := g.newProse(it)
	p.para()
	if it.path == "_index.md" {
		p.enPara()
		p.related(t.between(3, 5))
	}
	return f.page(p.String())
}

// plainPage renders an ordinary dated page, in TOML or YAML front matter.
func (g *generator) plainPage(it *item) []byte {
	t := g.t
	f := newFrontMatter(it.yaml)
	f.str("title", it.title)
	f.date("date", it.date)
	if t.chance(0.2) {
		f.date("lastmod", g.randomDay(it.date))
	}
	if it.draft {
		f.boolean("draft", true)
	}
	audienceField(f, it)
	g.tags(f, it, t.between(0, 3))
	if t.chance(0.2) {
		f.str("summary", t.zhPhrase()+"，"+t.pick(t.v.zhResults)+"。")
	}
	if t.chance(0.1) {
		f.num("weight", t.between(1, 50))
	}
	ref(f, it)

	p := g.newProse(it)
	p.para()
	p.markerLine()
	if t.chance(0.5) {
		p.enPara()
	}
	p.fill(p.bodySize())
	p.related(t.between(0, 3))
	return f.page(p.String())
}
