package site

import (
	"fmt"
	"path"
	"strings"
)

// outputClaim is an output path a page with a file claims: its own, or
// one of its aliases', with the front matter key that gives it and how a
// message names it.
type outputClaim struct {
	out, key, what string
}

// claims returns the output paths st claims, its own first; none for a
// page without a view or a file, or one the build makes.
func (st *pageState) claims() []outputClaim {
	p := st.page
	if st.view == nil || p.File == "" || st.generated {
		return nil
	}
	own := outputClaim{out: p.OutPath, key: st.urlField, what: "its URL"}
	switch {
	case own.key == "pseudonym":
		own.what = "its pseudonym's URL"
	case own.key == "":
		own.key = urlKey(p.URL, p.Slug)
		if own.key == "" {
			own.what = "its file name"
		}
	}
	cs := []outputClaim{own}
	for i, a := range p.Aliases {
		cs = append(cs, outputClaim{out: aliasOut(a), key: fmt.Sprintf("aliases[%d]", i), what: "this alias"})
	}
	return cs
}

// clash reports claim c of st as taken by whom, at c's field, telling
// which page to change, and keeps the path in b.clashes, so that the
// output stage's own refusal of the second write is not reported again.
func (b *builder) clash(st *pageState, c outputClaim, whom, change string) {
	line, col := st.page.Position(c.key)
	b.errs.Errorf(st.page.File, line, col, "/%s, %s, is %s: give %s another slug, url or alias", strings.TrimSuffix(c.out, "index.html"), c.what, whom, change)
	if b.clashes == nil {
		b.clashes = map[string]bool{}
	}
	b.clashes[c.out] = true
}

// checkOutputPaths reports two published pages, or a page and another
// page's alias, that would write one output file: at the field that gives
// the later one (in content order) its URL, while front matter positions
// are known. The write itself would fail later with the two files' names
// only. It returns each path claimed with the page and claim that hold
// it, for checkGeneratedPaths.
func (b *builder) checkOutputPaths() map[string]heldClaim {
	held := map[string]heldClaim{}
	for _, st := range b.pages {
		for _, c := range st.claims() {
			if h, ok := held[c.out]; ok {
				b.clash(st, c, "also "+h.st.page.File+"'s", "one of them")
				continue
			}
			held[c.out] = heldClaim{st, c}
		}
	}
	return held
}

// heldClaim is the page that holds an output path and its claim to it.
type heldClaim struct {
	st *pageState
	c  outputClaim
}

// checkGeneratedPaths reports a page with a file, or an alias of one,
// claiming the URL of a page the build makes itself (a taxonomy or term
// list, the search page, a handbook, showcase or filter page, the 404
// page), at the page's field, while front matter positions are known: the
// write would fail later, unpositioned, and only when no other problem
// stopped the build first. held is what checkOutputPaths returned.
func (b *builder) checkGeneratedPaths(held map[string]heldClaim) {
	made := map[string]string{} // output path → what makes it
	for _, ls := range b.langs {
		for _, st := range ls.pages {
			if st.generated && st.view != nil {
				made[st.page.OutPath] = "the " + st.view.Title + " page the build makes"
			}
		}
		for _, tax := range ls.taxes {
			made[tax.out+"/index.html"] = "the " + tax.out + " list the build makes"
			for _, ts := range tax.terms {
				made[ts.out+"/index.html"] = "a term page the build makes"
			}
		}
		made[langPrefix(b, ls)+"404.html"] = "the 404 page"
	}
	for out, maker := range made {
		if h, ok := held[out]; ok {
			b.clash(h.st, h.c, maker, "the page")
		}
	}
}

// urlKey is the front matter key that sets a page's URL: url, else slug,
// else none (its file name does).
func urlKey(url, slug string) string {
	switch {
	case url != "":
		return "url"
	case slug != "":
		return "slug"
	}
	return ""
}

// aliasOut is the output file of an alias ("/old/" → "old/index.html").
func aliasOut(alias string) string {
	a := strings.TrimPrefix(alias, "/")
	out := a
	if !strings.HasSuffix(a, ".html") {
		out = path.Join(strings.TrimSuffix(a, "/"), "index.html")
	}
	return path.Clean(out)
}
