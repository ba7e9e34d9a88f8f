package site

import (
	"crypto/sha256"
	"encoding/hex"
	"path"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/content"
	"github.com/sineng/sineng/generator/program"
)

// showsNames reports whether this build may show what a leader's consent
// does not cover: only the team's own build does.
func (b *builder) showsNames() bool { return b.opts.Audience == audience.Team }

// hidesPictures reports whether st is a leader's portfolio published
// without photo consent: no picture of the bundle is published (nor any
// file but documents, processImages), its body shows no image
// (markdown.Context.NoImages) and its view says so to the templates
// (render.Page.PicturesHidden). It reads only the decoded item and the
// audience, final before conversion starts, so the early helper may call
// it while the views are being made, and every stage asks it rather than
// keeping the answer.
func (b *builder) hidesPictures(st *pageState) bool {
	l, ok := st.item.(*program.Leader)
	return ok && !b.showsNames() && !l.HasScope(program.ScopePhoto)
}

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
		if st.page.TitleFromHeading() {
			// The name is the page's first heading: the body prints it.
			b.errs.Errorf(st.page.File, 1, 1, "a leader published without name in consent scope needs its title in front matter (title = …): without one the body's first heading is the name, and the %s build prints it", b.opts.Audience)
		}
		v.Title = l.DisplayName(false)
		params["title"] = v.Title
		delete(params, "name")
		delete(params, "real_name")
	}
	if !l.HasScope(program.ScopeQuotes) {
		delete(params, "testimonials")
	}
	if b.hidesPictures(st) {
		delete(params, "photo")
		v.PicturesHidden = true
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

// neutralLeaderURL moves the portfolio of a leader whose name is not in
// consent scope away from the folder name, which teams often make from the
// person's name: beyond the team it is published at
// /leaders/<pseudonym>/, or /leaders/leader-<hash>/ without a pseudonym.
// Links, references and bundle files follow the page, so nothing points at
// the old path. A leader written as one file (leaders/wang-fang.md) moves
// the same way, its file name being the folder name's twin. The page's
// aliases, its old URLs, are not published either: an old URL is the
// folder name again, or the name itself (a warning says so).
func (b *builder) neutralLeaderURL(st *pageState) {
	l, ok := st.item.(*program.Leader)
	if !ok || b.showsNames() || l.HasScope(program.ScopeName) {
		return
	}
	p := st.page
	if len(p.Aliases) > 0 {
		line, col := p.Position("aliases")
		b.errs.Warnf(p.File, line, col, "aliases are not published for a leader without name in consent scope: an old URL may carry the name")
		p.Aliases = nil
	}
	seg := ""
	if l.Pseudonym != "" {
		seg = content.Slugify(l.Pseudonym)
		st.urlField = "pseudonym"
	} else {
		line, col := p.Position("consent.scope")
		b.errs.Warnf(p.File, line, col, "no pseudonym for a leader published without name in consent scope: the portfolio's URL is leader-<hash>, which whoever guesses the folder name can check; give the leader a pseudonym")
	}
	dir := path.Dir(p.OutPath)
	if seg == "" || seg == path.Base(p.Dir) || seg == path.Base(dir) {
		st.urlField = ""
		sum := sha256.Sum256([]byte(b.cfg.BaseURL + "\x00" + l.ID))
		seg = "leader-" + hex.EncodeToString(sum[:5])
	}
	parent := path.Dir(dir)
	out := path.Join(parent, seg, "index.html")
	if parent == "." {
		out = path.Join(seg, "index.html")
	}
	p.OutPath = out
	p.RelPermalink = content.EncodePath("/" + path.Dir(out) + "/")
}
