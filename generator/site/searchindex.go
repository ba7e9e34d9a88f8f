package site

import (
	"bytes"

	"github.com/sineng/sineng/generator/content"
	"github.com/sineng/sineng/generator/render"
	"github.com/sineng/sineng/generator/search"
)

// searchJobs are the search index files of one language, made from the
// published pages of this build only: a page left out of the build is in
// no index of it.
func (b *builder) searchJobs(ls *langSite) []job {
	if !b.cfg.Outputs.Search {
		return nil
	}
	var docs []search.Document
	for _, st := range ls.pages {
		if st.page.Kind != content.KindPage || st.page.File == "" || st.view == nil {
			continue
		}
		v := st.view
		d := search.Document{URL: v.RelPermalink, Title: v.Title, Lang: ls.lang.Code, Section: parentTitle(v), Text: string(st.md.Text)}
		for _, t := range v.Tags {
			d.Tags = append(d.Tags, t.Name)
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		return nil
	}
	dir := langPrefix(b, ls) + "search/" + ls.lang.Code + "/"
	from := "search index (" + ls.lang.Code + ")"
	// One job builds the index and writes every file of it: the shard names
	// are known only once it is built.
	return []job{{out: dir + "meta.json", from: from, make: func(buf *bytes.Buffer) error {
		files, err := search.Build(docs, search.Options{})
		if err != nil {
			return err
		}
		for _, f := range files[1:] {
			b.scanLeaks(dir+f.Path, from, f.Data)
			if err := b.stage.WriteFile(dir+f.Path, f.Data, from); err != nil {
				return err
			}
		}
		buf.Write(files[0].Data)
		return nil
	}}}
}

func parentTitle(v *render.Page) string {
	if v.Parent != nil && v.Parent.Kind != "home" {
		return v.Parent.Title
	}
	return ""
}

// searchPage makes the search page of a language at /search/ (its
// template is search/single.html) and tells every page where it is.
func (b *builder) searchPage(ls *langSite) {
	if !b.cfg.Outputs.Search || ls.home == nil {
		return
	}
	for _, st := range ls.pages {
		if st.page.Kind == content.KindPage && st.page.File != "" {
			sp := b.generated(ls, ls.home, "search", content.KindPage, "search", "", ls.site.T("search"))
			ls.site.SearchURL = sp.view.RelPermalink
			ls.site.SearchIndex = b.relURL(langPrefix(b, ls) + "search/" + ls.lang.Code + "/")
			return
		}
	}
}
