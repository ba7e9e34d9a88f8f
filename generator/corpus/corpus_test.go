package corpus

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// readTree returns every file under dir by slash path relative to dir.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGenerateIsDeterministic(t *testing.T) {
	opts := Options{Pages: 200, Seed: 42, Markers: true}
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if _, err := Generate(dir, opts); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("trees differ in size: %d vs %d files", len(ta), len(tb))
	}
	for p, data := range ta {
		if !bytes.Equal(data, tb[p]) {
			t.Errorf("%s differs between two runs with the same seed", p)
		}
	}
	opts.Seed = 43
	if _, err := Generate(c, opts); err != nil {
		t.Fatal(err)
	}
	tc := readTree(t, c)
	if bytes.Equal(ta["content/projects/project-0001.md"], tc["content/projects/project-0001.md"]) {
		t.Error("a different seed gave the same project page")
	}
}

func TestGenerateRejectsNoPages(t *testing.T) {
	if _, err := Generate(t.TempDir(), Options{}); err == nil {
		t.Fatal("Generate with Pages 0 succeeded")
	}
}

// kindOf classifies a content-relative page path as the generator does.
func kindOf(p string) string {
	if path.Base(p) == "_index.md" {
		return "section"
	}
	top, _, _ := strings.Cut(p, "/")
	switch top {
	case "leaders", "cases", "curricula", "projects", "exchange":
		return top
	}
	return "plain"
}

func TestGenerateCounts(t *testing.T) {
	tests := []struct {
		pages   int
		markers bool
	}{
		{1, false},
		{40, true},
		{200, false},
		{500, true},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.pages), func(t *testing.T) {
			dir := t.TempDir()
			sum, err := Generate(dir, Options{Pages: tt.pages, Seed: 1, Markers: tt.markers})
			if err != nil {
				t.Fatal(err)
			}
			files := readTree(t, dir)
			if sum.Files != len(files) {
				t.Errorf("Summary.Files = %d, wrote %d", sum.Files, len(files))
			}
			var pages []string
			count := map[string]int{}
			for p := range files {
				if rel, ok := strings.CutPrefix(p, "content/"); ok && strings.HasSuffix(p, ".md") {
					pages = append(pages, rel)
					count[kindOf(rel)]++
				}
			}
			slices.Sort(pages)
			if !slices.Equal(pages, sum.Expected) {
				t.Errorf("Expected lists %d pages, content/ holds %d", len(sum.Expected), len(pages))
			}
			got := map[string]int{"leaders": sum.Leaders, "cases": sum.Cases, "curricula": sum.Sessions,
				"projects": sum.Projects, "exchange": sum.Exchange, "plain": sum.Plain}
			for k, n := range got {
				if count[k] != n {
					t.Errorf("summary says %d %s, found %d", n, k, count[k])
				}
			}
			if _, ok := files["site.toml"]; !ok {
				t.Error("no site.toml")
			}
			if _, ok := files[MarkersFile]; ok != tt.markers {
				t.Errorf("markers.txt written = %v, want %v", ok, tt.markers)
			}
			if tt.pages >= 200 {
				if n := len(sum.Expected); n < tt.pages*9/10 || n > tt.pages*11/10 {
					t.Errorf("%d pages for -pages %d", n, tt.pages)
				}
				want := map[string]float64{"leaders": 0.06, "cases": 0.10, "curricula": 0.20, "projects": 0.10, "exchange": 0.10}
				for k, share := range want {
					if exp := int(share*float64(tt.pages) + 0.5); count[k] != exp {
						t.Errorf("%d %s, want %d", count[k], k, exp)
					}
				}
			}
		})
	}
}

// page is one parsed corpus page.
type page struct {
	path  string // content-relative
	raw   string
	fm    map[string]any
	fmRaw string
	body  string
	yaml  bool
}

// parsePage splits and decodes a page; YAML front matter is read line by line.
func parsePage(t *testing.T, p string, data []byte) page {
	t.Helper()
	s := string(data)
	pg := page{path: p, raw: s, fm: map[string]any{}}
	fence := "+++"
	if strings.HasPrefix(s, "---\n") {
		fence, pg.yaml = "---", true
	} else if !strings.HasPrefix(s, "+++\n") {
		t.Fatalf("%s: no front matter", p)
	}
	end := strings.Index(s[4:], "\n"+fence+"\n")
	if end < 0 {
		t.Fatalf("%s: front matter not closed", p)
	}
	pg.fmRaw = s[4 : 4+end+1]
	pg.body = s[4+end+len(fence)+2:]
	if pg.yaml {
		for _, line := range strings.Split(pg.fmRaw, "\n") {
			if k, v, ok := strings.Cut(line, ": "); ok {
				pg.fm[k] = strings.Trim(v, `"`)
			}
		}
		if pg.fm["draft"] == "true" {
			pg.fm["draft"] = true
		}
		return pg
	}
	if _, err := toml.Decode(pg.fmRaw, &pg.fm); err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	return pg
}

