package render

import (
	"fmt"
	"testing"
	"time"
)

func TestNavMarksMenuEntries(t *testing.T) {
	menu := []MenuEntry{{URL: "/"}, {URL: "/news/"}, {URL: "/news/2026/"}, {URL: "/sub/"}, {URL: "https://x.org/"}}
	home := &Page{Kind: "home", RelPermalink: "/"}
	site := &Site{Menu: menu, Home: home}
	cases := []struct {
		here, kind, root string
		want             []string // Current of each entry
	}{
		{"/", "home", "/", []string{"page", "", "", "", ""}},
		{"/news/", "section", "/", []string{"", "page", "", "", ""}},
		{"/news/2026/x/", "page", "/", []string{"", "true", "true", "", ""}},
		{"/about/", "page", "/", []string{"", "", "", "", ""}},
		{"/sub/a/", "page", "/sub/", []string{"", "", "", "", ""}}, // the root never holds a page
	}
	for _, c := range cases {
		p := &Page{Kind: c.kind, RelPermalink: c.here, Site: site}
		n := p.Nav(c.root)
		for i, want := range c.want {
			if got := n.Current(i); got != want {
				t.Errorf("%s: entry %s is %q, want %q", c.here, menu[i].URL, got, want)
			}
		}
		if n.Current(-1) != "" || n.Current(len(menu)) != "" {
			t.Errorf("%s: an entry out of range is marked", c.here)
		}
		if n.IsHome != (c.kind == "home") || n.Home != "/" || n.Root != c.root || n.Site != site {
			t.Errorf("%s: nav %+v", c.here, n)
		}
	}
}

// TestNavLongMenu marks entries of menus up to and past the sixteen
// entries Nav marks without allocating.
func TestNavLongMenu(t *testing.T) {
	for _, n := range []int{1, 15, 16, 17, 40} {
		menu := make([]MenuEntry, n)
		for i := range menu {
			menu[i].URL = fmt.Sprintf("/s%d/", i)
		}
		site := &Site{Menu: menu}
		last := (&Page{Kind: "page", RelPermalink: menu[n-1].URL + "x/", Site: site}).Nav("/")
		for i := range n {
			want := ""
			if i == n-1 {
				want = "true"
			}
			if got := last.Current(i); got != want {
				t.Errorf("%d entries: entry %d is %q, want %q", n, i, got, want)
			}
		}
		if len(last.marks) != n {
			t.Errorf("%d entries: %d marks", n, len(last.marks))
		}
	}
}

func TestNavEqualForTheSameHeader(t *testing.T) {
	site := &Site{Menu: []MenuEntry{{URL: "/"}, {URL: "/news/"}, {URL: "/notes/"}}}
	nav := func(here string) *Nav { return (&Page{Kind: "page", RelPermalink: here, Site: site}).Nav("/") }
	if nav("/news/a/") != nav("/news/b/") {
		t.Error("two pages under one menu entry have different Navs")
	}
	if nav("/other/a/") != nav("/other/b/") {
		t.Error("two pages under no menu entry have different Navs")
	}
	if nav("/news/a/") == nav("/notes/a/") || nav("/news/") == nav("/news/a/") {
		t.Error("pages under different menu states have equal Navs")
	}
	if (&Page{Kind: "home", Site: site}).Nav("/") == (&Page{Kind: "page", Site: site}).Nav("/") {
		t.Error("the home page shares a Nav with another page")
	}
	if (&Page{}).Nav("/").Home != "/" {
		t.Error("a page without a site: home is not the root")
	}
}

