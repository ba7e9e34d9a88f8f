package render_test

import (
	"fmt"
	"html/template"
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sineng/sineng/generator/layout"
	"github.com/sineng/sineng/generator/render"
	"github.com/sineng/sineng/themes"
)

// The views' formatting methods replace template code of the default
// theme; these tests run that template code next to the methods and want
// the same bytes.

// outcomeSummaryBefore is partials/outcome-summary.html as it was before
// ProjectView.OutcomeSummary, working the figures out in the template.
const outcomeSummaryBefore = `{{- $n := 0 }}{{ $reached := 0 }}{{ $sum := 0.0 }}
{{- range .project.Outcomes }}
{{- if .Measured }}
{{- $n = add $n 1 }}
{{- $sum = add $sum (percent .Progress 1) }}
{{- if ge .Progress 1.0 }}{{ $reached = add $reached 1 }}{{ end }}
{{- end }}
{{- end }}
{{- if gt $n 0 }}
<span class="outcome-summary">{{ .page.T "targets_reached" $reached (len .project.Outcomes) }} {{ template "partials/progress-bar.html" (div $sum (mul $n 100.0)) }}</span>
{{- else if .project.Outcomes }}
<span class="outcome-summary not-given">{{ .page.T "not_measured" }}</span>
{{- end -}}`

