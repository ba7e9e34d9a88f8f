package themes_test

import (
	"flag"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/sineng/sineng/generator/layout"
	"github.com/sineng/sineng/generator/render"
	"github.com/sineng/sineng/themes"
)

// keep writes the rendered fixture pages into a folder (with a copy of the
// stylesheet) for a look in a browser or the Nu Html Checker:
// go test ./themes -run TestProgramPages -keep /tmp/theme-fixture
var keep = flag.String("keep", "", "write the rendered program fixture pages into this folder")

// themeStrings reads the theme's strings of one language.
func themeStrings(t *testing.T, lang string) map[string]string {
	t.Helper()
	b, err := fs.ReadFile(themes.Default(), "i18n/"+lang+".toml")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if _, err := toml.Decode(string(b), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// loadTheme parses the default theme with the real function map.
func loadTheme(t *testing.T) *layout.Set {
	t.Helper()
	set, err := layout.Load(layout.Options{
		Theme: themes.Default(), ThemeName: "themes/default", BaseURL: "https://example.org/",
		Funcs: template.FuncMap{"markdownify": func(s string) template.HTML { return template.HTML(template.HTMLEscapeString(s)) }},
	})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// renderPage looks up and executes the template of p, as the build does.
func renderPage(t *testing.T, set *layout.Set, p *render.Page) (string, string) {
	t.Helper()
	tmpl, ok := set.Lookup(p.Kind, p.Type, p.Layout)
	if !ok {
		t.Fatalf("no template for %s %s %q", p.Kind, p.Type, p.Layout)
	}
	var b strings.Builder
	if err := set.Execute(&b, tmpl, p); err != nil {
		t.Fatalf("%s: %v", p.RelPermalink, err)
	}
	return b.String(), tmpl.Name()
}

var (
	idAttr  = regexp.MustCompile(`\sid="([^"]*)"`)
	heading = regexp.MustCompile(`<h([1-6])[\s>]`)
)

// checkStructure reports duplicate ids, a page without exactly one h1, and
// headings that skip a level on the way down.
func checkStructure(t *testing.T, name, html string) {
	t.Helper()
	seen := map[string]bool{}
	for _, m := range idAttr.FindAllStringSubmatch(html, -1) {
		if seen[m[1]] {
			t.Errorf("%s: duplicate id %q", name, m[1])
		}
		seen[m[1]] = true
	}
	prev := 0
	h1 := 0
	for _, m := range heading.FindAllStringSubmatch(html, -1) {
		n, _ := strconv.Atoi(m[1])
		if n == 1 {
			h1++
		}
		if n > prev+1 {
			t.Errorf("%s: heading h%d follows h%d", name, n, prev)
		}
		prev = n
	}
	if h1 != 1 {
		t.Errorf("%s: %d h1 elements, want 1", name, h1)
	}
}

func TestProgramPages(t *testing.T) {
	set := loadTheme(t)
	f := newProgramFixture(themeStrings(t, "zh"))
	tests := []struct {
		name     string
		page     *render.Page
		template string
		want     []string
		notWant  []string
	}{
		{"leader portfolio", f.leader, "leaders/single.html", []string{
			"<h1>周桂兰</h1>", `srcset="/leaders/zhou-guilan/photo-240.png 240w`, `width="480" height="600"`, `alt="周桂兰在社区活动室"`,
			`aria-current="step">展能</span><span class="visually-hidden">（当前阶段）</span>`,
			`is-done`, `<time datetime="2024-09-15">2024年9月15日</time>`,
			`<a href="/curricula/empower/project-design/">从需求到项目设计</a>`,
			`1/3 项指标已达成`, `一部电梯，三十六户人家`, "<blockquote><p>得先让邻居们坐下来商量。</p></blockquote>",
			"<figcaption>社工 李敏</figcaption>", "<h2>个人介绍</h2>", `<title>周桂兰 – 四能社区领袖成长计划</title>`,
		}, nil},
		{"leaders index", f.leaders, "leaders/list.html", []string{
			"<h1>社区领袖</h1>", `<nav class="facet" aria-label="阶段">`, `<nav class="facet" aria-label="技能">`,
			`<a href="/leaders/stage/empower/">赋能 <span class="count">1</span></a>`,
			`<a href="/leaders/loudong-a/">楼长A</a>`, "一位社区领袖", "共 3 位社区领袖",
		}, []string{"王真名"}},
		{"leaders index, page 2", f.leadersPage2, "leaders/list.html", []string{
			"共 3 位社区领袖", `<a href="/leaders/zhou-guilan/">周桂兰</a>`, `<nav class="pagination"`, `<a href="/leaders/page/2/" aria-current="page">2</a>`,
		}, []string{"只有本人同意公开的资料", "楼长A"}},
		{"leaders filter", f.filter, "leaders/filter.html", []string{
			"<h1>展能</h1>", `<a href="/leaders/">全部社区领袖</a>`, `<a href="/leaders/stage/showcase/" aria-current="page">`,
		}, []string{"只有本人同意公开的资料"}},
		{"project sheet", f.project, "projects/single.html", []string{
			"<h1>加装电梯议事会</h1>", `status-delivering">执行中</span>`, `scheme-public-welfare-venture">公益创投</span>`,
			"<dd>230</dd>", "<dd>4.4%</dd>", `<a href="/leaders/zhou-guilan/">周桂兰</a>`, `<span class="leader-name">一位社区领袖</span>`,
			"<td class=\"num\">1.50</td>", "<th scope=\"row\" colspan=\"4\">预算合计</th>", "95.7%", ">自筹</th>",
			`width="100.00"`, "108%", "尚未测量", "金额单位：CNY", "<h2>项目说明</h2>",
			`<time datetime="2026-03-01">2026年3月1日</time> – <time datetime="2027-02-28">`,
		}, []string{"王真名"}},
		{"session plan", f.session, "curricula/single.html", []string{
			"<h1>从需求到项目设计</h1>", "stage-empower\">赋能</span>", ">高阶</span>", "180 分钟",
			"<li>完成一页纸项目设计</li>", "<td class=\"num\">1:20</td>", "共 180 分钟", "督导 陈老师",
			"<h2>带领者笔记</h2>",
		}, nil},
		{"exchange", f.exchange, "exchange/single.html", []string{
			"经验分享</span>", "沟通表达</span>", `<a href="/leaders/zhou-guilan/">周桂兰</a>`,
		}, nil},
		{"exchange hub", f.exchangeHub, "exchange/list.html", []string{
			"<h2>经验分享 <span class=\"count\">1</span></h2>", `<h3 class="card-title"><a href="/exchange/elevator-council-sharing/">`,
		}, nil},
		{"handbook overview", f.handbook, "handbook/list.html", []string{
			`<a href="/handbook/empower/">`, `lang="en">Empower</span>`, "2 个课程方案", "1 位领袖正处于这一阶段",
			`<a href="/handbook/print/">`,
		}, nil},
		{"handbook stage", f.stage, "handbook/stage.html", []string{
			"<h1>赋能手册</h1>", `<a href="/handbook/empower/" aria-current="page">`, "以小组培训提升志愿骨干的能力", "<h2>中阶</h2>",
			"<h3><a href=\"/curricula/empower/conflict-scenarios/\">冲突情境演练</a></h3>", "<h4 class=\"plan-heading\">活动目标</h4>",
			"这一部分还没有课程方案。",
		}, nil},
		{"printable handbook", f.print, "handbook/print.html", []string{
			`<a href="#stage-activate">启能</a>`, `<a href="#session-curricula-empower-project-design">`,
			`id="stage-activate"`, `<h3 id="stage-activate-三个步骤">三个步骤</h3>`, "<p>赋能以小组培训提升志愿骨干的能力",
			`id="session-curricula-empower-project-design-一页纸项目设计包括"`,
			`<a href="#session-curricula-empower-project-design-fn:1">`, "<h6 id=\"session-curricula-empower-project-design-问题\">",
		}, nil},
		{"showcase", f.showcase, "showcase/list.html", []string{
			`<a href="/showcase/projects.json" type="application/json">`, "<td class=\"num\">19,400 <span class=\"currency\">CNY</span></td>",
			">社区微创投</td>", "共 2 个项目",
		}, nil},
		{"projects list", f.projectsList, "projects/list.html", []string{"project-card", "1/3 项指标已达成"}, nil},
		{"home dashboard", f.home, "index.html", []string{
			`<svg class="chart-svg"`, `role="img" aria-labelledby="dashboard-funnel-title dashboard-funnel-desc"`,
			`<rect class="chart-bar stage-empower" x="143.33" y="48" width="157.33"`, "<dd>6.50</dd>", "申请资助（CNY）",
			`<a href="/leaders/stage/activate/">启能</a>`,
		}, nil},
		{"leader page without a view", f.plainLeader, "leaders/single.html", []string{"<h1>普通页面</h1>"}, nil},
		{"project page without a view", f.plainProject, "projects/single.html", []string{"<p>正文。</p>"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html, name := renderPage(t, set, tt.page)
			if want := "themes/default/layouts/" + tt.template; name != want {
				t.Errorf("template %s, want %s", name, want)
			}
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("output lacks %q", w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(html, w) {
					t.Errorf("output has %q", w)
				}
			}
			if strings.Contains(html, "ZgotmplZ") {
				t.Error("output has an unsafe value (ZgotmplZ)")
			}
			checkStructure(t, tt.name, html)
			if *keep != "" {
				writeKept(t, tt.page.RelPermalink, html)
			}
		})
	}
}

// writeKept writes a rendered page, and the theme's stylesheets linked as
// the build links them (style.css first, then by name), under the -keep
// folder.
func writeKept(t *testing.T, rel, html string) {
	t.Helper()
	entries, err := fs.ReadDir(themes.Default(), "assets/css")
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"style.css"}
	for _, e := range entries {
		if e.Name() != "style.css" {
			names = append(names, e.Name())
		}
	}
	var links strings.Builder
	for _, name := range names {
		css, err := fs.ReadFile(themes.Default(), "assets/css/"+name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*keep, name), css, 0o644); err != nil {
			t.Fatal(err)
		}
		links.WriteString(`<link rel="stylesheet" href="/` + name + `">`)
	}
	html = strings.Replace(html, "</head>", links.String()+"</head>", 1)
	p := filepath.Join(*keep, filepath.FromSlash(rel), "index.html")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestProgramShortcodes(t *testing.T) {
	set := loadTheme(t)
	f := newProgramFixture(themeStrings(t, "zh"))
	sc := func(params ...string) *render.Shortcode {
		return &render.Shortcode{Params: params, Args: map[string]string{}, Page: f.project, Site: f.site}
	}
	tests := []struct {
		name string
		sc   *render.Shortcode
		want []string
		not  []string
	}{
		{"stage-badge", sc("empower"), []string{`<span class="badge stage-badge stage-empower">赋能</span>`}, nil},
		{"stage-badge", sc("unknown"), []string{`<span class="badge">unknown</span>`}, nil},
		{"leader-card", sc("zhou-guilan"), []string{`<p class="card-title"><a href="/leaders/zhou-guilan/">周桂兰</a></p>`, "议事协商"}, nil},
		{"leader-card", sc("leader-06"), []string{`<p class="card-title">一位社区领袖</p>`}, []string{"<a "}},
		{"budget-table", sc(), []string{"<table class=\"budget-table\">", "议事会茶水"}, nil},
		{"budget-table", sc("changqing-meals"), nil, []string{"<table"}},
		{"budget-table", sc("missing"), nil, []string{"<table"}},
		{"outcomes-table", sc("elevator"), []string{"<table class=\"outcomes-table\">", "召开楼栋议事会"}, nil},
	}
	// An id no leader has is an error, not "a community leader": a typo
	// must not pass for a leader the build keeps out of sight.
	if _, err := set.Shortcode("leader-card", sc("nobody-knows")); err == nil || !strings.Contains(err.Error(), `"nobody-knows" is not the id of any leader`) {
		t.Errorf("leader-card of an unknown id: %v", err)
	}
	for _, tt := range tests {
		out, err := set.Shortcode(tt.name, tt.sc)
		if err != nil {
			t.Errorf("%s %v: %v", tt.name, tt.sc.Params, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s %v lacks %q in\n%s", tt.name, tt.sc.Params, w, out)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(out, w) {
				t.Errorf("%s %v has %q in\n%s", tt.name, tt.sc.Params, w, out)
			}
		}
		if strings.Contains(out, ` id="`) {
			t.Errorf("%s %v writes an id, which could repeat on a page", tt.name, tt.sc.Params)
		}
	}
}

// TestProgramPagesInEnglish renders the pages with the English strings: a
// missing key would print as the key itself.
func TestProgramPagesInEnglish(t *testing.T) {
	set := loadTheme(t)
	f := newProgramFixture(themeStrings(t, "en"))
	for _, p := range []*render.Page{f.leader, f.leaders, f.project, f.session, f.exchangeHub, f.handbook, f.stage, f.print, f.showcase, f.home} {
		html, _ := renderPage(t, set, p)
		for _, key := range []string{"status_", "scheme_", "source_", "kind_", "topic_", "stage_state_", "handbook_intro_", "facet_"} {
			if strings.Contains(html, key) {
				t.Errorf("%s shows an untranslated key %s…", p.RelPermalink, key)
			}
		}
	}
}
