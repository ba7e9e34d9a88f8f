package layout

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sineng/sineng/generator/htmlesc"
)

// TestDateTextKeptMatchesEscapers checks dateTextKept against the
// escapers keepsDateText names, byte by byte and on whole dates: text it
// keeps must come out of them unchanged, and text it does not keep must
// be changed by both.
func TestDateTextKeptMatchesEscapers(t *testing.T) {
	var tries []string
	for c := range 256 {
		tries = append(tries, string([]byte{byte(c)}), "2026年6月"+string([]byte{byte(c)})+"14日")
	}
	tries = append(tries, "2026-06-14", "14 June 2026", "Jun 14, 2026 09:30:00 +0000 UTC", "\xff\xfe")
	for _, name := range []string{"_html_template_htmlescaper", "_html_template_attrescaper"} {
		if !keepsDateText(name) {
			t.Fatalf("keepsDateText(%q) = false", name)
		}
		esc, ok := htmlesc.LookupText(name)
		if !ok {
			t.Fatalf("no text escaper %q", name)
		}
		for _, s := range tries {
			if got, want := dateTextKept([]byte(s)), esc(s, htmlesc.Plain) == s; got != want {
				t.Errorf("%s: dateTextKept(%q) = %v, escaper keeps it: %v", name, s, got, want)
			}
		}
	}
	for _, name := range []string{"_html_template_urlescaper", "_html_template_nospaceescaper", "_html_template_jsstrescaper"} {
		if keepsDateText(name) {
			t.Errorf("keepsDateText(%q) = true", name)
		}
	}
}

// TestDateActionsEqualHTMLTemplate prints dateFormat calls in HTML text
// and attribute values, where they take the date fast path, and in other
// contexts, compiled and interpreted, and wants the same bytes with no
// compiled run sent back to html/template.
func TestDateActionsEqualHTMLTemplate(t *testing.T) {
	layouts := []string{"2006-01-02", "2 January 2006", "2006年1月2日", `Jan 2 <b>&"'+`, "", strings.Repeat("2006-01-02 ", 8)}
	dates := []string{".D", ".PD", ".Z", ".PZ", ".S", ".Nil", "$.D"}
	contexts := []string{`<p>%s</p>`, `<time datetime="%s">x</time>`, `<a title='%s'>x</a>`, `<a title=%s>x</a>`, `<a href="/d/%s">x</a>`}
	var b strings.Builder
	for _, ctx := range contexts {
		for _, l := range layouts {
			for _, d := range dates {
				b.WriteString(fmt.Sprintf(ctx, fmt.Sprintf("{{ dateFormat %q %s }}", l, d)))
				b.WriteString("\n")
			}
		}
		b.WriteString(fmt.Sprintf(ctx, "{{ dateFormat .L .D }}") + "\n")
	}
	opts := Options{SiteLayouts: mapFS(map[string]string{"_default/single.html": b.String()})}
	d := time.Date(2026, 6, 14, 9, 30, 5, 0, time.FixedZone("CST", 8*3600))
	var z time.Time
	data := map[string]any{"D": d, "PD": &d, "Z": z, "PZ": &z, "S": "2025-02-03", "Nil": nil, "L": "2006&01"}
	requireCompiledSame(t, opts, data)
}

// TestDateActionErrors wants a dateFormat call the fast path compiles to
// fail as html/template fails it.
func TestDateActionErrors(t *testing.T) {
	for _, tmpl := range []string{
		`<p>{{ dateFormat "2006" 3 }}</p>`, `<p>{{ dateFormat "2006" "soon" }}</p>`,
		`<a title="{{ dateFormat "2006" .X }}">x</a>`, `<p>{{ dateFormat .Missing.X .D }}</p>`,
	} {
		opts := Options{SiteLayouts: mapFS(map[string]string{"_default/single.html": tmpl})}
		p := loadBuildPair(t, opts)
		data := map[string]any{"X": []int{1}, "D": time.Now()}
		want := executePage(p.interp, "page", data)
		got := executePage(p.comp, "page", data)
		if !want.same(got) {
			t.Errorf("%s:\ncompiled:    %s\ninterpreted: %s", tmpl, got, want)
		}
	}
}

// toNumberOracle is toNumber as it was before numberOf: what numberOf and
// toNumber are checked against.
func toNumberOracle(v any) (number, error) {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return number{}, fmt.Errorf("cannot use nil as a number")
		}
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return number{i: rv.Int()}, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := rv.Uint()
		if u > math.MaxInt64 {
			return number{f: float64(u), isFloat: true}, nil
		}
		return number{i: int64(u)}, nil
	case reflect.Float32, reflect.Float64:
		return number{f: rv.Float(), isFloat: true}, nil
	}
	return number{}, fmt.Errorf("cannot use %T (%v) as a number", v, v)
}

// TestNumberOfMatchesToNumber checks numberOf and toNumber against
// toNumberOracle: numberOf says a value is a number exactly when the
// oracle takes it, with the same number, and toNumber fails with the
// oracle's message.
func TestNumberOfMatchesToNumber(t *testing.T) {
	i, f := 7, 2.5
	pi := &i
	var nilInt *int
	var anyNum any = 3
	for _, v := range []any{nil, 0, -3, int8(-8), uint64(math.MaxUint64), uint16(9), float32(1.5), 2.5, &i, &pi, &f, nilInt, &nilInt, &anyNum, "3", true, []int{1}, struct{}{}} {
		want, wantErr := toNumberOracle(v)
		if n, ok := numberOf(v); ok != (wantErr == nil) || ok && n != want {
			t.Errorf("numberOf(%#v) = %v, %v; want %v, %v", v, n, ok, want, wantErr)
		}
		n, err := toNumber(v)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) || n != want {
			t.Errorf("toNumber(%#v) = %v, %v; want %v, %v", v, n, err, want, wantErr)
		}
	}
}