// TestNavAndTrailPointersFollowValues checks the kept copies Nav and
// Trail return against the values worked out afresh: one pointer for
// equal values of one site, others for other values or other sites.
func TestNavAndTrailPointersFollowValues(t *testing.T) {
	menu := []MenuEntry{{URL: "/"}, {URL: "/news/"}, {URL: "/notes/"}}
	s1, s2 := &Site{Menu: menu}, &Site{Menu: menu}
	home, news := &Page{Kind: "home", RelPermalink: "/"}, &Page{Kind: "section", RelPermalink: "/news/"}
	var pages []*Page
	for _, site := range []*Site{s1, s2, nil} {
		for _, here := range []string{"/", "/news/", "/news/a/", "/news/b/", "/notes/a/", "/x/"} {
			for _, anc := range [][]*Page{nil, {home}, {home, news}} {
				kind := "page"
				if here == "/" {
					kind = "home"
				}
				pages = append(pages, &Page{Kind: kind, RelPermalink: here, Ancestors: anc, Site: site})
			}
		}
	}
	trailOf := func(p *Page) Trail {
		tr := Trail{Site: p.Site, n: len(p.Ancestors)}
		copy(tr.pages[:], p.Ancestors)
		return tr
	}
	for _, a := range pages {
		for _, b := range pages {
			na, nb := a.Nav("/"), b.Nav("/")
			if *na != a.nav("/") {
				t.Fatalf("%s: Nav %+v, want %+v", a.RelPermalink, *na, a.nav("/"))
			}
			if same, equal := na == nb, a.nav("/") == b.nav("/") && a.Site != nil; same != equal {
				t.Errorf("%s and %s: same Nav pointer %v, equal Navs of a site %v", a.RelPermalink, b.RelPermalink, same, equal)
			}
			ta, tb := a.Trail(), b.Trail()
			if *ta != trailOf(a) {
				t.Fatalf("%s: Trail %+v, want %+v", a.RelPermalink, *ta, trailOf(a))
			}
			if same, equal := ta == tb, trailOf(a) == trailOf(b) && a.Site != nil; same != equal {
				t.Errorf("%d and %d ancestors: same Trail pointer %v, equal Trails of a site %v", len(a.Ancestors), len(b.Ancestors), same, equal)
			}
		}
	}
}

func TestTrail(t *testing.T) {
	site := &Site{}
	home, news, notes := &Page{Title: "home"}, &Page{Title: "news"}, &Page{Title: "notes"}
	page := func(ancestors ...*Page) *Page { return &Page{Ancestors: ancestors, Site: site} }
	a, b, c := page(home, news), page(home, news), page(home, notes)
	if a.Trail() != b.Trail() {
		t.Error("pages with the same ancestors have different Trails")
	}
	if a.Trail() == c.Trail() || a.Trail() == page(home).Trail() || page().Trail() == page(home).Trail() {
		t.Error("pages with other ancestors have equal Trails")
	}
	if got := a.Trail().Pages(); len(got) != 2 || got[0] != home || got[1] != news {
		t.Errorf("Pages = %v", got)
	}
	deep := make([]*Page, maxTrail+2)
	for i := range deep {
		deep[i] = &Page{}
	}
	d1, d2 := page(deep...), page(deep...)
	if d1.Trail() == d2.Trail() {
		t.Error("pages too deep to compare share a Trail")
	}
	if got := d1.Trail().Pages(); len(got) != len(deep) || got[len(deep)-1] != deep[len(deep)-1] {
		t.Errorf("deep Pages has %d pages, want %d", len(got), len(deep))
	}
}

// TestDeepTrailOnePointerPerPage wants a page with more than maxTrail
// ancestors to get one *Trail from every call, as it got one Trail value
// before Trails were pointers: a template comparing {{ eq .Trail
// $.Trail }} or keying a partial by .Trail twice on the page sees them
// equal. Pages of other sites, or other deep pages, get other pointers.
func TestDeepTrailOnePointerPerPage(t *testing.T) {
	deep := make([]*Page, maxTrail+1)
	for i := range deep {
		deep[i] = &Page{}
	}
	s1, s2 := &Site{}, &Site{}
	d1 := &Page{Ancestors: deep, Site: s1}
	d2 := &Page{Ancestors: deep, Site: s1}
	other := &Page{Ancestors: deep, Site: s2}
	if first, second := d1.Trail(), d1.Trail(); first != second {
		t.Error("two calls on one deep page return different Trails")
	}
	if first, second := d1.Trail(), d1.Trail(); *first != *second {
		t.Error("two calls on one deep page return unequal Trail values")
	}
	if d1.Trail() == d2.Trail() || d1.Trail() == other.Trail() {
		t.Error("two deep pages share a Trail")
	}
	if got := d1.Trail().Pages(); len(got) != len(deep) {
		t.Errorf("deep Pages has %d pages, want %d", len(got), len(deep))
	}
}

