package site

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/corpus"
	"github.com/sineng/sineng/generator/frontmatter"
)

// source is a program page as the test reads it from its file, without the
// generator's program package.
type source struct {
	url  string
	data map[string]any
}

func readSources(t *testing.T, src string, files []string) map[string]source {
	t.Helper()
	out := map[string]source{}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(src, "content", filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		m, _, err := frontmatter.Parse(f, data)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = source{url: "/" + filepath.ToSlash(filepath.Dir(expectedOutput(f))) + "/", data: m.Data}
	}
	return out
}

func strList(v any) []string {
	l, _ := v.([]any)
	var out []string
	for _, e := range l {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func num(v any) float64 {
	switch n := v.(type) {
	case int64:
		return float64(n)
	case float64:
		return n
	}
	return 0
}

var hrefRE = regexp.MustCompile(`href="([^"]+)"`)

// evidenceLinks returns the program links of a portfolio's evidence section.
func evidenceLinks(page string) []string {
	i := strings.Index(page, `<section class="evidence">`)
	if i < 0 {
		return nil
	}
	sec := page[i:]
	if j := strings.Index(sec, "</section>"); j >= 0 {
		sec = sec[:j]
	}
	seen := map[string]bool{}
	var out []string
	for _, m := range hrefRE.FindAllStringSubmatch(sec, -1) {
		u := m[1]
		for _, p := range []string{"/curricula/", "/projects/", "/exchange/", "/cases/"} {
			if strings.HasPrefix(u, p) && !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	sort.Strings(out)
	return out
}

func TestProgramPagesAgreeWithSources(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated 1,000-page site")
	}
	dir := scratchDir(t)
	src := filepath.Join(dir, "site")
	sum, err := corpus.Generate(src, corpus.Options{Pages: 1000, Seed: 11})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := build(t, src, Options{Out: filepath.Join(dir, "out"), Audience: audience.Team, AudienceSet: true, Drafts: true, Future: true})
	sources := readSources(t, src, sum.Expected)

	// Evidence: every page naming a leader, and nothing else.
	want := map[string][]string{} // leader id → URLs of pages naming them
	leaders := map[string]string{}
	for f, s := range sources {
		switch {
		case strings.HasPrefix(f, "leaders/") && strings.HasSuffix(f, "/index.md"):
			leaders[filepath.Base(filepath.Dir(f))] = f
		case strings.HasPrefix(f, "curricula/") && !strings.HasSuffix(f, "_index.md"):
			for _, id := range strList(s.data["attendees"]) {
				want[id] = append(want[id], s.url)
			}
		case strings.HasPrefix(f, "projects/") && !strings.HasSuffix(f, "_index.md"),
			strings.HasPrefix(f, "exchange/") && !strings.HasSuffix(f, "_index.md"):
			for _, id := range strList(s.data["leaders"]) {
				want[id] = append(want[id], s.url)
			}
		case strings.HasPrefix(f, "cases/") && !strings.HasSuffix(f, "_index.md"):
			if id, ok := s.data["leader"].(string); ok {
				want[id] = append(want[id], s.url)
			}
		}
	}
	if len(leaders) < 20 {
		t.Fatalf("only %d leaders", len(leaders))
	}
	for id := range leaders {
		page, err := os.ReadFile(filepath.Join(out, "leaders", id, "index.html"))
		if err != nil {
			t.Errorf("leader %s: no portfolio", id)
			continue
		}
		w := append([]string(nil), want[id]...)
		sort.Strings(w)
		w = uniq(w)
		got := evidenceLinks(string(page))
		if strings.Join(got, " ") != strings.Join(w, " ") {
			t.Errorf("leader %s: evidence\n got  %v\n want %v", id, got, w)
		}
	}

	// Projects: the JSON export agrees with the budgets in the files.
	data, err := os.ReadFile(filepath.Join(out, "showcase", "projects.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Projects []struct {
			URL         string   `json:"url"`
			Status      string   `json:"status"`
			Leaders     []string `json:"leaders"`
			Requested   float64  `json:"requested"`
			BudgetTotal float64  `json:"budget_total"`
		} `json:"projects"`
	}
	if err := json.Unmarshal(data, &exp); err != nil {
		t.Fatal(err)
	}
	byURL := map[string]int{}
	for i, p := range exp.Projects {
		byURL[strings.TrimPrefix(p.URL, "https://example.org")] = i
	}
	projects := 0
	for f, s := range sources {
		if !strings.HasPrefix(f, "projects/") || strings.HasSuffix(f, "_index.md") {
			continue
		}
		projects++
		i, ok := byURL[s.url]
		if !ok {
			t.Errorf("%s: not in projects.json", f)
			continue
		}
		p := exp.Projects[i]
		total, requested, anySource := 0.0, 0.0, false
		lines, _ := s.data["budget"].([]any)
		for _, l := range lines {
			m := l.(map[string]any)
			line := num(m["quantity"]) * num(m["unit_cost"])
			total += line
			if src, ok := m["source"].(string); ok {
				anySource = true
				if src == "requested" {
					requested += line
				}
			}
		}
		if !anySource {
			requested = total
		}
		if math.Abs(p.BudgetTotal-total) > 0.005 || math.Abs(p.Requested-requested) > 0.005 {
			t.Errorf("%s: export total %.2f requested %.2f, source %.2f and %.2f", f, p.BudgetTotal, p.Requested, total, requested)
		}
		if len(p.Leaders) != len(strList(s.data["leaders"])) {
			t.Errorf("%s: %d leaders exported, %d in the file", f, len(p.Leaders), len(strList(s.data["leaders"])))
		}
		if st, _ := s.data["status"].(string); st != "" && st != p.Status {
			t.Errorf("%s: status %q exported as %q", f, st, p.Status)
		}
	}
	if projects != len(exp.Projects) {
		t.Errorf("%d projects in the files, %d exported", projects, len(exp.Projects))
	}

	// Sessions: each plan shows its attendees, linked to their portfolios,
	// and its activity minutes.
	for f, s := range sources {
		if !strings.HasPrefix(f, "curricula/") || strings.HasSuffix(f, "_index.md") {
			continue
		}
		page, err := os.ReadFile(filepath.Join(out, expectedOutput(f)))
		if err != nil {
			t.Errorf("%s: no page", f)
			continue
		}
		for _, id := range strList(s.data["attendees"]) {
			if !strings.Contains(string(page), fmt.Sprintf(`href="/leaders/%s/"`, id)) {
				t.Errorf("%s: attendee %s not linked", f, id)
			}
		}
	}
}

func uniq(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
