package site

import (
	"fmt"
	"path"
	"strings"
)

// checkOutputPaths reports two published pages, or a page and another
// page's alias, that would write one output file: at the field that gives
// the later one (in content order) its URL, while front matter positions
// are known. The write itself would fail later with the two files' names
// only. The paths found are kept in b.clashes, so that the output stage's
// own refusal of the second write is not reported again.
func (b *builder) checkOutputPaths() {
	type claim struct {
		st  *pageState
		key string
	}
	seen := map[string]claim{}
	add := func(out string, st *pageState, key string) {
		first, ok := seen[out]
		if !ok {
			seen[out] = claim{st, key}
			return
		}
		line, col := st.page.Position(key)
		what := "its URL"
		switch {
		case strings.HasPrefix(key, "aliases"):
			what = "this alias"
		case key == "":
			what = "its file name"
		case key == "pseudonym":
			what = "its pseudonym's URL"
		}
		url := "/" + strings.TrimSuffix(out, "index.html")
		b.errs.Errorf(st.page.File, line, col, "%s, %s, is also %s's: give one of them another slug, url or alias", url, what, first.st.page.File)
		if b.clashes == nil {
			b.clashes = map[string]bool{}
		}
		b.clashes[out] = true
	}
	for _, st := range b.pages {
		p := st.page
		if st.view == nil || p.File == "" {
			continue
		}
		key := st.urlField
		if key == "" {
			key = urlKey(p.URL, p.Slug)
		}
		add(p.OutPath, st, key)
		for i, a := range p.Aliases {
			add(aliasOut(a), st, fmt.Sprintf("aliases[%d]", i))
		}
	}
}

// checkGeneratedPaths reports a page with a file, or an alias of one,
// claiming the URL of a page the build makes itself (a taxonomy or term
// list, the search page, a handbook, showcase or filter page, the 404
// page), at the page's field, while front matter positions are known: the
// write would fail later, unpositioned, and only when no other problem
// stopped the build first.
func (b *builder) checkGeneratedPaths() {
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
	for _, st := range b.pages {
		p := st.page
		if st.view == nil || p.File == "" || st.generated {
			continue
		}
		claims := []struct{ out, key, what string }{{p.OutPath, st.urlField, "its URL"}}
		if claims[0].key == "" {
			claims[0].key = urlKey(p.URL, p.Slug)
		}
		for i, a := range p.Aliases {
			claims = append(claims, struct{ out, key, what string }{aliasOut(a), fmt.Sprintf("aliases[%d]", i), "this alias"})
		}
		for _, c := range claims {
			maker, ok := made[c.out]
			if !ok {
				continue
			}
			line, col := p.Position(c.key)
			b.errs.Errorf(p.File, line, col, "/%s, %s, is %s: give the page another slug, url or alias", strings.TrimSuffix(c.out, "index.html"), c.what, maker)
			if b.clashes == nil {
				b.clashes = map[string]bool{}
			}
			b.clashes[c.out] = true
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
