package site

import (
	"fmt"
	"io"

	"github.com/sineng/sineng/generator/diag"

	"github.com/sineng/sineng/generator/content"
	"github.com/sineng/sineng/generator/render"
	"github.com/sineng/sineng/generator/search"
)

// prepareSearch numbers the pages each language's search index will hold
// and opens its builder, before conversion: each page's text goes into the
// index as soon as it is converted (addToSearch), so no build holds every
// page's text. Only the published pages of this build are numbered: a page
// left out of the build is in no index of it.
func (b *builder) prepareSearch() error {
	if !b.cfg.Outputs.Search {
		return nil
	}
	b.search = map[string]*searchState{}
	for _, ls := range b.langs {
		ss := &searchState{}
		for _, st := range ls.pages {
			st.searchDoc = 0
			if st.page.Kind == content.KindPage && st.page.File != "" && st.view != nil {
				ss.docs++
				st.searchDoc = int32(ss.docs)
			}
		}
		if ss.docs == 0 {
			continue
		}
		sb, err := search.NewBuilder(ss.docs, search.Options{})
		if err != nil {
			return fmt.Errorf("search index (%s): %w", ls.lang.Code, err)
		}
		ss.builder = sb
		ss.dir = searchDir(b, ls)
		ss.from = "search index (" + ls.lang.Code + ")"
		b.search[ls.lang.Code] = ss
	}
	return nil
}

// addToSearch gives a converted page to its language's index builder and
// drops its text. It is safe to call from the conversion workers.
func (b *builder) addToSearch(st *pageState) {
	ss := b.search[st.page.Lang]
	if ss == nil || ss.builder == nil {
		return
	}
	if i, ok := st.searchID(); ok {
		if err := ss.builder.Add(i, searchDocument(st.lang, st)); err != nil {
			b.errs.Add(&diag.Error{File: st.page.File, Err: err})
		}
		st.text = ""
	}
}

// searchJobs are the search index files of one language: one job builds
// the index and writes every file of it, as the shard names are known only
// once it is built. Each shard is scanned and staged as soon as it is
// written, so the index's files are never all in memory at once; meta.json,
// which comes last, is the job's own output.
func (b *builder) searchJobs(ls *langSite) []job {
	ss := b.search[ls.lang.Code]
	if ss == nil || ss.builder == nil {
		return nil
	}
	dir, from := ss.dir, ss.from
	// meta.json is the job's own output; every other file is staged.
	emit := func(buf io.Writer, f search.File) error {
		if f.Path == search.MetaFile {
			_, err := buf.Write(f.Data)
			return err
		}
		b.scanLeaks(dir+f.Path, from, f.Data)
		return b.stage.WriteFile(dir+f.Path, f.Data, from)
	}
	return []job{{out: dir + search.MetaFile, from: from, search: true, make: func(buf io.Writer) error {
		if !b.keep {
			err := ss.builder.WriteFiles(func(f search.File) error { return emit(buf, f) })
			ss.builder = nil
			return err
		}
		// A Session keeps the index to replace edited pages in it.
		idx, err := ss.builder.Index()
		if err != nil {
			return err
		}
		ss.index, ss.builder = idx, nil
		for _, f := range idx.Files() {
			if err := emit(buf, f); err != nil {
				return err
			}
		}
		return nil
	}}}
}

// searchDir is the output folder of a language's search index.
func searchDir(b *builder, ls *langSite) string {
	return langPrefix(b, ls) + "search/" + ls.lang.Code + "/"
}

// searchState is one language's search index as a Session keeps it.
type searchState struct {
	builder *search.Builder // until the index is built
	docs    int             // pages in the index; each page's id is in the page (searchID)
	dir     string          // output folder of the index, "search/zh/"
	from    string          // source named in errors
	index   *search.Index   // a Session's index, edited in place
}

// searchID returns st's document id in its language's search index and
// whether the index holds st: ids are numbered in the page itself, not
// looked up in a map as large as the site, once per converted page.
func (st *pageState) searchID() (int, bool) {
	return int(st.searchDoc) - 1, st.searchDoc > 0
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
			ls.site.SearchIndex = b.relURL(searchDir(b, ls))
			return
		}
	}
}