func rank(a string) int { return map[string]int{"public": 0, "funders": 1, "team": 2}[a] }

func table(m map[string]any, k string) map[string]any {
	v, _ := m[k].(map[string]any)
	return v
}

func tables(m map[string]any, k string) []map[string]any {
	v, _ := m[k].([]map[string]any)
	return v
}

func strList(v any) []string {
	var out []string
	switch l := v.(type) {
	case []any:
		for _, x := range l {
			out = append(out, x.(string))
		}
	case []string:
		out = l
	}
	return out
}

// audienceOf applies the content model's audience rules.
func audienceOf(pg page) string {
	a, _ := pg.fm["audience"].(string)
	if a == "" {
		a = "public"
	}
	if kindOf(pg.path) == "section" {
		return a
	}
	consent := table(pg.fm, "consent")
	publish, _ := consent["publish"].(bool)
	switch kindOf(pg.path) {
	case "leaders":
		if !publish || consent["withdrawn"] != nil {
			return "team"
		}
	case "cases":
		if !publish || table(pg.fm, "disguise")["reviewed_by"] == nil {
			return "team"
		}
		if pg.fm["audience"] != "public" {
			return "funders"
		}
	}
	return a
}

func money(t *testing.T, where string, v any) int {
	t.Helper()
	switch n := v.(type) {
	case int64:
		return int(n) * 100
	case float64:
		return int(n*100 + 0.5)
	}
	t.Fatalf("%s: amount %v (%T) is not a number", where, v, v)
	return 0
}

func minutesOf(t *testing.T, where, d string) int {
	t.Helper()
	if h, ok := strings.CutSuffix(d, "h"); ok {
		n, err := strconv.Atoi(h)
		if err == nil {
			return n * 60
		}
	}
	n, err := strconv.Atoi(strings.TrimSuffix(d, "m"))
	if err != nil {
		t.Fatalf("%s: duration %q", where, d)
	}
	return n
}

var (
	linkRE   = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	markerRE = regexp.MustCompile(`LEAKMARK-(team|funders)-\d{6}`)
)

