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
	ss := &searchState{pos: map[*pageState]int{}}
	for _, st := range ls.pages {
		if st.page.Kind != content.KindPage || st.page.File == "" || st.view == nil {
			continue
		}
		ss.pos[st] = len(ss.docs)
		ss.docs = append(ss.docs, searchDocument(ls, st))
	}
	if len(ss.docs) == 0 {
		return nil
	}
	dir := langPrefix(b, ls) + "search/" + ls.lang.Code + "/"
	from := "search index (" + ls.lang.Code + ")"
	ss.dir, ss.from = dir, from
	if b.search == nil {
		b.search = map[string]*searchState{}
	}
	b.search[ls.lang.Code] = ss
	// One job builds the index and writes every file of it: the shard names
	// are known only once it is built.
	return []job{{out: dir + "meta.json", from: from, search: true, make: func(buf *bytes.Buffer) error {
		var files []search.File
		if b.keep {
			// A Session keeps the index to replace edited pages in it.
			idx, err := search.NewIndex(ss.docs, search.Options{})
			if err != nil {
				return err
			}
			ss.index, files = idx, idx.Files()
		} else {
			var err error
			if files, err = search.Build(ss.docs, search.Options{}); err != nil {
				return err
			}
		}
		ss.docs = nil // the index holds what it needs of the texts
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

// searchState is one language's search index as a Session keeps it.
type searchState struct {
	docs  []search.Document  // until the index is built
	pos   map[*pageState]int // each indexed page's document id
	dir   string             // output folder of the index, "search/zh/"
	from  string             // source named in errors
	index *search.Index      // a Session's index, edited in place
}

// searchDocument is a published page as the search index sees it.
func searchDocument(ls *langSite, st *pageState) search.Document {
	v := st.view
	d := search.Document{URL: v.RelPermalink, Title: v.Title, Lang: ls.lang.Code, Section: parentTitle(v), Text: st.text}
	for _, t := range v.Tags {
		d.Tags = append(d.Tags, t.Name)
	}
	return d
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
