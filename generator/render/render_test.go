package render

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

func TestRSSIsWellFormedAndEscaped(t *testing.T) {
	d := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	data := RSS("A & B", "https://x.org/", "https://x.org/index.xml", "desc <b>", "zh-Hans", []FeedItem{
		{Title: "电梯 <1>", Link: "https://x.org/p/", Date: d, Description: "a & b"},
	})
	var doc struct {
		Channel struct {
			Title string `xml:"title"`
			Items []struct {
				Title string `xml:"title"`
				GUID  string `xml:"guid"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, data)
	}
	if doc.Channel.Title != "A & B" || len(doc.Channel.Items) != 1 || doc.Channel.Items[0].Title != "电梯 <1>" {
		t.Errorf("decoded %+v", doc)
	}
	if !strings.Contains(string(data), "Sun, 01 Mar 2026") {
		t.Error("pubDate not RFC 1123")
	}
}

func TestSitemapAndRobots(t *testing.T) {
	data := Sitemap([]SitemapEntry{{Loc: "https://x.org/a?b&c"}, {Loc: "https://x.org/", Lastmod: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}})
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(data, &set); err != nil {
		t.Fatal(err)
	}
	if len(set.URLs) != 2 || set.URLs[0].Loc != "https://x.org/a?b&c" || set.URLs[1].Lastmod != "2026-01-02" {
		t.Errorf("sitemap %+v", set)
	}
	if r := string(Robots("https://x.org/sitemap.xml", false)); !strings.Contains(r, "Sitemap: https://x.org/sitemap.xml") || strings.Contains(r, "Disallow") {
		t.Errorf("public robots: %q", r)
	}
	if r := string(Robots("https://x.org/sitemap.xml", true)); !strings.Contains(r, "Disallow: /") || strings.Contains(r, "Sitemap") {
		t.Errorf("team robots: %q", r)
	}
}

func TestAliasRedirects(t *testing.T) {
	data, err := Alias("https://x.org/new/?a=1&b=2", "New <page>", "zh-Hans")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, want := range []string{`<html lang="zh-Hans">`, `url=https://x.org/new/?a=1&amp;b=2`, `<link rel="canonical" href="https://x.org/new/?a=1&amp;b=2">`, "New &lt;page&gt;"} {
		if !strings.Contains(s, want) {
			t.Errorf("alias lacks %q:\n%s", want, s)
		}
	}
}

func TestProjectExportsAgree(t *testing.T) {
	p := &ProjectView{
		Page: &Page{Title: "加装电梯, phase 1", Permalink: "https://x.org/projects/elevator/"}, Status: "delivering",
		Scheme: "public-welfare-venture", Leaders: []LeaderRef{{Name: "周桂兰"}, {Name: "楼长A"}}, Beneficiaries: 230,
		Currency: "CNY", Requested: Amount{Value: 19400, Set: true}, Awarded: Amount{Value: 19400, Set: true},
		Matched: Amount{Value: 900, Set: true}, MatchedShare: 0.04433, BudgetTotal: Amount{Value: 22700, Set: true},
		Outcomes: []Outcome{{Indicator: "households", Target: 36, Actual: 20, Measured: true, Progress: 0.5555}},
	}
	recs := ProjectRecords([]*ProjectView{p})
	js, err := ProjectsJSON(recs)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Projects []ProjectRecord }
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatal(err)
	}
	c, err := ProjectsCSV(recs)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(c))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || len(doc.Projects) != 1 {
		t.Fatalf("%d csv rows, %d json projects", len(rows), len(doc.Projects))
	}
	j := doc.Projects[0]
	row := map[string]string{}
	for i, h := range rows[0] {
		row[h] = rows[1][i]
	}
	if row["title"] != j.Title || row["requested"] != "19400" || j.Requested != 19400 || row["leaders"] != "周桂兰; 楼长A" ||
		row["matched_share"] != "0.0443" || *j.Awarded != 19400 || *j.Outcomes[0].Actual != 20 {
		t.Errorf("exports disagree: csv %v json %+v", row, j)
	}
}
