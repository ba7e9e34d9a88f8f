package site

import (
	"cmp"
	"context"
	"maps"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/config"
	"github.com/sineng/sineng/generator/content"
	"github.com/sineng/sineng/generator/render"
)

// langSite is one language of the build: its site-wide view and its pages.
type langSite struct {
	lang    config.Language
	site    *render.Site
	home    *pageState
	pages   []*pageState // published pages of the language, tree order
	regular []*pageState // published regular pages, newest first
	taxes   []*taxonomyState
	program *programSite // nil when the language has no program content
}

// taxonomyState is one taxonomy of one language with its terms.
type taxonomyState struct {
	view  *render.Taxonomy
	page  *render.Page // the taxonomy's list page (/tags/)
	terms []*termState // sorted by name
	out   string       // output folder, "tags"
}

type termState struct {
	view  *render.Term
	page  *render.Page
	pages []*pageState
	out   string // output folder, "tags/社区"
}

// dropHomeless leaves out of the build every language whose home page it
// leaves out (a site whose [audience] default is narrower than the build,
// say): every page of the language sits below its home and is left out
// with it, and its taxonomy, search, feed and 404 pages would link a home
// that is not there. A warning names the language and why.
func (b *builder) dropHomeless() {
	kept := b.langs[:0]
	for _, ls := range b.langs {
		if ls.home != nil {
			kept = append(kept, ls)
			continue
		}
		why := "it has none"
		for _, p := range b.tree.Pages {
			if p.Kind == content.KindHome && p.Lang == ls.lang.Code {
				if r := b.excluded[p]; r != "" {
					why = r
				}
				break
			}
		}
		b.errs.Warnf("", 0, 0, "nothing of language %q is published in the %s build: its home page is left out (%s)", ls.lang.Code, b.opts.Audience, why)
	}
	b.langs = kept
}

// generator names the tool in pages' generator meta.
const generator = "sineng"

// assemble links the published pages into per-language sites: views,
// sections, navigation, taxonomies. It runs once, on one goroutine.
func (b *builder) assemble(context.Context) error {
	styles := b.assets()
	b.copyStatic()
	byLang := map[string]*langSite{}
	data := b.loadData()
	for _, l := range b.cfg.Languages() {
		ls := &langSite{lang: l}
		title := l.Title
		if title == "" {
			title = b.cfg.Title
		}
		ls.site = &render.Site{
			Title:        title,
			BaseURL:      b.cfg.BaseURL,
			LanguageCode: langCode(l),
			Lang:         l.Code,
			Copyright:    cmp.Or(paramString(l.Params, "copyright"), b.cfg.Copyright),
			Description:  cmp.Or(paramString(l.Params, "description"), paramString(b.cfg.Params, "description")),
			Params:       mergeParams(b.cfg.Params, l.Params),
			Audience:     b.opts.Audience.String(),
			NoIndex:      b.opts.Audience == audience.Team,
			Generator:    generator,
			Styles:       styles,
			Strings:      b.loadStrings(l.Code, langCode(l)),
			Data:         data,
		}
		byLang[l.Code] = ls
		b.langs = append(b.langs, ls)
	}
	b.startHelper(byLang)
	// Views first, then links between them.
	for _, st := range b.pages {
		ls := byLang[st.page.Lang]
		if ls == nil {
			continue
		}
		st.lang = ls
		b.neutralLeaderURL(st)
		st.view = b.newView(st, ls.site)
		b.redactLeader(st)
		ls.pages = append(ls.pages, st)
		if st.page.Kind == content.KindHome {
			ls.home = st
			ls.site.Home = st.view
		}
	}
	b.dropHomeless()
	for _, st := range b.pages {
		if st.lang == nil || st.page.Parent == nil {
			continue
		}
		parent := b.byPage[st.page.Parent]
		if st.page.Kind == content.KindSection {
			parent.subs = append(parent.subs, st)
		} else {
			parent.children = append(parent.children, st)
		}
	}
	b.pruneEmptySections()
	// Every published page with a file has its final URL now.
	held := b.checkOutputPaths()
	b.linkURLs = b.publishedFileURLs()
	b.bundles = newBundleIndex(b.tree.Pages)
	b.continueHelper()
	b.processImages()
	for _, ls := range b.langs {
		b.assembleLang(ls)
		b.assembleProgram(ls)
		b.searchPage(ls)
	}
	b.checkGeneratedPaths(held)
	b.linkTranslations()
	return nil
}

