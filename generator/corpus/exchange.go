package corpus

// exchangePage renders a peer-learning material of the transmit stage.
func (g *generator) exchangePage(it *item) []byte {
	t := g.t
	topic := t.pick(exchangeTopics())
	leaders := g.pickLeaders(t.between(1, 3))
	f := newFrontMatter(false)
	f.str("title", it.title)
	f.date("date", it.date)
	f.str("stage", "transmit")
	f.str("kind", it.phase)
	f.str("topic", topic)
	f.strs("leaders", ids(leaders))
	audienceField(f, it)
	g.tags(f, it, t.between(1, 3))
	ref(f, it)

	p := g.newProse(it)
	p.para()
	p.markerLine()
	p.heading(2, "分享者 Who shared")
	p.mentions(leaders)
	p.heading(2, "要点 Key points")
	p.list()
	p.enPara()
	p.fill(p.bodySize())
	p.related(t.between(1, 3))
	return f.page(p.String())
}
