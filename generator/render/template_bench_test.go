package render_test

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/sineng/sineng/generator/layout"
	"github.com/sineng/sineng/generator/render"
	"github.com/sineng/sineng/themes"
)

// benchSite is a one-language site shaped like the generated benchmark
// corpus (cmd/sineng-corpus): six menu entries, three stylesheets, feeds,
// search and the theme's Chinese strings.
type benchSite struct {
	set     *layout.Set
	site    *render.Site
	single  *render.Page // an ordinary page with a table of contents, tags and neighbours
	list    *render.Page // a term page: ten summaries and pagination
	session *render.Page // a session plan (curricula/single.html)
}

func loadBenchSite(tb testing.TB) *benchSite {
	tb.Helper()
	set, err := layout.Load(layout.Options{Theme: themes.Default(), ThemeName: "themes/default", BaseURL: "https://example.org/"})
	if err != nil {
		tb.Fatal(err)
	}
	b, err := fs.ReadFile(themes.Default(), "i18n/zh.toml")
	if err != nil {
		tb.Fatal(err)
	}
	var strs map[string]string
	if _, err := toml.Decode(string(b), &strs); err != nil {
		tb.Fatal(err)
	}
	site := &render.Site{
		Title: "四能社区领袖成长计划（示例语料）", BaseURL: "https://example.org/", LanguageCode: "zh-Hans", Lang: "zh",
		Audience: "team", NoIndex: true, Generator: "sineng", RSSURL: "/index.xml", SearchURL: "/search/",
		Menu: []render.MenuEntry{{Name: "首页", URL: "/"}, {Name: "手册", URL: "/handbook/"}, {Name: "社区领袖", URL: "/leaders/"},
			{Name: "项目", URL: "/projects/"}, {Name: "交流", URL: "/exchange/"}, {Name: "动态", URL: "/news/"}},
		Styles: []render.Asset{{URL: "/css/style.f8bd68861e.css", Integrity: "sha256-+L1ohh4OWixbuHISkrQDeEBNH5umiyCW0xb7ANNxfK4="},
			{URL: "/css/program.fdc362265d.css", Integrity: "sha256-/cNiJl0e3TRmGlnjIBWZUlFHpbzGpi9Q8ryN8MSXL/M="},
			{URL: "/css/syntax.e6d82cf86d.css", Integrity: "sha256-5tgs+G04cecv97V9eO+BSsUG7R/31JO8FgkoOPzM1EY="}},
		Strings: strs,
	}
	page := func(kind, typ, rel, title string) *render.Page {
		return &render.Page{Kind: kind, Type: typ, Section: typ, RelPermalink: rel, Permalink: "https://example.org" + rel,
			Title: title, Lang: "zh-Hans", Site: site}
	}
	home := page("home", "", "/", site.Title)
	site.Home = home
	notes := page("section", "notes", "/notes/", "工作笔记 Notes")
	notes.Ancestors = []*render.Page{home}
	year := page("section", "notes", "/notes/2026/", "2026 年")
	year.Ancestors = []*render.Page{home, notes}
	tag := render.Link{Name: "团队建设", URL: "/tags/%E5%9B%A2%E9%98%9F%E5%BB%BA%E8%AE%BE/"}
	var pages []*render.Page
	for i := range 12 {
		p := page("page", "notes", fmt.Sprintf("/notes/2026/note-%05d/", i), fmt.Sprintf("志愿者能力建设：让更多居民愿意站出来 %d", i))
		p.Ancestors = []*render.Page{home, notes, year}
		p.Parent = year
		p.Date = time.Date(2026, 6, 14-i, 0, 0, 0, 0, time.UTC)
		p.Lastmod = p.Date
		p.Description = "在社工的陪伴下，业主代表推动楼道清洁，提升了参与能力。"
		p.Summary = "在社工的陪伴下，业主代表推动楼道清洁，提升了参与能力。这位楼长做事细致，经过多次讨论策划了读书会。"
		p.Content = template.HTML(strings.Repeat("<p>这位老党员做事耐心，利用周末时间讨论了志愿服务。</p>\n", 20))
		p.TableOfContents = `<ul><li><a href="#a">目标 Objectives</a></li><li><a href="#b">流程 Agenda</a></li></ul>`
		p.WordCount, p.ReadingTime = 640, 2
		p.Tags = []render.Link{tag, {Name: "议事规则", URL: "/tags/%E8%AE%AE%E4%BA%8B%E8%A7%84%E5%88%99/"}}
		pages = append(pages, p)
	}
	for i, p := range pages {
		if i > 0 {
			p.Prev = pages[i-1]
		}
		if i+1 < len(pages) {
			p.Next = pages[i+1]
		}
	}
	list := page("term", "tags", tag.URL, tag.Name)
	list.Ancestors = []*render.Page{home, page("taxonomy", "tags", "/tags/", "标签")}
	list.Pages = pages
	list.Paginator = &render.Pager{Number: 2, TotalPages: 3, Pages: pages[:10], PrevURL: tag.URL, NextURL: tag.URL + "page/3/",
		Links: []render.PagerLink{{Number: 1, URL: tag.URL}, {Number: 2, URL: tag.URL + "page/2/", Current: true}, {Number: 3, URL: tag.URL + "page/3/"}}}

	stage := &render.StageView{ID: "transmit", Order: 4, Label: "传能", LabelZh: "传能", LabelEn: "Transmit"}
	sess := page("page", "curricula", "/curricula/transmit/thematic-1869/", "传能工作坊：社区花园")
	sess.Ancestors = []*render.Page{home, page("section", "curricula", "/curricula/", "课程与活动方案 Curricula")}
	sess.Content = pages[0].Content
	sess.Session = &render.SessionView{Page: sess, Stage: stage, Phase: "thematic", PhaseLabel: "主题工作坊",
		DurationMinutes: 90, ActivityMinutes: 90,
		Objectives: []string{"志愿骨干能够记录项目", "物业能够开展志愿服务"},
		Materials:  []string{"彩色便利贴", "社区地图", "案例卡片"},
		Activities: []render.Activity{{Name: "头脑风暴", Minutes: 15, Method: "世界咖啡"}, {Name: "情景模拟", Minutes: 30, Method: "世界咖啡", Start: 15},
			{Name: "世界咖啡", Minutes: 30, Method: "游戏", Start: 45}, {Name: "需求排序", Minutes: 15, Method: "实地走访", Start: 75}},
		Attendees:    []render.LeaderRef{{Name: "李建国", URL: "/leaders/leader-0081/"}, {Name: "徐晓燕", URL: "/leaders/leader-0227/"}, {}},
		Facilitators: []string{"督导 陈老师"},
	}
	return &benchSite{set: set, site: site, single: pages[3], list: list, session: sess}
}