// pruneEmptySections drops made-up sections (a folder with no _index.md)
// that hold no published page, deepest first, so that a public build has
// no empty /cases/ list hinting at what was left out.
func (b *builder) pruneEmptySections() {
	for changed := true; changed; {
		changed = false
		kept := b.pages[:0]
		for _, st := range b.pages {
			p := st.page
			if p.Kind == content.KindSection && p.File == "" && len(st.children) == 0 && len(st.subs) == 0 {
				if parent := b.byPage[p.Parent]; parent != nil {
					parent.subs = slices.DeleteFunc(parent.subs, func(s *pageState) bool { return s == st })
				}
				delete(b.byPage, p)
				changed = true
				continue
			}
			kept = append(kept, st)
		}
		b.pages = kept
	}
	for _, ls := range b.langs {
		kept := ls.pages[:0]
		for _, st := range ls.pages {
			if b.byPage[st.page] != nil {
				kept = append(kept, st)
			}
		}
		ls.pages = kept
	}
}

// newView makes a page's view with the fields known before rendering.
func (b *builder) newView(st *pageState, site *render.Site) *render.Page {
	p := st.page
	kind := string(p.Kind)
	v := &render.Page{
		Kind:         kind,
		Type:         p.Type,
		Section:      p.Section,
		Layout:       p.Layout,
		File:         p.File,
		Title:        p.Title,
		Description:  p.Description,
		Lang:         site.LanguageCode,
		Date:         p.Date,
		Lastmod:      p.Lastmod,
		Draft:        p.Draft,
		Weight:       p.Weight,
		Lead:         cmp.Or(p.Description, p.Summary),
		Params:       p.Matter.Data,
		RelPermalink: b.relURL(p.RelPermalink),
		Permalink:    b.absURL(p.RelPermalink),
		Site:         site,
	}
	if p.Kind == content.KindHome && v.Title == "" {
		v.Title = site.Title
	}
	v.Aliases = append(v.Aliases, p.Aliases...)
	if len(p.Terms) > 0 {
		v.Terms = b.termLinks(p.Lang, p.Terms)
		v.Tags = v.Terms["tags"]
	}
	if p.Bundle {
		dir := path.Dir(p.OutPath)
		for _, r := range p.Resources {
			name := strings.TrimPrefix(r, p.Dir+"/")
			v.Resources = append(v.Resources, render.Resource{
				Name:         name,
				RelPermalink: b.relURL(content.EncodePath("/" + dir + "/" + name)),
				MediaType:    mediaType(name),
			})
		}
	}
	return v
}

// assembleLang fills the site-wide view of one language.
func (b *builder) assembleLang(ls *langSite) {
	for _, st := range ls.pages {
		if st.page.Kind == content.KindPage {
			ls.regular = append(ls.regular, st)
		}
	}
	sortNewest(ls.regular)
	ls.site.RegularPages = views(ls.regular)
	for _, st := range ls.pages {
		if st.page.Kind == content.KindPage {
			continue
		}
		sortPages(st.children)
		sortPages(st.subs)
		list := append(append([]*pageState{}, st.subs...), st.children...)
		st.view.Pages = views(list)
		for i, c := range st.children {
			if i > 0 {
				c.view.Prev = st.children[i-1].view
			}
			if i+1 < len(st.children) {
				c.view.Next = st.children[i+1].view
			}
		}
	}
	chains := map[*content.Page][]*render.Page{}
	for _, st := range ls.pages {
		if chain := b.ancestry(st.page.Parent, chains); len(chain) > 0 {
			st.view.Parent = chain[len(chain)-1]
			st.view.Ancestors = chain
		}
	}
	if ls.home != nil {
		ls.site.Sections = views(ls.home.subs)
	}
	ls.site.Menu = b.menu(ls)
	if b.cfg.Outputs.RSS {
		ls.site.RSSURL = b.relURL(langPrefix(b, ls) + "index.xml")
	}
	b.assembleTaxonomies(ls)
}

