package layout

import (
	"fmt"
	"html/template"
	"testing"
)

// textCallString is a named string type: html/template will not pass it
// for a string parameter.
type textCallString string

// TestTextCallEdgeArguments prints calls of the functions textCallOf
// handles with arguments html/template converts, refuses or passes as
// nil, and a function that panics, and wants html/template's output or
// error.
func TestTextCallEdgeArguments(t *testing.T) {
	funcs := textCallFuncs()
	funcs["tPanic"] = func(v any) (string, error) { panic("boom") }
	funcs["tType"] = func(v any) (string, error) { return fmt.Sprintf("%T|%v", v, v), nil }
	s := "x"
	var nilPtr *string
	data := map[string]any{
		"Named": textCallString("n<%d"), "HTML": template.HTML("h%d<"), "Ptr": &s, "NilPtr": nilPtr, "Iface": any("q%v"),
	}
	for _, tmpl := range []string{
		`<p>{{ tSA .Named 1 }}</p>`, `<p>{{ printf .HTML 1 }}</p>`, `<p>{{ printf .Named 1 }}</p>`,
		`<p>{{ tType nil }}</p>`, `<p>{{ tSA nil 1 }}</p>`, `<p>{{ tType .Missing }}</p>`, `<p>{{ tType .Ptr }}</p>`,
		`<p>{{ tType .NilPtr }}</p>`, `<p>{{ tPanic 1 }}</p>`, `<p>{{ tF .Iface 2 }}</p>`, `<p>{{ tV }}</p>`,
		`<p>{{ tV 1 nil }}</p>`, `<a href="{{ hU .Named }}">x</a>`, `<p>{{ printf "%v" .Ptr }}</p>`,
	} {
		opts := Options{Funcs: funcs, SiteLayouts: mapFS(map[string]string{"_default/single.html": tmpl})}
		for _, p := range []setPair{loadPair(t, opts), loadBuildPair(t, opts)} {
			want := executePage(p.interp, "page", data)
			got := executePage(p.comp, "page", data)
			if !want.same(got) {
				t.Errorf("%s:\ncompiled:    %s\ninterpreted: %s", tmpl, got, want)
			}
		}
	}
}
