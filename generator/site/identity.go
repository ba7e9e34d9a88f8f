package site

import (
	"mime"
	"path"
	"strings"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/program"
)

// showsNames reports whether this build may show what a leader's consent
// does not cover: only the team's own build does.
func (b *builder) showsNames() bool { return b.opts.Audience == audience.Team }

// redactLeader applies a leader's consent scope to the leader's own view
// in builds beyond the team: the title becomes the pseudonym when the name
// is not in scope, testimonials go without "quotes", the photo and every
// image of the bundle go without "photo". Params is replaced by a copy, so
// a template reading .Params.title gets the pseudonym too.
func (b *builder) redactLeader(st *pageState) {
	l, ok := st.item.(*program.Leader)
	if !ok || b.showsNames() {
		return
	}
	v := st.view
	params := make(map[string]any, len(v.Params))
	for k, val := range v.Params {
		params[k] = val
	}
	if !l.HasScope(program.ScopeName) {
		v.Title = l.DisplayName(false)
		params["title"] = v.Title
		delete(params, "name")
		delete(params, "real_name")
	}
	if !l.HasScope(program.ScopeQuotes) {
		delete(params, "testimonials")
	}
	if !l.HasScope(program.ScopePhoto) {
		delete(params, "photo")
		kept := v.Resources[:0]
		for _, r := range v.Resources {
			if !isImage(r.Name) {
				kept = append(kept, r)
			}
		}
		v.Resources = kept
	}
	v.Params = params
}

// publishedResource reports whether a bundle file of a page may be copied
// into this build's output.
func (b *builder) publishedResource(st *pageState, name string) bool {
	l, ok := st.item.(*program.Leader)
	if !ok || b.showsNames() || !isImage(name) {
		return true
	}
	return l.HasScope(program.ScopePhoto)
}

func isImage(name string) bool {
	return strings.HasPrefix(mime.TypeByExtension(strings.ToLower(path.Ext(name))), "image/")
}