func views(list []*pageState) []*render.Page {
	out := make([]*render.Page, len(list))
	for i, st := range list {
		out[i] = st.view
	}
	return out
}

// menu is the configured main menu, else the top-level sections.
func (b *builder) menu(ls *langSite) []render.MenuEntry {
	var out []render.MenuEntry
	for _, m := range b.cfg.Menu("main") {
		u := m.URL
		if !strings.Contains(u, "://") {
			u = b.relURL(langPrefix(b, ls) + strings.TrimPrefix(u, "/"))
		}
		name := m.Name
		if m.Identifier != "" {
			if v, ok := ls.site.Strings["menu_"+m.Identifier]; ok {
				name = v // the entry's name in this language, from i18n/<lang>.toml
			}
		}
		out = append(out, render.MenuEntry{Name: name, URL: u, Weight: m.Weight})
	}
	if len(out) == 0 {
		for _, s := range ls.site.Sections {
			out = append(out, render.MenuEntry{Name: s.Title, URL: s.RelPermalink, Weight: s.Weight})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Weight < out[j].Weight })
	return out
}

// langPrefix is the URL folder of a language ("" or "en/").
func langPrefix(b *builder, ls *langSite) string { return b.langFolder(ls.lang.Code) }

// langFolder is the URL folder of the language with the given code: ""
// for the default language at the root, else "<code>/".
func (b *builder) langFolder(code string) string {
	if code == b.cfg.DefaultLanguage && !b.cfg.DefaultLanguageInSubdir {
		return ""
	}
	return code + "/"
}

// assembleTaxonomies builds the taxonomy and term views of one language
// from its published regular pages only.
func (b *builder) assembleTaxonomies(ls *langSite) {
	for _, tax := range b.cfg.TaxonomyNames() {
		byTerm := map[string]*termState{}
		for _, st := range ls.regular { // newest first
			for _, t := range st.page.Terms[tax.Plural] {
				ts := byTerm[t]
				if ts == nil {
					ts = &termState{view: &render.Term{Name: t, URL: b.termURL(ls.lang.Code, tax.Plural, t)}}
					byTerm[t] = ts
				}
				ts.pages = append(ts.pages, st)
			}
		}
		prefix := langPrefix(b, ls)
		tv := &render.Taxonomy{Singular: tax.Singular, Plural: tax.Plural, URL: b.relURL(content.EncodePath("/" + prefix + tax.Plural + "/"))}
		state := &taxonomyState{view: tv, out: prefix + tax.Plural}
		names := make([]string, 0, len(byTerm))
		for n := range byTerm {
			names = append(names, n)
		}
		sort.Strings(names)
		title := ls.site.T(tax.Plural)
		for _, n := range names {
			ts := byTerm[n]
			if slug := content.Slugify(n); slug == "" || slug == "." || slug == ".." {
				// No folder can hold its page: a problem of the
				// pages that give the term, at their field.
				for _, st := range ts.pages {
					line, col := st.page.Position(tax.Plural)
					b.errs.Errorf(st.page.File, line, col, "%s term %q has no name a URL can use: write it with a letter or digit", tax.Singular, n)
				}
				continue
			}
			ts.view.Count = len(ts.pages)
			ts.view.Pages = views(ts.pages)
			ts.out = prefix + tax.Plural + "/" + content.Slugify(n)
			ts.page = &render.Page{
				Kind: "term", Type: tax.Plural, Section: tax.Plural, Title: n, Lang: ls.site.LanguageCode,
				RelPermalink: ts.view.URL, Permalink: b.absFromRel(ts.view.URL), Pages: ts.view.Pages, Site: ls.site,
			}
			tv.Terms = append(tv.Terms, ts.view)
			state.terms = append(state.terms, ts)
		}
		state.page = &render.Page{
			Kind: "taxonomy", Type: tax.Plural, Section: tax.Plural, Title: title, Lang: ls.site.LanguageCode,
			RelPermalink: tv.URL, Permalink: b.absFromRel(tv.URL), Site: ls.site,
		}
		for _, ts := range state.terms {
			ts.page.Parent = state.page
			ts.page.Ancestors = []*render.Page{ls.site.Home, state.page}
		}
		state.page.Ancestors = []*render.Page{ls.site.Home}
		state.page.Parent = ls.site.Home
		ls.site.Taxonomies = append(ls.site.Taxonomies, tv)
		ls.taxes = append(ls.taxes, state)
	}
}

