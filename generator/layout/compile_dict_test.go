package layout

import (
	"errors"
	"html/template"
	"reflect"
	"strings"
	"testing"
)

// dictLevel is a named int: a dict holding one must keep its type.
type dictLevel int

// dictText is a named string: a dict holding one must keep its type.
type dictText string

// dictData is the data of the dict tests: fields of the types anyOf
// boxes itself and of types it leaves to reflect.
type dictData struct {
	N     int
	Big   int
	Level dictLevel
	S     string
	Named dictText
	H     template.HTML
	B     bool
	F     float64
	P     *int
	Nil   *int
	M     map[string]any
	Any   any
}

func (dictData) Fails() (string, error) { return "", errors.New("field failed") }

// TestDictCallEqualsGeneralCall runs dict calls whose keys are constant
// text (compiled by dictCall) three ways: interpreted by html/template,
// compiled with the Set's own dict, and compiled with a dict given in
// Options.Funcs (the general call). Each map is printed with the type of
// every value, so a value boxed as another type, a lost key or a wrong
// replacement shows; the fast path must run compiled, without fallbacks.
func TestDictCallEqualsGeneralCall(t *testing.T) {
	seven := 7
	data := dictData{N: 3, Big: 1 << 40, Level: 2, S: "s<", Named: "n&", H: "<b>h</b>", B: true, F: 1.5, P: &seven,
		M: map[string]any{"k": "v"}, Any: dictLevel(300)}
	const show = `{{ range $k, $v := $d }}{{ $k }}={{ printf "%T:%v" $v $v }};{{ end }}`
	for _, body := range []string{
		`{{ $d := dict "a" 1 "b" "two" "c" true "d" 2.5 "e" 'x' "f" 0x10 }}`,
		`{{ $d := dict "n" .N "big" .Big "level" .Level "s" .S "named" .Named "h" .H "b" .B "f" .F }}`,
		`{{ $d := dict "p" .P "nil" .Nil "m" .M "any" .Any "missing" .M.none "dot" .N }}`,
		`{{ $d := dict "a" 1 "a" .S "b" .N "b" 2 }}`,
		`{{ $d := dict }}`,
		`{{ $x := .N }}{{ $d := dict "x" $x "y" (dict "z" $x) "len" (len .S) }}`,
		`{{ $d := dict "neg" -1 "zero" 0 "small" 255 "edge" 256 "t" false }}`,
		`{{ with dict "p" . }}{{ $d := dict "n" .p.N "s" .p.S }}` + show + `{{ end }}{{ $d := dict }}`,
		`{{ $d := dict "fail" .Fails }}`,
	} {
		tmpl := `<p>` + body + show + `</p>`
		own := Options{SiteLayouts: mapFS(map[string]string{"_default/single.html": tmpl})}
		p := loadPair(t, own)
		want := executePage(p.interp, "page", data)
		got := executePage(p.comp, "page", data)
		if !want.same(got) {
			t.Errorf("%s, own dict:\ncompiled:    %s\ninterpreted: %s", body, got, want)
		}
		if want.err == nil {
			if st := pageStatus(p.comp, "page"); st != "compiled (0 fallbacks)" {
				t.Errorf("%s: own dict %s", body, st)
			}
		}
		general := own
		general.Funcs = template.FuncMap{"dict": dict}
		g := loadPair(t, general)
		if gen := executePage(g.comp, "page", data); !gen.same(got) {
			t.Errorf("%s:\ndictCall: %s\ngeneral:  %s", body, got, gen)
		}
	}
}

// TestAnyOfEqualsInterface checks anyOf, which boxes text, ints and
// booleans itself, against reflect.Value.Interface: the same dynamic type
// and the same value.
func TestAnyOfEqualsInterface(t *testing.T) {
	data := dictData{N: -5, Big: 1 << 40, Level: 9, S: "s", Named: "n", H: "<i>", B: true, F: 2}
	rv := reflect.ValueOf(&data).Elem()
	vals := []reflect.Value{
		reflect.ValueOf(0), reflect.ValueOf(255), reflect.ValueOf(256), reflect.ValueOf(-1),
		reflect.ValueOf(""), reflect.ValueOf("text"), reflect.ValueOf(false), reflect.ValueOf(true),
		reflect.ValueOf(template.HTML("<b>")), reflect.ValueOf(dictText("t")), reflect.ValueOf(dictLevel(3)),
		reflect.ValueOf(int64(4)), reflect.ValueOf(template.URL("u")), reflect.Zero(anyType),
		reflect.ValueOf(&data.N).Elem(),
	}
	for i := range rv.NumField() {
		vals = append(vals, rv.Field(i))
	}
	for _, v := range vals {
		got, want := anyOf(v), v.Interface()
		if reflect.TypeOf(got) != reflect.TypeOf(want) || !reflect.DeepEqual(got, want) {
			t.Errorf("anyOf(%v %v) = %T %#v, want %T %#v", v.Type(), v, got, got, want, want)
		}
	}
	if anyOf(reflect.Value{}) != nil {
		t.Error("anyOf of the invalid value is not nil")
	}
}

// TestDictCallFallsBackForOtherCalls checks that calls dictCall leaves to
// the general path still run: keys that are not constant text, an odd
// number of arguments, dict as a pipeline stage.
func TestDictCallFallsBackForOtherCalls(t *testing.T) {
	data := dictData{S: "k", N: 1}
	for _, body := range []string{
		`{{ $d := dict .S 1 }}{{ index $d "k" }}`,
		`{{ $d := dict "a" }}{{ $d }}`,
		`{{ $d := 2 | dict "a" }}{{ $d }}`,
		`{{ $d := dict 1 2 }}{{ $d }}`,
	} {
		tmpl := `<p>` + body + `</p>`
		p := loadPair(t, Options{SiteLayouts: mapFS(map[string]string{"_default/single.html": tmpl})})
		want := executePage(p.interp, "page", data)
		got := executePage(p.comp, "page", data)
		if !want.same(got) {
			t.Errorf("%s:\ncompiled:    %s\ninterpreted: %s", body, got, want)
		}
		if strings.HasPrefix(pageStatus(p.comp, "page"), "not yet") {
			t.Errorf("%s: not compiled", body)
		}
	}
}
