package layout

import (
	"fmt"
	"html/template"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/sineng/sineng/generator/htmlesc"
	view "github.com/sineng/sineng/generator/render"
	"github.com/sineng/sineng/themes"
)

// themeSite is a small site of the built-in theme: one page of each kind
// the theme renders, with the theme's Chinese strings.
type themeSite struct {
	pages []*view.Page
	notes []*view.Shortcode // note and figure shortcodes
}

func newThemeSite(tb testing.TB) themeSite {
	tb.Helper()
	b, err := fs.ReadFile(themes.Default(), "i18n/zh.toml")
	if err != nil {
		tb.Fatal(err)
	}
	var strs map[string]string
	if _, err := toml.Decode(string(b), &strs); err != nil {
		tb.Fatal(err)
	}
	site := &view.Site{
		Title: "四能社区领袖成长计划", BaseURL: "https://example.org/", LanguageCode: "zh-Hans", Lang: "zh",
		Description: "社区领袖 & 居民", Audience: "team", NoIndex: true, Generator: "sineng", RSSURL: "/index.xml", SearchURL: "/search/",
		Menu:    []view.MenuEntry{{Name: "首页", URL: "/"}, {Name: "动态", URL: "/news/"}},
		Styles:  []view.Asset{{URL: "/css/style.css", Integrity: "sha256-x"}},
		Strings: strs,
	}
	page := func(kind, typ, rel, title string) *view.Page {
		return &view.Page{Kind: kind, Type: typ, Section: typ, RelPermalink: rel, Permalink: "https://example.org" + rel,
			Title: title, Lang: "zh-Hans", Site: site}
	}
	home := page("home", "", "/", site.Title)
	site.Home = home
	news := page("section", "news", "/news/", "动态 <News>")
	news.Ancestors = []*view.Page{home}
	tag := view.Link{Name: "团队建设", URL: "/tags/team/"}
	var items []*view.Page
	for i := range 4 {
		p := page("page", "news", fmt.Sprintf("/news/n-%d/", i), fmt.Sprintf("志愿者 & 居民 %d", i))
		p.Ancestors = []*view.Page{home, news}
		p.Parent = news
		p.Date = time.Date(2026, 6, 14-i, 0, 0, 0, 0, time.UTC)
		p.Lastmod = p.Date
		p.Description = "在社工的陪伴下，业主代表推动楼道清洁。"
		p.Summary = "<p>summary " + template.HTML(fmt.Sprint(i)) + "</p>"
		p.Content = "<p>这位老党员做事耐心。</p>\n<h2 id=\"a\">目标</h2>"
		p.TableOfContents = `<ul><li><a href="#a">目标</a></li></ul>`
		p.WordCount, p.ReadingTime = 640, 2
		p.Tags = []view.Link{tag, {Name: "议事<规则>", URL: "/tags/rules/"}}
		p.Params = map[string]any{"author": "李 & 王"}
		items = append(items, p)
	}
	for i, p := range items {
		if i > 0 {
			p.Prev = items[i-1]
		}
		if i+1 < len(items) {
			p.Next = items[i+1]
		}
	}
	news.Pages = items
	news.Paginator = &view.Pager{Number: 1, TotalPages: 2, Pages: items[:3], NextURL: "/news/page/2/",
		Links: []view.PagerLink{{Number: 1, URL: "/news/", Current: true}, {Number: 2, URL: "/news/page/2/"}}}
	home.Pages = items
	site.Sections = []*view.Page{news}
	site.RegularPages = items
	terms := page("taxonomy", "tags", "/tags/", "标签")
	terms.Ancestors = []*view.Page{home}
	term := page("term", "tags", tag.URL, tag.Name)
	term.Ancestors = []*view.Page{home, terms}
	term.Pages = items
	term.Paginator = &view.Pager{Number: 1, TotalPages: 1, Pages: items}
	terms.Pages = []*view.Page{term}
	notFound := page("404", "", "/404.html", "404")
	sc := func(args map[string]string, inner template.HTML) *view.Shortcode {
		return &view.Shortcode{Args: args, Inner: inner, Page: items[0], Site: site}
	}
	return themeSite{
		pages: []*view.Page{home, news, items[0], items[3], terms, term, notFound},
		notes: []*view.Shortcode{
			sc(map[string]string{"type": "tip"}, "<p>小贴士</p>"),
			sc(map[string]string{"type": "bogus", "title": "标题 & 说明"}, ""),
			sc(map[string]string{"src": "a b.png", "alt": `"照片"`, "caption": "图 <1>"}, ""),
		},
	}
}

