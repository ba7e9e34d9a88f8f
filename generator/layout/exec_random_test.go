package layout

import (
	"html/template"
	"math/rand/v2"
	"strings"
	"testing"
)

// randomValue makes a value of one of the shapes templates meet: nil,
// numbers of several kinds, text, typed HTML, lists, maps, structs and
// nil pointers, nested up to depth.
func randomValue(r *rand.Rand, depth int) any {
	n := 16
	if depth <= 0 {
		n = 8
	}
	switch r.IntN(n) {
	case 0:
		return nil
	case 1:
		return r.IntN(5) - 2
	case 2:
		return uint8(r.IntN(4))
	case 3:
		return float64(r.IntN(7))/2 - 1
	case 4:
		return []string{"", "a", "b", "<b>", "a&b", "1"}[r.IntN(6)]
	case 5:
		return r.IntN(2) == 0
	case 6:
		return template.HTML([]string{"<i>x</i>", "", "a"}[r.IntN(3)])
	case 7:
		return xStringer{s: "s"}
	case 8:
		l := make([]any, r.IntN(3))
		for i := range l {
			l[i] = randomValue(r, depth-1)
		}
		return l
	case 9:
		m := map[string]any{}
		for _, k := range []string{"a", "b", "Name"}[:r.IntN(4)] {
			m[k] = randomValue(r, depth-1)
		}
		return m
	case 10:
		m := map[int]string{}
		for i := range r.IntN(3) {
			m[i*7%5-2] = "v"
		}
		return m
	case 11:
		return []string{"x", "y"}[:r.IntN(3)]
	case 12:
		u := &xUser{Name: []string{"", "n"}[r.IntN(2)], Age: r.IntN(3)}
		if r.IntN(2) == 0 {
			u.Next = &xUser{Name: "next"}
		}
		return u
	case 13:
		return (*xUser)(nil)
	case 14:
		return int64(r.IntN(3))
	default:
		return [2]int{r.IntN(2), 1}
	}
}

// TestCompiledMatchesInterpretedRandom runs a few templates over random
// data with both executors (compiled with html/template's escapers and
// with htmlesc's) and wants the same outcome every time.
func TestCompiledMatchesInterpretedRandom(t *testing.T) {
	pages := []string{
		`{{ if .A }}{{ .A }}{{ else }}-{{ end }}|{{ with .B }}{{ . }}{{ end }}|{{ and .A .B }}|{{ or .A .B }}|{{ not .A }}|{{ printf "%v %T" .A .B }}|{{ .A | print }}|<a title="{{ .A }}" href="{{ .B }}" data-x={{ .A }}>`,
		`{{ eq .A .B }}|{{ ne .A .B }}`,
		`{{ lt .A .B }}|{{ le .A .B }}|{{ gt .A .B }}|{{ ge .A .B }}`,
		`{{ eq .A 1 .B nil }}`,
		`{{ range $i, $v := .A }}{{ $i }}={{ $v }};{{ else }}empty{{ end }}|{{ len .A }}|{{ index .A 0 }}`,
		`{{ .A.Name }}|{{ .A.Next.Name }}`,
		`{{ .A.a }}|{{ default .B .A }}`,
		`{{ string .A }}|{{ upper .B }}`,
		`{{ in .A .B }}`,
		`{{ add .A .B }}|{{ mul .A 2 }}`,
		`<script>var a = {{ .A }}, b = "{{ .B }}";</script><style>p{x:{{ .A }}}</style><a href="/{{ .A }}?q={{ .B }}">{{ slice .A .B }}</a>`,
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i, page := range pages {
		opts := Options{SiteLayouts: mapFS(map[string]string{"_default/single.html": page})}
		p := loadPair(t, opts)
		// The same executions with htmlesc's escapers, which builds use.
		q := loadBuildPair(t, opts)
		succeeded := 0
		for n := 0; n < 500; n++ {
			data := map[string]any{"A": randomValue(r, 2), "B": randomValue(r, 2)}
			if r.IntN(3) == 0 {
				data["B"] = data["A"]
			}
			want := executePage(p.interp, "page", data)
			if want.err == nil {
				succeeded++
			}
			for _, comp := range []*Set{p.comp, q.comp} {
				if got := executePage(comp, "page", data); !want.same(got) {
					t.Errorf("page %d, A=%#v B=%#v:\ncompiled:    %s\ninterpreted: %s", i, data["A"], data["B"], got, want)
				}
			}
		}
		if status := pageStatus(p.comp, "page"); !strings.HasPrefix(status, "compiled") || succeeded < 10 {
			t.Errorf("page %d: %s, %d of 500 executions succeeded", i, status, succeeded)
		}
	}
}
