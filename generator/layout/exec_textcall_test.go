package layout

import (
	"errors"
	"fmt"
	"html/template"
	"strings"
	"testing"
	"time"

	"github.com/sineng/sineng/generator/htmlesc"
)

// textCallFuncs has a function of each signature textCallOf handles,
// returning text that needs escaping in every context, or an error for
// the argument "fail".
func textCallFuncs() template.FuncMap {
	fail := errors.New("told to fail")
	text := func(v any) string { return fmt.Sprintf(`<b a="%v">&'+`, v) }
	return template.FuncMap{
		"t1": func(v any) (string, error) {
			if v == "fail" {
				return "", fail
			}
			return text(v), nil
		},
		"tSA": func(s string, v any) (string, error) { return text(s + fmt.Sprint(v)), nil },
		"t2":  func(a, b any) (string, error) { return text(fmt.Sprint(a, b)), nil },
		"tV":  func(a any, rest ...any) (string, error) { return text(fmt.Sprint(a, len(rest), rest)), nil },
		"t2V": func(a, b any, rest ...any) (string, error) { return text(fmt.Sprint(a, b, rest)), nil },
		"tF":  func(s string, rest ...any) string { return text(s + fmt.Sprint(rest...)) },
		"hH":  func(v any) (template.HTML, error) { return template.HTML(text(v)), nil },
		"hU":  func(v any) (template.URL, error) { return template.URL("/a b?" + text(v)), nil },
		"hC":  func(v any) (template.CSS, error) { return template.CSS("red" + text(v)), nil },
		"hA":  func(v any) (template.HTMLAttr, error) { return template.HTMLAttr(`title="` + text(v) + `"`), nil },
		"hJ":  func(v any) (template.JS, error) { return template.JS("1+" + text(v)), nil },
	}
}

// TestTextCallsEqualHTMLTemplate prints calls of functions returning
// text (and of the built-in ones the theme prints) in each escaping
// context, compiled and interpreted, and wants the same bytes, with no
// compiled run sent back to html/template.
func TestTextCallsEqualHTMLTemplate(t *testing.T) {
	calls := []string{
		`t1 .N`, `t1 .S`, `tSA .S .N`, `t2 .N .S`, `tV .N`, `tV .N .S 3`, `t2V .S .N`, `t2V .S .N .D`,
		`tF "x%v" .N`, `printf "%s-%d" .S .N`, `hH .S`, `hU .N`, `hC .S`, `hA .N`, `hJ .S`,
		`formatNumber 2 .N`, `dateFormat "2006-01-02" .D`, `dateFormat "Jan 2" .PD`, `relURL .S`,
		`urlize .S`, `truncate 3 .S`, `delimit .L ", "`, `safeHTML .S`, `upper .S`,
	}
	contexts := []string{
		`<p>%s</p>`, `<a title="%s">x</a>`, `<a title=%s>x</a>`, `<a href="%s">x</a>`, `<a href="/q?x=%s">x</a>`,
		`<script>var x = %s;</script>`, `<script>var x = "%s";</script>`, `<title>%s</title>`,
		`<style>p { color: %s }</style>`, `<p %s>x</p>`,
	}
	var b strings.Builder
	for _, ctx := range contexts {
		for _, call := range calls {
			b.WriteString(fmt.Sprintf(ctx, "{{ "+call+" }}"))
			b.WriteString("\n")
		}
	}
	opts := Options{
		Funcs:       textCallFuncs(),
		SiteLayouts: mapFS(map[string]string{"_default/single.html": b.String()}),
	}
	d := time.Date(2026, 6, 14, 9, 30, 0, 0, time.UTC)
	data := map[string]any{"N": 1234.5, "S": `a<b>&"c" d`, "D": d, "PD": &d, "L": []string{"x<", "y&"}}
	requireCompiledSame(t, opts, data)
}

// TestTextCallErrors wants a failing call, and calls with the wrong
// number of arguments, to fail as html/template fails them.
func TestTextCallErrors(t *testing.T) {
	for _, tmpl := range []string{
		`<p>{{ t1 "fail" }}</p>`, `<a href="{{ t1 "fail" }}">x</a>`, `<p>{{ t1 }}</p>`, `<p>{{ t1 1 2 }}</p>`,
		`<p>{{ tSA }}</p>`, `<p>{{ t2V 1 }}</p>`, `<p>{{ dateFormat "x" 3 }}</p>`, `<p>{{ t1 .Missing.X }}</p>`,
	} {
		opts := Options{
			Funcs:       textCallFuncs(),
			SiteLayouts: mapFS(map[string]string{"_default/single.html": tmpl}),
		}
		p := loadBuildPair(t, opts)
		want := executePage(p.interp, "page", map[string]any{})
		got := executePage(p.comp, "page", map[string]any{})
		if !want.same(got) {
			t.Errorf("%s:\ncompiled:    %s\ninterpreted: %s", tmpl, got, want)
		}
	}
}

// TestTextCallOfContents checks the Content each result type is printed
// as, and that other signatures are left to the general path.
func TestTextCallOfContents(t *testing.T) {
	funcs := textCallFuncs()
	for name, want := range map[string]htmlesc.Content{"t1": htmlesc.Plain, "hH": htmlesc.HTML, "hU": htmlesc.URL, "hC": htmlesc.CSS, "hA": htmlesc.HTMLAttr, "hJ": htmlesc.JS} {
		call, c := textCallOf(funcs[name])
		if call == nil || c != want {
			t.Errorf("%s: call %v, content %v, want %v", name, call != nil, c, want)
		}
	}
	for _, f := range []any{func(any) (any, error) { return nil, nil }, func(any) int { return 0 }, func(any) (template.JSStr, error) { return "", nil }} {
		if call, _ := textCallOf(f); call != nil {
			t.Errorf("%T: handled, want left to the general path", f)
		}
	}
}