// TestThemeCompiledMatchesInterpreted renders the built-in theme's pages
// and shortcodes with both executors and wants the same bytes. With
// html/template's own escapers every template must be compiled and no
// execution sent back to html/template; with htmlesc's, which may not
// have every escaper yet, the output must match all the same.
func TestThemeCompiledMatchesInterpreted(t *testing.T) {
	oracle, err := htmlTemplateEscapers()
	if err != nil {
		t.Fatal(err)
	}
	for _, esc := range []struct {
		name     string
		lookup   func(string) (htmlesc.Func, bool) // nil: a build's
		complete bool
	}{{"html/template", oracle, true}, {"htmlesc", nil, false}} {
		t.Run(esc.name, func(t *testing.T) {
			var p setPair
			if esc.lookup != nil {
				p = loadPairWith(t, themeOptions(), esc.lookup)
			} else {
				p = loadBuildPair(t, themeOptions())
			}
			checkTheme(t, p, esc.complete)
		})
	}
}

func themeOptions() Options {
	return Options{Theme: themes.Default(), ThemeName: "themes/default", BaseURL: "https://example.org/",
		Funcs: template.FuncMap{"markdownify": func(s string) template.HTML { return template.HTML(template.HTMLEscapeString(s)) }}}
}

func checkTheme(t *testing.T, p setPair, complete bool) {
	site := newThemeSite(t)
	for round := range 3 {
		for _, page := range site.pages {
			want := executeView(p.interp, page)
			got := executeView(p.comp, page)
			if want.err != nil {
				t.Fatalf("%s: %v", page.RelPermalink, want.err)
			}
			if !want.same(got) {
				t.Errorf("round %d, %s:\n%s", round, page.RelPermalink, firstDifference(got.String(), want.String()))
			}
		}
		for i, sc := range site.notes {
			name := "note"
			if sc.Args["src"] != "" {
				name = "figure"
			}
			want, werr := p.interp.Shortcode(name, sc)
			got, gerr := p.comp.Shortcode(name, sc)
			if werr != nil || gerr != nil || got != want {
				t.Errorf("round %d, shortcode %d: compiled %q, %v; interpreted %q, %v", round, i, got, gerr, want, werr)
			}
		}
	}
	report := t.Logf
	if complete {
		report = t.Errorf
	}
	for _, page := range site.pages {
		tmpl, _ := p.comp.Lookup(page.Kind, page.Type, page.Layout)
		if status := tmpl.exec.status(); status != "compiled (0 fallbacks)" {
			report("%s (%s): %s", page.RelPermalink, tmpl.Name(), status)
		}
	}
	for rel, e := range p.comp.entries {
		if status := e.status(); status != "compiled (0 fallbacks)" && status != "not yet compiled" {
			report("%s: %s", rel, status)
		}
	}
}

func executeView(s *Set, p *view.Page) outcome {
	tmpl, ok := s.Lookup(p.Kind, p.Type, p.Layout)
	if !ok {
		return outcome{err: fmt.Errorf("no template for %s %s", p.Kind, p.Type)}
	}
	var b strings.Builder
	err := s.Execute(&b, tmpl, p)
	return outcome{out: b.String(), err: err}
}

// firstDifference shows where two texts part.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("at byte %d:\ncompiled:    %q\ninterpreted: %q", i, got[from:min(len(got), i+80)], want[from:min(len(want), i+80)])
}