// themeWith loads the default theme with extra shortcodes that call its
// partials, so a test can execute a partial with any dot.
func themeWith(t *testing.T) *layout.Set {
	t.Helper()
	set, err := layout.Load(layout.Options{Theme: themes.Default(), ThemeName: "themes/default", SiteLayouts: fstest.MapFS{
		"shortcodes/number.html":         {Data: []byte(`{{ template "partials/number.html" . }}`)},
		"shortcodes/progress-bar.html":   {Data: []byte(`{{ template "partials/progress-bar.html" . }}`)},
		"shortcodes/progress.html":       {Data: []byte(`{{ template "partials/progress.html" . }}`)},
		"shortcodes/summary-before.html": {Data: []byte(outcomeSummaryBefore)},
		"shortcodes/summary.html":        {Data: []byte(`{{ template "partials/outcome-summary.html" . }}`)},
		"shortcodes/embed.html":          {Data: []byte(`{{ template "partials/embed-content.html" . }}`)},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func shortcode(t *testing.T, set *layout.Set, name string, data any) (string, error) {
	t.Helper()
	return set.Shortcode(name, data)
}

func TestNumberTextsMatchTheTheme(t *testing.T) {
	set := themeWith(t)
	for _, x := range []float64{0, 1, -1, 12, 1234, -1234, 1234567, 2.5, 0.125, 0.005, -0.001, 999.995, 1234567.891,
		-1234.5678, 1e15, 2.5e-7, 1e19, -1e19, math.NaN(), math.Inf(1), 9.223372036854775807e18} {
		want, werr := shortcode(t, set, "number", x)
		for name, got := range map[string]func() (string, error){
			"QuantityText": render.BudgetLine{Quantity: x}.QuantityText,
			"BaselineText": render.Outcome{Baseline: x}.BaselineText,
			"TargetText":   render.Outcome{Target: x}.TargetText,
			"ActualText":   render.Outcome{Actual: x}.ActualText,
		} {
			g, gerr := got()
			if (werr != nil) != (gerr != nil) || werr == nil && g != want {
				t.Errorf("%s(%v) = %q, %v; number.html gives %q, %v", name, x, g, gerr, want, werr)
			}
		}
	}
}

func TestProgressBarMatchesTheTheme(t *testing.T) {
	set := themeWith(t)
	for _, x := range []float64{0, 0.5, 1, 1.2, -0.1, 1.0 / 3, 0.999, 0.9999, 2.5, 0.004, 0.005, 0.12345, 1234.5} {
		want, err := shortcode(t, set, "progress-bar", x)
		if err != nil {
			t.Fatal(err)
		}
		got, err := shortcode(t, set, "progress", render.NewProgressBar(x))
		if err != nil || got != want {
			t.Errorf("share %v:\n got %q, %v\nwant %q", x, got, err, want)
		}
		if got, err := shortcode(t, set, "progress", render.Outcome{Progress: x}.ProgressBar()); err != nil || got != want {
			t.Errorf("Outcome.ProgressBar %v: %q, %v", x, got, err)
		}
	}
}

func TestOutcomeSummaryMatchesTheTheme(t *testing.T) {
	set := themeWith(t)
	site := &render.Site{Strings: map[string]string{"targets_reached": "%d of %d targets reached", "not_measured": "not measured"}}
	m := func(p float64) render.Outcome { return render.Outcome{Measured: true, Progress: p} }
	cases := [][]render.Outcome{
		nil,
		{{}, {}},
		{m(1)},
		{m(0.5), {}, m(1.25)},
		{m(0.1), m(0.2), m(0.3)},
		{m(1.0 / 3), m(2.0 / 3), m(0.999), m(-0.2)},
	}
	for i, outcomes := range cases {
		data := map[string]any{"project": &render.ProjectView{Outcomes: outcomes}, "page": site}
		want, err := shortcode(t, set, "summary-before", data)
		if err != nil {
			t.Fatal(err)
		}
		got, err := shortcode(t, set, "summary", data)
		if err != nil || got != want {
			t.Errorf("case %d:\n got %q, %v\nwant %q", i, got, err, want)
		}
	}
}

func TestEmbedMatchesTheTheme(t *testing.T) {
	set := themeWith(t)
	content := template.HTML(`<h1 id="t">T</h1><h2 id="a">A <a href="#b">b</a></h2><p>x</p><h3 id="b">B</h3><h4>C</h4><h5>D</h5><h6>E</h6><sup id="fnref:1"><a href="#fn:1">1</a></sup>`)
	for _, prefix := range []string{"", "session-x"} {
		for shift := range 6 {
			want, err := shortcode(t, set, "embed", map[string]any{"html": content, "prefix": prefix, "shift": shift})
			if err != nil {
				t.Fatal(err)
			}
			if got := string((&render.Page{Content: content}).Embed(prefix, shift)); got != want {
				t.Errorf("prefix %q shift %d:\n got %s\nwant %s", prefix, shift, got, want)
			}
		}
	}
}

// TestKeyedPartialsPrintTheirKeysOnly renders a list page of the bench site,
// then a copy with its own title and URL, and wants the copy's output to be
// the same whether the keyed partials' outputs were kept from the first
// list or made afresh: a keyed partial that printed something its keys do
// not determine would show the first list's value.
func TestKeyedPartialsPrintTheirKeysOnly(t *testing.T) {
	s := loadBenchSite(t)
	var first, second strings.Builder
	s.execute(t, &first, s.list)
	other := *s.list
	other.Title, other.RelPermalink = "Another list", "/other/"
	s.execute(t, &second, &other)
	if !strings.Contains(second.String(), "<h1>Another list</h1>") {
		t.Fatalf("the second list does not show its own fields:\n%s", second.String())
	}
	for _, shared := range []string{`<article class="summary">`, `<nav class="site-nav"`, `<footer class="site-footer">`} {
		if strings.Count(first.String(), shared) != strings.Count(second.String(), shared) {
			t.Errorf("%s appears %d times, then %d times", shared, strings.Count(first.String(), shared), strings.Count(second.String(), shared))
		}
	}
	fresh := loadBenchSite(t)
	var again strings.Builder
	fresh.execute(t, &again, &other)
	if again.String() != second.String() {
		t.Errorf("a list rendered after another list differs from one rendered first:\n%s", firstDiff(again.String(), second.String()))
	}
}

// firstDiff shows where two texts start to differ.
func firstDiff(a, b string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprintf("at byte %d: %q vs %q", i, a[i:min(len(a), i+80)], b[i:min(len(b), i+80)])
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(a), len(b))
}
