package themes_test

import (
	"html/template"
	"time"

	"github.com/sineng/sineng/generator/render"
)

// day returns midnight UTC of a date, for fixtures.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// programFixture is a small Four Capabilities site built by hand: two
// leaders (one shown only by a pseudonym, one unpublished), two projects,
// three sessions, one exchange, and the pages that show them.
type programFixture struct {
	site                                    *render.Site
	home, leaders, filter, leader, project  *render.Page
	session, exchange, exchangeHub          *render.Page
	handbook, stage, print, showcase        *render.Page
	leadersPage2                            *render.Page
	projectsList, plainLeader, plainProject *render.Page
}

func newProgramFixture(strings map[string]string) *programFixture {
	site := &render.Site{
		Title: "四能社区领袖成长计划", BaseURL: "https://example.org/", LanguageCode: "zh-Hans", Lang: "zh",
		Menu:    []render.MenuEntry{{Name: "首页", URL: "/"}, {Name: "社区领袖", URL: "/leaders/"}},
		Strings: strings,
	}
	stages := []*render.StageView{
		{ID: "activate", Order: 1, Label: "启能", LabelZh: "启能", LabelEn: "Activate", Summary: "社工发掘社区能人。", URL: "/handbook/activate/",
			Steps: []string{"发掘与招募", "优势与不足评估", "激发潜能"}, Leaders: 0},
		{ID: "empower", Order: 2, Label: "赋能", LabelZh: "赋能", LabelEn: "Empower", Summary: "以小组培训提升志愿骨干的能力。", URL: "/handbook/empower/", Leaders: 1},
		{ID: "showcase", Order: 3, Label: "展能", LabelZh: "展能", LabelEn: "Showcase", Summary: "组建团队、申请创投。", URL: "/handbook/showcase/", Leaders: 1},
		{ID: "transmit", Order: 4, Label: "传能", LabelZh: "传能", LabelEn: "Transmit", Summary: "朋辈互学。", URL: "/handbook/transmit/"},
	}
	page := func(kind, typ, layout, rel, title string) *render.Page {
		return &render.Page{Kind: kind, Type: typ, Section: typ, Layout: layout, RelPermalink: rel, Permalink: "https://example.org" + rel,
			Title: title, Lang: "zh-Hans", Site: site}
	}
	home := page("home", "", "", "/", "四能社区领袖成长计划")
	home.Content = "<p>和平街道的社区领袖计划。</p>"
	withParent := func(p *render.Page, parents ...*render.Page) *render.Page {
		p.Ancestors = append([]*render.Page{home}, parents...)
		if len(parents) > 0 {
			p.Parent = parents[len(parents)-1]
		} else {
			p.Parent = home
		}
		return p
	}

	sessPage := func(rel, title string, content template.HTML) *render.Page {
		p := withParent(page("page", "curricula", "", rel, title))
		p.Date = day(2024, 10, 20)
		p.Content = content
		return p
	}
	zhou := render.LeaderRef{Name: "周桂兰", URL: "/leaders/zhou-guilan/"}
	pseud := render.LeaderRef{Name: "楼长A", URL: "/leaders/loudong-a/"}
	hidden := render.LeaderRef{} // unpublished: no name, no link
	design := &render.SessionView{
		Page: sessPage("/curricula/empower/project-design/", "从需求到项目设计",
			`<p>项目设计环节。</p><h2 id="一页纸项目设计包括">一页纸项目设计包括</h2><p>见脚注<sup id="fnref:1"><a href="#fn:1">1</a></sup>。</p><h3 id="问题">问题</h3><div class="footnotes"><ol><li id="fn:1"><p>注。</p></li></ol></div>`),
		Stage: stages[1], Phase: "advanced", PhaseLabel: "高阶", DurationMinutes: 180, ActivityMinutes: 180,
		Objectives: []string{"用问题树分析一个社区问题", "完成一页纸项目设计"},
		Materials:  []string{"问题树模板", "马克笔"},
		Activities: []render.Activity{
			{Name: "需求评估回顾", Minutes: 30, Method: "分享", Start: 0},
			{Name: "问题树分析", Minutes: 50, Method: "小组作业", Start: 30},
			{Name: "一页纸项目设计", Minutes: 100, Method: "小组作业", Start: 80},
		},
		Attendees:    []render.LeaderRef{zhou, hidden},
		Facilitators: []string{"督导 陈老师"},
	}
	conflict := &render.SessionView{
		Page: sessPage("/curricula/empower/conflict-scenarios/", "冲突情境演练",
			`<p>演练。</p><h2 id="一页纸项目设计包括">一页纸项目设计包括</h2>`),
		Stage: stages[1], Phase: "intermediate", PhaseLabel: "中阶", DurationMinutes: 120, ActivityMinutes: 90,
		Objectives: []string{"练习回应难题"},
		Activities: []render.Activity{{Name: "角色扮演", Minutes: 90, Method: "演练", Start: 0}},
		Attendees:  []render.LeaderRef{zhou},
	}
	asset := &render.SessionView{
		Page:  sessPage("/curricula/activate/asset-mapping/", "社区资产地图", "<p>地图。</p>"),
		Stage: stages[0], DurationMinutes: 90, ActivityMinutes: 60,
		Activities: []render.Activity{{Name: "走访", Minutes: 60, Method: "实地", Start: 0}},
	}
	stages[0].Phases = []*render.PhaseGroup{{Sessions: []*render.SessionView{asset}}}
	stages[1].Phases = []*render.PhaseGroup{
		{ID: "initial", Label: "初阶", Topics: []string{"志愿服务", "倡导"}},
		{ID: "intermediate", Label: "中阶", Topics: []string{"领袖素质", "冲突情境"}, Sessions: []*render.SessionView{conflict}},
		{ID: "advanced", Label: "高阶", Topics: []string{"需求评估", "项目设计"}, Sessions: []*render.SessionView{design}},
	}
	stages[2].Phases = []*render.PhaseGroup{{}}
	stages[3].Phases = []*render.PhaseGroup{{ID: "thematic", Label: "主题工作坊", Topics: []string{"项目设计"}}}

	elevatorPage := withParent(page("page", "projects", "", "/projects/elevator/", "加装电梯议事会"))
	elevatorPage.Params = map[string]any{"summary": "三栋老楼的居民一起决定是否加装电梯。"}
	elevatorPage.Lead = "三栋老楼的居民一起决定是否加装电梯。"
	elevatorPage.Content = `<p><strong>Summary.</strong> 议事。</p><h2 id="问题-problem">问题 Problem</h2><p>老楼。</p>`
	elevator := &render.ProjectView{
		Page: elevatorPage, Status: "delivering", StatusLabel: "执行中", Scheme: "public-welfare-venture", SchemeLabel: "公益创投",
		Funder: "市民政局公益创投", Community: "和平街道幸福里社区", Stage: stages[2], Beneficiaries: 230,
		Leaders: []render.LeaderRef{zhou, pseud, hidden}, Currency: "CNY",
		Requested:    render.Amount{Value: 19400, Text: "19,400", Set: true},
		Awarded:      render.Amount{Value: 19400, Text: "19,400", Set: true},
		Matched:      render.Amount{Value: 900, Text: "900", Set: true},
		MatchedShare: 900.0 / 20300,
		PeriodStart:  day(2026, 3, 1), PeriodEnd: day(2027, 2, 28),
		Budget: []render.BudgetLine{
			{Item: "议事会茶水", Category: "活动", Quantity: 12, UnitCost: render.Amount{Value: 150, Text: "150", Set: true}, Total: render.Amount{Value: 1800, Text: "1,800", Set: true}, Source: "requested", SourceLabel: "申请资助"},
			{Item: "结构评估", Category: "专业服务", Quantity: 1.5, UnitCost: render.Amount{Value: 12000, Text: "12,000", Set: true}, Total: render.Amount{Value: 18000, Text: "18,000", Set: true}, Source: "requested"},
			{Item: "志愿者保险", Category: "人员", Quantity: 20, UnitCost: render.Amount{Value: 45, Text: "45", Set: true}, Total: render.Amount{Value: 900, Text: "900", Set: true}, Source: "self"},
		},
		BudgetTotal: render.Amount{Value: 20700, Text: "20,700", Set: true},
		BySource: []render.SourceTotal{
			{Source: "requested", Label: "申请资助", Total: render.Amount{Value: 19800, Text: "19,800", Set: true}, Share: 19800.0 / 20700},
			{Source: "self", Total: render.Amount{Value: 900, Text: "900", Set: true}, Share: 900.0 / 20700},
		},
		Outcomes: []render.Outcome{
			{Indicator: "召开楼栋议事会（次）", Target: 12, Actual: 9, Measured: true, Progress: 0.75},
			{Indicator: "参与议事的住户比例（%）", Target: 80, Actual: 86, Measured: true, Progress: 1.075},
			{Indicator: "签署意向书的楼栋（栋）", Target: 3},
		},
	}
	mealsPage := withParent(page("page", "projects", "", "/projects/changqing-meals/", "长青邻里助餐点"))
	meals := &render.ProjectView{
		Page: mealsPage, Status: "funded", Scheme: "micro-venture", Community: "长青社区", Currency: "CNY",
		Requested: render.Amount{Value: 8000, Text: "8,000", Set: true},
	}

	exPage := withParent(page("page", "exchange", "", "/exchange/elevator-council-sharing/", "加装电梯议事会的沟通经验"))
	exPage.Date = day(2026, 9, 12)
	exPage.Content = "<p>五条做法。</p>"
	exPage.Summary = "<p>五条做法。</p>"
	exchange := &render.ExchangeView{Page: exPage, Kind: "sharing", KindLabel: "经验分享", Topic: "communication", TopicLabel: "沟通表达",
		Stage: stages[3], Leaders: []render.LeaderRef{zhou, hidden}}
	stages[3].Exchanges = []*render.ExchangeView{exchange}

	casePage := withParent(page("page", "cases", "", "/cases/elevator-story/", "一部电梯，三十六户人家"))
	casePage.Date = day(2026, 5, 1)
	skills := []render.Link{{Name: "议事协商", URL: "/skills/议事协商/"}, {Name: "项目设计", URL: "/skills/项目设计/"}}
	zhouPage := withParent(page("page", "leaders", "", "/leaders/zhou-guilan/", "周桂兰"))
	zhouPage.Content = `<p>周阿姨在幸福里社区住了三十多年。</p><h2 id="成长经历">成长经历</h2><p>启能阶段。</p>`
	zhouView := &render.LeaderView{
		Page: zhouPage, ID: "zhou-guilan", Name: "周桂兰", Community: "和平街道幸福里社区", Stage: stages[2],
		Joined: day(2024, 3, 12), Skills: skills,
		Photo: &render.Image{URL: "/leaders/zhou-guilan/photo.png", Alt: "周桂兰在社区活动室", Width: 480, Height: 600,
			SrcSet: "/leaders/zhou-guilan/photo-240.png 240w, /leaders/zhou-guilan/photo.png 480w"},
		Milestones: []render.Milestone{
			{Date: day(2024, 3, 12), Stage: stages[0], Note: "社工入户走访时发现她。"},
			{Date: day(2024, 9, 15), Stage: stages[1], Note: "完成赋能初级、中级小组。"},
			{Date: day(2025, 11, 8), Stage: stages[2], Note: "牵头成立加装电梯议事会。"},
		},
		Testimonials: []render.Testimonial{{Quote: "得先让邻居们坐下来商量。", Source: "周桂兰"}, {Quote: "她记得每一户的难处。", Source: "社工 李敏"}},
		Evidence: render.Evidence{
			Sessions: []*render.SessionView{design, conflict}, Projects: []*render.ProjectView{elevator},
			Exchanges: []*render.ExchangeView{exchange}, Cases: []*render.Page{casePage}, Total: 5,
		},
	}
	// The pseudonymous leader's page carries its real name in Title and
	// Params; templates must show only the view's name.
	loudongPage := withParent(page("page", "leaders", "", "/leaders/loudong-a/", "王真名"))
	loudongPage.Params = map[string]any{"title": "王真名"}
	loudongView := &render.LeaderView{Page: loudongPage, ID: "loudong-a", Name: "楼长A", Community: "和平街道幸福里社区", Stage: stages[1]}
	// A leader with no name the build may show, and no published page.
	nobody := &render.LeaderView{ID: "leader-06", Stage: stages[0]}

	prog := &render.Program{
		Name: "四能社区领袖成长计划", Organisation: "和平街道社会工作服务站", Currency: "CNY",
		Stages: stages, Leaders: []*render.LeaderView{nobody, loudongView, zhouView},
		Projects: []*render.ProjectView{elevator, meals}, Sessions: []*render.SessionView{asset, conflict, design},
		Exchanges: []*render.ExchangeView{exchange},
		Dashboard: &render.Dashboard{
			Leaders: 3, Sessions: 3, Projects: 2, Exchanges: 1, Beneficiaries: 230, TrainingHours: 6.5,
			Funnel: []render.Bar{
				{Key: "activate", Label: "启能", Value: 3, Share: 1, URL: "/leaders/stage/activate/"},
				{Key: "empower", Label: "赋能", Value: 2, Share: 2.0 / 3},
				{Key: "showcase", Label: "展能", Value: 1, Share: 1.0 / 3},
				{Key: "transmit", Label: "传能", Value: 0, Share: 0},
			},
			LeadersByStage: []render.Bar{{Key: "activate", Value: 1}, {Key: "empower", Value: 1}, {Key: "showcase", Value: 1}, {Key: "transmit", Value: 0}},
			ProjectsByStatus: []render.Bar{
				{Key: "funded", Label: "已获资助", Value: 1, Share: 1},
				{Key: "delivering", Label: "执行中", Value: 1, Share: 1, URL: "/showcase/status/delivering/"},
			},
			Funding: []render.FundingTotal{{Currency: "CNY", Projects: 2,
				Requested: render.Amount{Value: 27400, Text: "27,400", Set: true}, Awarded: render.Amount{Value: 19400, Text: "19,400", Set: true}}},
		},
		LeadersURL: "/leaders/", HandbookURL: "/handbook/", PrintURL: "/handbook/print/", ShowcaseURL: "/showcase/", ExchangeURL: "/exchange/",
		ProjectsJSON: "/showcase/projects.json", ProjectsCSV: "/showcase/projects.csv",
	}
	prog.SetIndex(
		map[string]render.LeaderRef{"zhou-guilan": zhou, "loudong-a": pseud, "leader-06": hidden},
		map[string]*render.LeaderView{"zhou-guilan": zhouView, "loudong-a": loudongView},
		map[string]*render.ProjectView{"elevator": elevator, "changqing-meals": meals},
	)
	site.Program = prog
	site.Home = home

	facets := []*render.Facet{
		{Dimension: "stage", Label: "阶段", Filters: []render.Filter{
			{Dimension: "stage", Key: "empower", Label: "赋能", URL: "/leaders/stage/empower/", Count: 1},
			{Dimension: "stage", Key: "showcase", Label: "展能", URL: "/leaders/stage/showcase/", Count: 1},
		}},
		{Dimension: "skill", Filters: []render.Filter{{Dimension: "skill", Key: "议事协商", Label: "议事协商", URL: "/leaders/skill/议事协商/", Count: 1}}},
	}
	f := &programFixture{site: site, home: home}
	f.leaders = withParent(page("section", "leaders", "", "/leaders/", "社区领袖"))
	f.leaders.Content = "<p>只有本人同意公开的资料才会出现在这里。</p>"
	f.leaders.Leaders, f.leaders.Facets = prog.Leaders, facets
	f.leaders.Pages = []*render.Page{zhouPage, loudongPage}
	page2 := *f.leaders
	page2.Leaders = prog.Leaders[2:]
	page2.RelPermalink = "/leaders/page/2/"
	page2.Paginator = &render.Pager{Number: 2, TotalPages: 2, PrevURL: "/leaders/",
		Links: []render.PagerLink{{Number: 1, URL: "/leaders/"}, {Number: 2, URL: "/leaders/page/2/", Current: true}}}
	f.leadersPage2 = &page2
	f.filter = withParent(page("section", "leaders", "filter", "/leaders/stage/showcase/", "展能"), f.leaders)
	f.filter.Filter = &facets[0].Filters[1]
	f.filter.Leaders, f.filter.Facets = []*render.LeaderView{zhouView}, facets
	f.leader = zhouPage
	f.leader.Leader = zhouView
	f.project = elevatorPage
	f.project.Project = elevator
	f.session = design.Page
	f.session.Session = design
	f.session.Next = conflict.Page
	f.exchange = exPage
	f.exchange.Exchange = exchange
	f.exchangeHub = withParent(page("section", "exchange", "", "/exchange/", "交流学习"))
	f.exchangeHub.Exchanges = prog.Exchanges
	f.exchangeHub.Facets = []*render.Facet{{Dimension: "kind", Label: "交流形式", Filters: []render.Filter{{Key: "sharing", Label: "经验分享", URL: "/exchange/kind/sharing/", Count: 1}}}}
	f.handbook = withParent(page("section", "handbook", "", "/handbook/", "工作手册"))
	f.handbook.Content = "<p>按阶段组织。</p>"
	f.stage = withParent(page("section", "handbook", "stage", "/handbook/empower/", "赋能手册"), f.handbook)
	f.stage.Stage = stages[1]
	f.print = withParent(page("section", "handbook", "print", "/handbook/print/", "工作手册（打印版）"), f.handbook)
	stages[0].Intro = &render.Page{Content: `<p>启能是起点。</p><h2 id="三个步骤">三个步骤</h2><p>步骤。</p>`, Site: site}
	f.showcase = withParent(page("section", "showcase", "", "/showcase/", "展能成果"))
	f.showcase.Projects, f.showcase.Facets = prog.Projects, []*render.Facet{{Dimension: "status", Label: "项目状态", Filters: []render.Filter{{Key: "delivering", Label: "执行中", URL: "/showcase/status/delivering/", Count: 1}}}}
	f.projectsList = withParent(page("section", "projects", "", "/projects/", "项目"))
	mealsPage.Project = meals
	f.projectsList.Pages = []*render.Page{elevatorPage, mealsPage}
	f.plainLeader = withParent(page("page", "leaders", "", "/leaders/x/", "普通页面"))
	f.plainProject = withParent(page("page", "projects", "", "/projects/x/", "普通项目页"))
	f.plainProject.Content = "<p>正文。</p>"
	return f
}
