package layout

import (
	"fmt"
	"strings"
	"testing"
)

// Receivers of six types for one field site, more than it remembers
// (maxSiteTypes): a struct field, a method on the value and on the
// pointer, a map key.
type (
	siteA struct{ Name string }
	siteB struct{ Name, Extra string }
	siteC struct{ n int }
	siteD struct{ n int }
)

func (c siteC) Name() string  { return fmt.Sprintf("c%d", c.n) }
func (d *siteD) Name() string { return fmt.Sprintf("d%d", d.n) }

// TestFieldSiteManyTypes runs one field site over receivers of more
// types than it remembers, in changing orders, so that its entries are
// dropped and found again, and wants html/template's output.
func TestFieldSiteManyTypes(t *testing.T) {
	opts := Options{SiteLayouts: mapFS(map[string]string{
		"_default/single.html": `{{ range . }}[{{ .Name }}]{{ with .Name }}({{ . }}){{ end }}{{ end }}`,
	})}
	kinds := []func(i int) any{
		func(i int) any { return siteA{Name: fmt.Sprint("a", i)} },
		func(i int) any { return &siteA{Name: fmt.Sprint("pa", i)} },
		func(i int) any { return siteB{Name: fmt.Sprint("b", i)} },
		func(i int) any { return siteC{n: i} },
		func(i int) any { return &siteD{n: i} },
		func(i int) any { return map[string]any{"Name": fmt.Sprint("m", i)} },
		func(i int) any { return map[string]string{"Name": fmt.Sprint("ms", i)} },
	}
	for _, p := range []setPair{loadPair(t, opts), loadBuildPair(t, opts)} {
		for round := range 4 {
			var data []any
			for i := range 40 {
				k := (i*(round+1) + i/3) % len(kinds)
				data = append(data, kinds[k](i))
			}
			want := executePage(p.interp, "page", data)
			got := executePage(p.comp, "page", data)
			if !want.same(got) {
				t.Fatalf("round %d:\ncompiled:    %s\ninterpreted: %s", round, got, want)
			}
			if want.err != nil || !strings.Contains(want.out, "(d") {
				t.Fatalf("round %d: unexpected output %s", round, want)
			}
		}
		// A compiled run that fails is run again by html/template, which
		// would hide a wrong entry: none may have failed.
		if status := pageStatus(p.comp, "page"); status != "compiled (0 fallbacks)" {
			t.Errorf("status %q, want every run compiled", status)
		}
	}
}