// TestCorpusFollowsContentModel checks a generated corpus against the rules
// of the content model that the generator promises to keep.
func TestCorpusFollowsContentModel(t *testing.T) {
	dir := t.TempDir()
	if _, err := Generate(dir, Options{Pages: 300, Seed: 9, Markers: true}); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, dir)
	pages := map[string]page{}
	for p, data := range files {
		if rel, ok := strings.CutPrefix(p, "content/"); ok && strings.HasSuffix(p, ".md") {
			pages[rel] = parsePage(t, rel, data)
		}
	}
	markerAud := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(files[MarkersFile])), "\n") {
		m, a, _ := strings.Cut(line, " ")
		markerAud[m] = a
	}
	leaders := map[string]page{}
	for p, pg := range pages {
		if kindOf(p) == "leaders" {
			id := path.Base(path.Dir(p))
			if v, ok := pg.fm["id"]; ok && v != id {
				t.Errorf("%s: id %v differs from its folder", p, v)
			}
			leaders[id] = pg
		}
	}
	seen := map[string]bool{}
	yamlPages, consentShapes := 0, map[string]int{}
	for p, pg := range pages {
		aud := audienceOf(pg)
		draft, _ := pg.fm["draft"].(bool)
		if pg.yaml {
			yamlPages++
		}
		if k := kindOf(p); k != "section" && k != "cases" && (len(pg.body) < 2<<10 || len(pg.raw) > 9<<10) {
			t.Errorf("%s: body %d bytes, file %d bytes", p, len(pg.body), len(pg.raw))
		}

		// Links resolve, and never point above the page's audience or at a draft.
		for _, m := range linkRE.FindAllStringSubmatch(pg.body, -1) {
			target := path.Join(path.Dir(p), m[1])
			tp, ok := pages[target]
			if !ok {
				t.Errorf("%s: link %s: no such page", p, m[1])
				continue
			}
			if rank(audienceOf(tp)) > rank(aud) {
				t.Errorf("%s (%s) links to %s (%s)", p, aud, target, audienceOf(tp))
			}
			if d, _ := tp.fm["draft"].(bool); d && !draft {
				t.Errorf("%s links to draft %s", p, target)
			}
		}

		// Leader references name existing leaders.
		refs := append(strList(pg.fm["attendees"]), strList(pg.fm["leaders"])...)
		if l, ok := pg.fm["leader"].(string); ok {
			refs = append(refs, l)
		}
		for _, id := range refs {
			if _, ok := leaders[id]; !ok {
				t.Errorf("%s: unknown leader %q", p, id)
			}
		}

		// Markers sit only where their audience may look.
		for _, m := range markerRE.FindAllString(pg.raw, -1) {
			seen[m] = true
			if markerAud[m] == "" {
				t.Errorf("%s: marker %s missing from markers.txt", p, m)
			}
			if rank(markerAud[m]) > rank(aud) && !(kindOf(p) == "leaders" && !strings.Contains(pg.body, m)) {
				t.Errorf("%s (%s) holds %s marker %s", p, aud, markerAud[m], m)
			}
		}
		if aud != "public" {
			if !markerRE.MatchString(pg.fm["title"].(string)) {
				t.Errorf("%s (%s): title %q has no marker", p, aud, pg.fm["title"])
			}
		}

		switch kindOf(p) {
		case "leaders":
			consent := table(pg.fm, "consent")
			scope := strList(consent["scope"])
			shape := "none"
			if consent["publish"] == true {
				shape = "publish"
				if consent["date"] == nil {
					t.Errorf("%s: published without consent.date", p)
				}
				if !slices.Contains(scope, "name") {
					shape = "pseudonym"
					if pg.fm["pseudonym"] == nil {
						t.Errorf("%s: no name in scope and no pseudonym", p)
					}
				}
				if consent["withdrawn"] != nil {
					shape = "withdrawn"
				}
			}
			consentShapes[shape]++
			if aud == "public" {
				title := pg.fm["title"].(string)
				if markerRE.MatchString(title) == slices.Contains(scope, "name") {
					t.Errorf("%s: title marker does not match name scope %v", p, scope)
				}
			}
			if ph, ok := pg.fm["photo"].(string); ok {
				if _, ok := files["content/"+path.Dir(p)+"/"+ph]; !ok {
					t.Errorf("%s: photo %s missing", p, ph)
				}
			}
		case "curricula":
			total := 0
			for _, a := range tables(pg.fm, "activities") {
				total += int(a["minutes"].(int64))
			}
			if d := minutesOf(t, p, pg.fm["duration"].(string)); total > d || total == 0 {
				t.Errorf("%s: activities take %d of %d minutes", p, total, d)
			}
		case "projects":
			lines := tables(pg.fm, "budget")
			anySource := false
			for _, l := range lines {
				anySource = anySource || l["source"] != nil
			}
			sum := 0
			for i, l := range lines {
				where := p + " budget " + strconv.Itoa(i)
				line := int(l["quantity"].(int64)) * money(t, where, l["unit_cost"])
				if tot, ok := l["total"]; ok && money(t, where, tot) != line {
					t.Errorf("%s: total %v is not quantity x unit_cost", where, tot)
				}
				if !anySource || l["source"] == "requested" {
					sum += line
				}
			}
			if req := money(t, p, table(pg.fm, "funding")["requested"]); req != sum {
				t.Errorf("%s: funding.requested %d fen, requested lines sum to %d", p, req, sum)
			}
		}
	}
	for m := range markerAud {
		if !seen[m] {
			t.Errorf("marker %s is in markers.txt but in no page", m)
		}
	}
	if yamlPages == 0 {
		t.Error("no page uses YAML front matter")
	}
	for _, shape := range []string{"publish", "pseudonym", "none", "withdrawn"} {
		if consentShapes[shape] == 0 {
			t.Errorf("no leader with consent shape %q (got %v)", shape, consentShapes)
		}
	}
}

func TestRelLink(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"notes/2023/a.md", "projects/x.md", "../../projects/x.md"},
		{"projects/a.md", "projects/x.md", "x.md"},
		{"_index.md", "projects/x.md", "projects/x.md"},
		{"leaders/leader-0001/index.md", "leaders/leader-0002/index.md", "../leader-0002/index.md"},
		{"curricula/empower/a.md", "curricula/transmit/b.md", "../transmit/b.md"},
		{"projects/a.md", "_index.md", "../_index.md"},
	}
	for _, tt := range tests {
		if got := relLink(tt.from, tt.to); got != tt.want {
			t.Errorf("relLink(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
		if got := path.Join(path.Dir(tt.from), relLink(tt.from, tt.to)); got != tt.to {
			t.Errorf("link from %q resolves to %q, want %q", tt.from, got, tt.to)
		}
	}
}

func TestFormatMoney(t *testing.T) {
	tests := []struct {
		fen  int
		want string
	}{
		{0, "0"}, {100, "1"}, {123450, "1234.5"}, {1205, "12.05"}, {99, "0.99"}, {1000050, "10000.5"},
	}
	for _, tt := range tests {
		if got := formatMoney(tt.fen); got != tt.want {
			t.Errorf("formatMoney(%d) = %q, want %q", tt.fen, got, tt.want)
		}
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"社区", `"社区"`},
		{`say "hi"`, `"say \"hi\""`},
		{`a\b`, `"a\\b"`},
	}
	for _, tt := range tests {
		if got := quote(tt.in); got != tt.want {
			t.Errorf("quote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	for b.Loop() {
		if _, err := Generate(b.TempDir(), Options{Pages: 1000, Seed: 1, Markers: true}); err != nil {
			b.Fatal(err)
		}
	}
}