// execute renders p as the build does and returns the output.
func (s *benchSite) execute(tb testing.TB, w io.Writer, p *render.Page) {
	t, ok := s.set.Lookup(p.Kind, p.Type, p.Layout)
	if !ok {
		tb.Fatalf("no template for %s %s", p.Kind, p.Type)
	}
	if err := s.set.Execute(w, t, p); err != nil {
		tb.Fatal(err)
	}
}

func benchmarkPage(b *testing.B, pick func(*benchSite) *render.Page) {
	s := loadBenchSite(b)
	p := pick(s)
	var buf strings.Builder
	s.execute(b, &buf, p)
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		s.execute(b, io.Discard, p)
	}
}

// BenchmarkSinglePage executes _default/single.html in the theme's
// baseof.html for an ordinary page.
func BenchmarkSinglePage(b *testing.B) {
	benchmarkPage(b, func(s *benchSite) *render.Page { return s.single })
}

// BenchmarkListPage executes _default/term.html for a term page of ten
// summaries with pagination.
func BenchmarkListPage(b *testing.B) {
	benchmarkPage(b, func(s *benchSite) *render.Page { return s.list })
}

// BenchmarkListPageCold is BenchmarkListPage with no kept partial outputs:
// every summary is made afresh, as on the first list that shows a page.
func BenchmarkListPageCold(b *testing.B) {
	s := loadBenchSite(b)
	b.ReportAllocs()
	for b.Loop() {
		s.set.ClearFragments()
		s.execute(b, io.Discard, s.list)
	}
}

// BenchmarkSessionPage executes curricula/single.html for a session plan.
func BenchmarkSessionPage(b *testing.B) {
	benchmarkPage(b, func(s *benchSite) *render.Page { return s.session })
}