func TestDocumentTitle(t *testing.T) {
	site := &Site{Title: "Site", Strings: map[string]string{"anonymous_leader": "a leader", "not_found_title": "Not found"}}
	cases := []struct {
		name string
		page Page
		want string
	}{
		{"a page", Page{Kind: "page", Title: "A"}, "A – Site"},
		{"the home page", Page{Kind: "home", Title: "Home"}, "Site"},
		{"no title", Page{Kind: "section"}, "Site"},
		{"a leader by name", Page{Kind: "page", Title: "File title", Leader: &LeaderView{Name: "Li"}}, "Li – Site"},
		{"a leader without name", Page{Kind: "page", Title: "File title", Leader: &LeaderView{}}, "a leader – Site"},
		{"a filter", Page{Kind: "section", Title: "Leaders", Filter: &Filter{Label: "Empower"}}, "Empower – Site"},
		{"a filter without label", Page{Kind: "section", Title: "Leaders", Filter: &Filter{}}, "Leaders – Site"},
		{"the 404 page", Page{Kind: "404"}, "Not found – Site"},
		{"the 404 page with a title", Page{Kind: "404", Title: "Gone"}, "Gone – Site"},
	}
	for _, c := range cases {
		c.page.Site = site
		if got := c.page.DocumentTitle(); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	if got := (&Page{Kind: "page", Title: "A"}).DocumentTitle(); got != "A" {
		t.Errorf("without a site: %q, want the page's name alone", got)
	}
}

func TestBodyClass(t *testing.T) {
	cases := []struct {
		page Page
		want string
	}{
		{Page{Kind: "page", Type: "news"}, "kind-page type-news"},
		{Page{Kind: "home"}, "kind-home"},
		{Page{Kind: "section", Type: "handbook", Layout: "print"}, "kind-section type-handbook layout-print"},
		{Page{Kind: "page", Layout: "wide"}, "kind-page layout-wide"},
	}
	for _, c := range cases {
		if got := c.page.BodyClass(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.page, got, c.want)
		}
	}
}

func TestDates(t *testing.T) {
	site := &Site{Strings: map[string]string{"date_format": "2006年1月2日"}}
	day := func(d int, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, time.UTC) }
	cases := []struct {
		name          string
		date, lastmod time.Time
		want          PageDates
	}{
		{"undated", time.Time{}, time.Time{}, PageDates{}},
		{"dated", day(1, 9), time.Time{}, PageDates{Published: "2026-03-01", PublishedText: "2026年3月1日"}},
		{"changed the same day", day(1, 9), day(1, 18), PageDates{Published: "2026-03-01", PublishedText: "2026年3月1日"}},
		{"changed later", day(1, 9), day(5, 9), PageDates{Published: "2026-03-01", PublishedText: "2026年3月1日", Updated: "2026-03-05", UpdatedText: "2026年3月5日"}},
		{"changed but undated", time.Time{}, day(5, 9), PageDates{Updated: "2026-03-05", UpdatedText: "2026年3月5日"}},
	}
	for _, c := range cases {
		p := &Page{Date: c.date, Lastmod: c.lastmod, Site: site}
		if got := *p.Dates(); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}

// TestISODay compares isoDay with time.Format over days of many years,
// the years it leaves to Format included.
func TestISODay(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("CST", 8*3600), time.FixedZone("W", -11*3600)}
	years := []int{-1, 0, 1, 9, 10, 99, 100, 999, 1000, 1969, 1970, 2026, 9999, 10000}
	for _, y := range years {
		for _, loc := range zones {
			for day := time.Date(y, 1, 1, 0, 0, 0, 0, loc); day.Year() == y; day = day.AddDate(0, 0, 1) {
				tm := day.Add(23*time.Hour + 59*time.Minute)
				if got, want := isoDay(tm), tm.Format("2006-01-02"); got != want {
					t.Fatalf("isoDay(%v) = %q, want %q", tm, got, want)
				}
			}
		}
	}
	if got := isoDay(time.Time{}); got != "0001-01-01" {
		t.Errorf("isoDay(zero) = %q", got)
	}
}

func TestActivityClock(t *testing.T) {
	for start, want := range map[int]string{0: "0:00", 5: "0:05", 60: "1:00", 75: "1:15", 600: "10:00"} {
		if got := (Activity{Start: start}).Clock(); got != want {
			t.Errorf("Clock(%d) = %q, want %q", start, got, want)
		}
	}
}