// termURL is the relative URL of a taxonomy term's page.
// Each term's URL is made once: every page naming the term shares it.
func (b *builder) termURL(lang, plural, term string) string {
	k := [3]string{lang, plural, term}
	if u, ok := b.termURLs[k]; ok {
		return u
	}
	u := b.relURL(content.EncodePath("/" + b.langFolder(lang) + plural + "/" + content.Slugify(term) + "/"))
	if b.termURLs == nil {
		b.termURLs = map[[3]string]string{}
	}
	b.termURLs[k] = u
	return u
}

// linkTranslations links each page to the same page in other languages.
func (b *builder) linkTranslations() {
	if len(b.langs) < 2 {
		return
	}
	byKey := map[string][]*pageState{}
	for _, st := range b.pages {
		if st.lang != nil {
			byKey[st.page.TranslationKey] = append(byKey[st.page.TranslationKey], st)
		}
	}
	for _, st := range b.pages {
		if st.lang == nil {
			continue
		}
		for _, o := range byKey[st.page.TranslationKey] {
			if o != st && o.lang != st.lang {
				st.view.Translations = append(st.view.Translations, render.Link{Name: o.lang.lang.Name, URL: o.view.RelPermalink, Lang: o.lang.site.LanguageCode})
			}
		}
	}
}

// basePath is the URL path of the site's base URL, "/" or "/sub/",
// worked out once per build.
func basePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return strings.TrimSuffix(u.EscapedPath(), "/") + "/"
}

// relURL turns a site-rooted path ("/projects/x/" or "css/a.css") into the
// URL to write in pages, under the base URL's path.
func (b *builder) relURL(p string) string {
	if b.base == "/" && strings.HasPrefix(p, "/") {
		return p // already rooted at the base: no copy
	}
	return b.base + strings.TrimPrefix(p, "/")
}

// absURL turns a site-rooted path into an absolute URL under the base URL.
func (b *builder) absURL(p string) string { return b.cfg.AbsURL(p) }

// absFromRel turns a URL made by relURL into an absolute one.
func (b *builder) absFromRel(rel string) string {
	return b.absURL(strings.TrimPrefix(rel, b.base))
}

// langCode is a language's BCP 47 tag for lang attributes.
func langCode(l config.Language) string {
	if l.LanguageCode != "" {
		return l.LanguageCode
	}
	return l.Code
}

func paramString(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

// mergeParams is the site's params overridden key by key by a language's
// [languages.X.params]; the site's map is returned as is when the language
// has none.
func mergeParams(site, lang map[string]any) map[string]any {
	if len(lang) == 0 {
		return site
	}
	out := make(map[string]any, len(site)+len(lang))
	maps.Copy(out, site)
	maps.Copy(out, lang)
	return out
}
