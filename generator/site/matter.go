package site

// dropMatter lets go of the pages' decoded front matter once the stages
// that check it are over. The key positions serve the checks before
// conversion only (field types, audience, program references). The values
// are in the pages' fields and program items by then; templates reach them
// only through a view's .Params (and .Param). When no template file of the
// build names those, nor jsonify, which would encode every field of a view,
// the maps go too, the pages' and the views' alike: no template can tell.
// The built-in theme names none (its lead paragraph reads .Lead); a site's
// own templates that do keep every map, as before.
//
// Front-matter maps are some twenty small objects a page, which the
// collector marks on every cycle: letting them go made a 10k-page build
// ≈4% faster (20 rounds of interleaved builds, paired by round: −4.2% wall,
// −3.9% CPU), and adding 30 MB of such objects to a build costs ≈4.5%. A
// first version let the views decode the file again when a template asked
// for .Params: −2.3%, for a loader and a second way for front matter to
// reach a template; knowing that none can is simpler and safer.
func (b *builder) dropMatter() {
	for _, p := range b.tree.Pages {
		p.Matter.Pos = nil
	}
	if b.layout == nil || b.layout.Mentions("Params", "Param", "jsonify") {
		return
	}
	for _, p := range b.tree.Pages {
		p.Matter.Data = nil
	}
	for _, st := range b.pages {
		if st.view != nil {
			st.view.Params = nil
		}
	}
}
