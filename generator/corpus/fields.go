package corpus

// tags writes n tags from the fixed list, plus the item's marker.
func (g *generator) tags(f *frontMatter, it *item, n int) {
	tags := g.t.pickN(g.t.v.tags, n)
	if it.marker != "" {
		tags = append(tags, it.marker)
	}
	if len(tags) > 0 {
		f.strs("tags", tags)
	}
}

// ref writes internal_ref, the front-matter param that carries the marker.
func ref(f *frontMatter, it *item) {
	if it.marker != "" {
		f.str("internal_ref", it.marker)
	}
}

// pickLeaders returns up to n distinct leaders, in leader order.
func (g *generator) pickLeaders(n int) []*leader { return pickN(g.t, g.leaders, n) }

// ids returns the ids of ls.
func ids(ls []*leader) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.id
	}
	return out
}

// leaderMention returns how a page visible to a names l: a link to the
// profile when the page may link there, otherwise the pseudonym or "a
// community leader", never the name.
func leaderMention(from *item, l *leader) string {
	if l.audience() <= from.aud {
		return "[" + l.shownName(from.aud) + "](" + relLink(from.path, "leaders/"+l.id+"/index.md") + ")"
	}
	return "一位社区领袖（a community leader）"
}

// audienceField writes audience when it is not public, and now and then an
// explicit "public" too.
func audienceField(f *frontMatter, it *item) {
	if it.aud != public || it.seq%7 == 0 {
		f.str("audience", it.aud.String())
	}
}
