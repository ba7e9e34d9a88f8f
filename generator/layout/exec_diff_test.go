package layout

import (
	"errors"
	"fmt"
	"html/template"
	"iter"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Data of the differential tests: a struct with every shape of field,
// methods on the value and the pointer, and embedded structs.

type XInner struct{ Deep string }

func (i XInner) Shout() string { return strings.ToUpper(i.Deep) }

type XExtra struct{ Note string }

type xStringer struct{ s string }

func (s xStringer) String() string { return "<" + s.s + ">" }

type xPtrStringer struct{ s string }

func (s *xPtrStringer) String() string { return "*" + s.s }

type xUser struct {
	XInner
	*XExtra
	Name    string
	Age     int
	U       uint8
	F       float64
	OK      bool
	Tags    []string
	Meta    map[string]any
	IntMap  map[int]string
	BoolMap map[bool]int
	Arr     [2]string
	Next    *xUser
	Any     any
	Str     fmt.Stringer
	PS      xPtrStringer
	Fn      func(string) string
	FnErr   func() (string, error)
	HTML    template.HTML
	URL     template.URL
	Ch      chan int
	Seq     iter.Seq[int]
	Seq2    iter.Seq2[string, int]
	Err     error
	hidden  string
}

func (u *xUser) Greet(greeting string, n int) string {
	return fmt.Sprintf("%s, %s ×%d", greeting, u.Name, n)
}
func (u xUser) Upper() string { return strings.ToUpper(u.Name) }
func (u *xUser) Fail(fail bool) (string, error) {
	if fail {
		return "", errors.New("asked to fail")
	}
	return "fine", nil
}
func (u *xUser) Nilsafe() string {
	if u == nil {
		return "nil user"
	}
	return "user " + u.Name
}
func (u *xUser) Join(sep string, parts ...any) string {
	s := make([]string, len(parts))
	for i, p := range parts {
		s[i] = fmt.Sprint(p)
	}
	return strings.Join(s, sep)
}
func (u *xUser) Kinds(i int8, f float32, b bool, s string, x uint16, c complex64) string {
	return fmt.Sprintf("%d %g %t %s %d %v", i, f, b, s, x, c)
}
func (u *xUser) Ptr(p *int) string {
	if p == nil {
		return "nil ptr"
	}
	return fmt.Sprint(*p)
}
func (u *xUser) Either(v any) any {
	if v == nil {
		return nil
	}
	return v
}
func (u *xUser) Reflect(v reflect.Value) string { return fmt.Sprintf("%v/%v", v.IsValid(), v) }
func (u *xUser) Self() *xUser                   { return u }
func (u *xUser) Panics() string                 { panic("method panicked") }

// Methods of the shapes called without reflection.

type xFlag bool

func (u *xUser) Count() int                 { return len(u.Tags) }
func (u *xUser) Adult() bool                { return u.Age >= 18 }
func (u *xUser) Flag() xFlag                { return xFlag(u.OK) }
func (u *xUser) Bold() template.HTML        { return template.HTML("<b>" + u.Name + "</b>") }
func (u *xUser) Tag(i int) string           { return u.Tags[i] }
func (u *xUser) Find(name string) *xUser    { return map[string]*xUser{"next": u.Next}[name] }
func (u *xUser) Named(prefix string) string { return prefix + u.Name }
func (u *xUser) Cut(s string, n int) string { return s[:min(n, len(s))] }
func (u xUser) Checked() (string, error) {
	if u.Name == "" {
		return "", errors.New("no name")
	}
	return u.Name, nil
}

func newUser(name string) *xUser {
	u := &xUser{
		XInner:  XInner{Deep: "deep " + name},
		Name:    name,
		Age:     42,
		U:       7,
		F:       2.5,
		OK:      true,
		Tags:    []string{"a&b", "<c>", "d"},
		Meta:    map[string]any{"title": "T<1>", "n": 3, "list": []int{3, 1, 2}, "nil": nil, "b": "z", "a": "y"},
		IntMap:  map[int]string{3: "three", -1: "minus one", 10: "ten"},
		BoolMap: map[bool]int{true: 1, false: 0},
		Arr:     [2]string{"x", "y"},
		Any:     XInner{Deep: "in any"},
		Str:     xStringer{s: "str"},
		PS:      xPtrStringer{s: "ps"},
		Fn:      func(s string) string { return "fn(" + s + ")" },
		FnErr:   func() (string, error) { return "", errors.New("fn failed") },
		HTML:    template.HTML("<b>bold</b>"),
		URL:     template.URL("javascript:alert(1)"),
		Seq: func(yield func(int) bool) {
			for i := range 3 {
				if !yield(i * 10) {
					return
				}
			}
		},
		Seq2: func(yield func(string, int) bool) {
			for i, s := range []string{"p", "q"} {
				if !yield(s, i) {
					return
				}
			}
		},
		Err:    errors.New("an error value"),
		hidden: "secret",
	}
	u.Next = &xUser{Name: "next of " + name, XExtra: &XExtra{Note: "extra"}}
	return u
}

// diffCase is a page template, the partials it may call, and data to run
// it with; the data at the indexes in fails make the template fail.
// interpreted says the compiler is expected to leave it to html/template.
type diffCase struct {
	name        string
	fails       []int
	page        string
	partials    map[string]string
	data        []any
	interpreted bool
}

func diffCases() []diffCase {
	u := newUser("Ann & Bo")
	ch := func(vals ...int) chan int {
		c := make(chan int, len(vals))
		for _, v := range vals {
			c <- v
		}
		close(c)
		return c
	}
	withCh := func() any {
		u := newUser("ch")
		u.Ch = ch(5, 6)
		return u
	}
	all := []any{u, newUser(""), &xUser{}, nil, map[string]any{"Name": "map"}, 3, "text", []int{1, 2}}
	return []diffCase{
		{name: "text only", page: "<p>plain &amp; simple</p>{{/* comment */}}  {{- ` trimmed ` -}}  ", data: []any{nil}},
		{name: "fields", fails: []int{5, 6, 7}, page: `<p>{{ .Name }} {{ .Age }} {{ .U }} {{ .F }} {{ .OK }} {{ .Deep }} {{ .XInner.Deep }}</p>`, data: all},
		{name: "pointer chains", fails: []int{2, 5, 6, 7}, page: `{{ .Next.Name }}|{{ .Next.Note }}|{{ .Next.Next }}|{{ .Next.XExtra.Note }}`, data: all},
		{name: "dict fields", fails: []int{2}, page: `{{ .Meta.title }}|{{ .Meta.n }}|{{ .Meta.missing }}|{{ .Meta.nil }}|{{ len .Meta.list }}|{{ index .Meta.list 1 }}|{{ eq .Meta.n 3 }}|{{ .Meta.b | printf "%s" }}|{{ with .Meta.title }}{{ . }}{{ end }}|{{ .Meta.missing.x }}|{{ if .Meta.nil }}set{{ end }}|{{ .Join "," .Meta.a .Meta.nil .Meta.n }}`, data: []any{u, newUser(""), map[string]any{"Meta": map[string]any{"list": []any{1, "b"}, "n": 3.0}}}},
		{name: "dict nil field chain", fails: []int{0}, page: `{{ .Meta.nil.x }}`, data: []any{u, &xUser{}}},
		{name: "dict call args", fails: []int{1}, page: `{{ call .f .m.s }}`, data: []any{
			map[string]any{"f": func(s string) string { return "<" + s + ">" }, "m": map[string]any{"s": "x"}},
			map[string]any{"f": func(s string) string { return s }, "m": map[string]any{"s": 3}},
		}},
		{name: "printed method text", fails: []int{1}, page: `<a href="{{ .Named "/p/" }}" title="{{ .Bold }}" data-x={{ .Named "" }}>{{ .Bold }}{{ if .OK }}{{ .Checked }}{{ end }}{{ .Self.Tag 1 }}{{ (.Self).Named "x" }}{{ $u := .Self }}{{ $u.Cut "abcdef" 3 }}</a><a href="{{ .Named "javascript:" }}">{{ .Next.Nilsafe }}{{ .Join "," 1 "a" }}{{ .Join "," }}{{ .Upper }}</a><script>var x = "{{ .Named "q" }}", y = {{ .Named "v" }};</script>{{ .Named "<b>" | printf "%s!" }}{{ .Bold | print }}`, data: []any{u, newUser(""), &xUser{Tags: []string{"a", "b"}}}},
		{name: "nil embedded pointer", fails: []int{0}, page: `{{ .Note }}`, data: []any{u, u.Next}},
		{name: "unexported", fails: []int{0}, page: `{{ if .OK }}{{ .hidden }}{{ end }}`, data: []any{u, &xUser{}}},
		{name: "methods", fails: []int{2, 4, 5, 6, 7}, page: `{{ .Upper }} {{ .Shout }} {{ .Greet "hi" 3 }} {{ .Nilsafe }} {{ .Next.Upper }} {{ .Self.Self.Name }}`, data: all},
		{name: "method on nil pointer", fails: []int{0}, page: `{{ .Next.Next.Nilsafe }}|{{ if .OK }}{{ .Next.Next.Upper }}{{ end }}`, data: []any{u, &xUser{Next: &xUser{}}}},
		{name: "method errors", fails: []int{0}, page: `{{ .Fail false }}{{ if .OK }}{{ .Fail true }}{{ end }}`, data: []any{u, &xUser{}}},
		{name: "method panics", fails: []int{0}, page: `{{ if .OK }}{{ .Panics }}{{ end }}ok`, data: []any{u, &xUser{}}},
		{name: "method args", page: `{{ .Join "-" 1 2.5 "x" nil true }}|{{ .Join "," }}|{{ "p" | .Join "+" "q" }}|{{ .Kinds 3 1.5 true "s" 9 2i }}`, data: []any{u}},
		{name: "bad constant args", fails: []int{1}, page: `{{ if .OK }}{{ .Kinds 3.5 1.5 true "s" 9 2i }}{{ end }}|{{ if .Age }}{{ .Kinds 3 1 true "s" 9 2i }}{{ end }}`, data: []any{&xUser{}, &xUser{OK: true}, &xUser{Age: 1}}},
		{name: "direct methods", fails: []int{1, 2}, page: `{{ .Count }} {{ .Adult }} {{ .Flag }} {{ if .Flag }}f{{ end }} {{ .Bold }} <a title="{{ .Bold }}">{{ .Tag 1 }}</a> {{ (.Find "next").Name }} {{ .Find "none" }} {{ .Named "Dr " }} {{ "x" | .Named }} {{ .Cut "abcdef" 2 }} {{ .Checked }} {{ .Next.Checked }} {{ printf "%T %T %T" .Flag .Bold (.Find "x") }} {{ .Self.Count }} {{ range .Meta.users }}{{ .Count }}{{ .Checked }}{{ end }} {{ .Greet "hi" 2 }} {{ .Join "," 1 "a" }} {{ "z" | .Join "," 1 }}`,
			data: []any{u, &xUser{Name: "n"}, &xUser{Name: "x", Tags: []string{"a", "b"}, Next: &xUser{}}, &xUser{Name: "x", Tags: []string{"a", "b"}, Next: &xUser{Name: "y"}, Meta: map[string]any{"users": []xUser{{Name: "s"}}}}}},
		{name: "nil and pointer args", page: `{{ .Ptr nil }}|{{ .Either nil }}|{{ .Either .Name }}|{{ .Reflect nil }}|{{ .Reflect .Age }}|{{ .Either .Meta.nil }}`, data: []any{u}},
		{name: "too many args", fails: []int{1, 2, 3}, page: `{{ if .OK }}{{ .Upper 1 }}{{ end }}{{ if .Age }}{{ .Name 1 }}{{ end }}{{ if .U }}{{ .Meta.title 1 }}{{ end }}`, data: []any{&xUser{}, &xUser{OK: true}, &xUser{Age: 1}, &xUser{U: 1, Meta: map[string]any{}}}},
		{name: "maps", fails: []int{1}, page: `{{ .Meta.title }}|{{ .Meta.n }}|{{ .Meta.missing }}|{{ .Meta.nil }}|{{ index .Meta "list" 1 }}|{{ .Meta.list }}`, data: []any{u, &xUser{}}},
		{name: "map data", fails: []int{2}, page: `{{ .a }} {{ .b.c }} {{ .missing.deeper }}`, data: []any{map[string]any{"a": 1, "b": map[string]string{"c": "C"}}, map[string]int{"a": 2}, map[int]int{1: 1}}},
		{name: "interface fields", fails: []int{1}, page: `{{ .Any.Deep }}|{{ .Any.Shout }}|{{ .Str }}|{{ .Str.String }}|{{ .PS }}|{{ .Err }}`, data: []any{u, &xUser{}}},
		{name: "nil interface field", fails: []int{1}, page: `{{ .Str.String }}`, data: []any{u, &xUser{}}},
		{name: "func fields", page: `{{ call .Fn "x" }}|{{ .Fn }}`, data: []any{u}},
		{name: "call", fails: []int{1}, page: `{{ call .Fn "x" }}{{ if .OK }}{{ call .FnErr }}{{ end }}|{{ if .Age }}{{ call .Fn 1 }}{{ end }}`, data: []any{&xUser{Fn: u.Fn, FnErr: u.FnErr}, u}},
		{name: "call nil", fails: []int{1}, page: `{{ call .Fn "x" }}`, data: []any{u, &xUser{}}},
		{name: "typed html", page: `{{ .HTML }}<a title="{{ .HTML }}" href="{{ .URL }}">{{ .URL }}</a>`, data: []any{u}},
		{name: "print kinds", fails: []int{2, 3, 4}, page: `{{ .Tags }} {{ .Meta.list }} {{ .Arr }} {{ .IntMap }} {{ .Next.Next }} {{ .Any }} {{ . }}`, data: []any{u, nil, 1.5, "s", []any{nil, 1}}},
		{name: "print a func", page: `{{ .Fn }}`, data: []any{u}},
		{name: "variables", page: `{{ $x := .Name }}{{ $y := 1 }}{{ $x }}{{ if .OK }}{{ $x := "inner" }}{{ $y = 2 }}{{ $x }}{{ end }}{{ $x }}{{ $y }}{{ $.Age }}`, data: []any{u, &xUser{}}},
		{name: "variables in range", page: `{{ $sum := 0 }}{{ range $i, $t := .Tags }}{{ $sum = add $sum $i }}{{ $i }}={{ $t }};{{ end }}{{ $sum }}|{{ range $t := .Tags }}{{ $t }}{{ end }}`, data: []any{u, &xUser{}}},
		{name: "range assigns", page: `{{ $i := 0 }}{{ $e := "" }}{{ range $i, $e = .Tags }}{{ end }}{{ $i }}{{ $e }}{{ range $e = .Arr }}{{ end }}{{ $e }}`, data: []any{u}},
		{name: "range variables in else", page: `{{ range $i, $e := .Tags }}{{ $i }}{{ else }}{{ $e }}{{ $i }}{{ end }}`, data: []any{u, &xUser{}}},
		{name: "if else chains", fails: []int{5, 6, 7}, page: `{{ if .OK }}ok{{ else if .Age }}age{{ else if $x := .Name }}{{ $x }}{{ else }}none{{ end }}`, data: all},
		{name: "with else", fails: []int{5, 6, 7}, page: `{{ with .Name }}[{{ . }}]{{ else with .Age }}({{ . }}){{ else }}-{{ end }}{{ with $n := .Tags }}{{ len $n }}{{ end }}`, data: all},
		{name: "truth", fails: []int{5, 6, 7}, page: `{{ range .Meta.list }}{{ if . }}t{{ else }}f{{ end }}{{ end }}{{ if .Meta }}m{{ end }}{{ if .Next }}p{{ end }}{{ if .Any }}i{{ end }}{{ if .F }}f{{ end }}{{ if .U }}u{{ end }}{{ if .Arr }}a{{ end }}{{ if .XInner }}s{{ end }}{{ if .Ch }}c{{ end }}`, data: all},
		{name: "range kinds", page: `{{ range .Tags }}{{ . }},{{ end }}|{{ range $k, $v := .IntMap }}{{ $k }}:{{ $v }},{{ end }}|{{ range $k, $v := .BoolMap }}{{ $k }}{{ $v }}{{ end }}|{{ range $k, $v := .Meta }}{{ $k }},{{ end }}|{{ range .Arr }}{{ . }}{{ end }}|{{ range 3 }}{{ . }}{{ end }}|{{ range .U }}{{ . }}{{ end }}|{{ range .Seq }}{{ . }}{{ end }}|{{ range $k, $v := .Seq2 }}{{ $k }}{{ $v }}{{ end }}|{{ range .Seq2 }}{{ . }}{{ end }}`, data: []any{u}},
		{name: "range channel", page: `{{ range $i, $v := .Ch }}{{ $i }}:{{ $v }} {{ else }}empty{{ end }}`, data: []any{withCh, &xUser{}}},
		{name: "range else", fails: []int{0}, page: `{{ range .Tags }}{{ . }}{{ else }}no tags{{ end }}{{ range .Meta }}{{ else }}no meta{{ end }}{{ if .OK }}{{ range .Next }}{{ end }}{{ end }}`, data: []any{u, &xUser{}}},
		{name: "range errors", fails: []int{1, 2}, page: `{{ if .OK }}{{ range $a, $b := 3 }}{{ end }}{{ end }}{{ if .Age }}{{ range .Str }}{{ end }}{{ end }}`, data: []any{&xUser{}, &xUser{OK: true}, &xUser{Age: 1, Str: xStringer{}}}},
		{name: "break continue", page: `{{ range .Tags }}{{ if eq . "<c>" }}{{ continue }}{{ end }}{{ . }}{{ if eq . "d" }}{{ break }}{{ end }};{{ end }}{{ range $i, $e := .Meta.list }}{{ if gt $i 0 }}{{ break }}{{ end }}{{ $e }}{{ end }}`, data: []any{u}},
		{name: "nested ranges", page: `{{ range $i, $t := .Tags }}{{ range $.Arr }}{{ $i }}{{ . }}{{ $t }} {{ end }}{{ end }}`, data: []any{u}},
		{name: "and or", fails: []int{0, 1, 2}, page: `{{ and .OK .Name }}|{{ or .Age .Name }}|{{ and .Age (index .Tags 9) }}|{{ or .OK (index .Tags 9) }}|{{ .Name | and .OK }}|{{ .Name | or false }}|{{ and 0 1 }}|{{ or nil "" }}`, data: []any{u, &xUser{}, &xUser{OK: true, Age: 1}, &xUser{OK: true}}},
		{name: "not and comparisons", page: `{{ not .OK }} {{ not .Tags }} {{ eq .Age 42 }} {{ eq .Age 1 2 42 }} {{ eq .U 7 }} {{ ne .Name "x" }} {{ lt .Age 50 }} {{ le .F 2.5 }} {{ gt .U 3 }} {{ ge "b" "a" }} {{ eq .Next nil }} {{ eq .Any .Any }} {{ lt -1 .U }} {{ eq .OK true }}`, data: []any{u, &xUser{}}},
		{name: "comparison errors", fails: []int{1, 2, 3, 4}, page: `{{ if .OK }}{{ lt .Name 1 }}{{ end }}{{ if .Age }}{{ eq .Tags .Tags }}{{ end }}{{ if .U }}{{ lt true false }}{{ end }}{{ if .F }}{{ eq 1 }}{{ end }}`, data: []any{&xUser{}, &xUser{OK: true}, &xUser{Age: 1, Tags: []string{}}, &xUser{U: 1}, &xUser{F: 1}}},
		{name: "len index", page: `{{ len .Tags }} {{ len .Meta }} {{ len .Name }} {{ index .Tags 1 }} {{ index .Meta "n" }} {{ index .IntMap 3 }} {{ index .IntMap 4 }} {{ index .Arr 0 }} {{ index .Name 0 }}`, data: []any{u}},
		{name: "index errors", fails: []int{1, 2, 3, 4, 5}, page: `{{ if .OK }}{{ index .Tags 5 }}{{ end }}{{ if .Age }}{{ index .Tags -1 }}{{ end }}{{ if .U }}{{ index nil 1 }}{{ end }}{{ if .F }}{{ len 3 }}{{ end }}{{ if .Name }}{{ index .Tags 3 }}{{ end }}`, data: []any{&xUser{}, &xUser{OK: true, Tags: []string{"a"}}, &xUser{Age: 1}, &xUser{U: 1}, &xUser{F: 1}, &xUser{Name: "n", Tags: []string{"a", "b", "c"}}}},
		{name: "print builtins", page: `{{ print .Name 1 2 "x" nil }}|{{ printf "%d-%s-%v-%T-%T-%T-%T" .Age .Name .Tags 1 1.0 'a' 0x10 }}|{{ println .Name }}|{{ printf "%T %T %T" 1e3 1i 0x1p-2 }}`, data: []any{u}},
		{name: "escaping builtins", page: `{{ html .Name "<>" }}|{{ js .Name }}|{{ urlquery .Name "a b" }}|{{ .Name | html }}|{{ .Name | urlquery }}`, data: []any{u}},
		{name: "constants", page: `{{ 1 }} {{ 1.5 }} {{ 'a' }} {{ 0x10 }} {{ 1e3 }} {{ 2i }} {{ true }} {{ "s" }} {{ -0 }} {{ 1_000 }}`, data: []any{nil}},
		{name: "constant overflow", fails: []int{1}, page: `{{ if . }}{{ 18446744073709551615 }}{{ end }}`, data: []any{nil, 1}},
		{name: "nil command", fails: []int{1}, page: `{{ if . }}{{ $x := nil }}{{ end }}ok`, data: []any{nil, 1}, interpreted: false},
		{name: "parenthesized", page: `{{ (.Name) }} {{ (index .Tags 0) }} {{ (len .Tags) | printf "%03d" }} {{ (.Self).Name }} {{ (.Next).Next }}`, data: []any{u}},
		{name: "template functions", page: `{{ upper .Name }} {{ .Name | lower }} {{ add 1 2 }} {{ add .Age 0.5 }} {{ sub 10 .Age }} {{ default "d" .Meta.missing }} {{ default "d" .Name }} {{ first 2 .Tags }} {{ last 1 .Tags }} {{ join ", " .Tags }} {{ delimit .Tags "/" "+" }} {{ in .Tags "d" }} {{ isset .Meta "n" }} {{ seq 3 }} {{ dict "a" 1 "b" .Name }} {{ slice 1 "two" }} {{ truncate 5 .Name }} {{ replace .Name "&" "and" }} {{ split "a,b" "," }} {{ formatNumber 2 1234.5 }} {{ percent 1 3 }} {{ int "42" }} {{ float "1.5" }} {{ string 7 }} {{ title "hello world" }} {{ urlize "A b" }} {{ plainify "<b>x</b>" }} {{ jsonify .Tags }} {{ contains .Name "Bo" }} {{ hasPrefix .Name "A" }} {{ isZero .Age }} {{ relURL "x/y" }} {{ absURL "/z" }} {{ safeHTML "<i>i</i>" }} {{ htmlEscape "<" }} {{ mod 7 3 }} {{ div 7 2 }} {{ mul 2 3.5 }} {{ after 1 .Tags }} {{ append "e" .Tags }} {{ dateFormat "2006" "2024-05-06" }}`, data: []any{u}},
		{name: "function errors", fails: []int{1, 2, 3, 4, 5}, page: `{{ if .OK }}{{ add "x" 1 }}{{ end }}{{ if .Age }}{{ int "nope" }}{{ end }}{{ if .U }}{{ upper }}{{ end }}{{ if .F }}{{ upper 1 2 }}{{ end }}{{ if .Name }}{{ dict "a" }}{{ end }}`, data: []any{&xUser{}, &xUser{OK: true}, &xUser{Age: 1}, &xUser{U: 1}, &xUser{F: 1}, &xUser{Name: "x"}}},
		{name: "function argument types", fails: []int{1, 2}, page: `{{ if .OK }}{{ dateFormat 1 "2024-01-01" }}{{ end }}{{ if .Age }}{{ dateFormat .Tags "2024-01-01" }}{{ end }}{{ replace "a" "a" .Name }}`, data: []any{&xUser{Name: "b"}, &xUser{OK: true}, &xUser{Age: 1}}},
		{name: "function returning any", page: `{{ (default .Next .Meta.missing).Name }}|{{ (first 1 .Tags) }}|{{ $f := first 1 .Tags }}{{ index $f 0 }}|{{ with default nil .Meta.nil }}x{{ else }}nil{{ end }}|{{ where (slice .Next .Next) "Name" "next of Ann & Bo" }}`, data: []any{u}},
		{name: "sortBy groupBy", page: `{{ range sortBy (slice .Next .Self) "Name" "desc" }}{{ .Name }}{{ end }}{{ range groupBy (slice .Next .Self .Next) "Name" }}{{ .Key }}{{ len .Items }}{{ end }}`, data: []any{u}},
		{name: "pipelines", page: `{{ .Name | printf "%s!" | upper | printf "%q" }}|{{ .Tags | len | add 1 }}|{{ "a" | printf "%s%s" "b" }}`, data: []any{u}},
		{name: "contexts", page: `<a href="/x?q={{ .Name }}&r={{ .Age }}" title="{{ .Name }}" data-x={{ .Name }} {{ if .OK }}checked{{ end }}>{{ .Name }}</a>` +
			`<script>var x = {{ .Name }}; var y = {{ .Tags }}; var z = "{{ .Name }}"; var t = ` + "`{{ .Name }}`" + `;</script>` +
			`<style>p { color: {{ .Name }}; }</style><p style="color: {{ .Name }}">` +
			`<textarea>{{ .Name }}</textarea><title>{{ .Name }}</title><img srcset="{{ .Name }} 2x">` +
			`<a href="{{ .URL }}">u</a><a href="{{ .Meta.title }}">t</a><a onclick="f({{ .Name }})">x</a><!-- {{ .Name }} -->`, data: []any{u, newUser(`"q'<>&`)}},
		{name: "attribute names", page: `<p {{ .Name }}="x">`, data: []any{&xUser{Name: "title"}, &xUser{Name: "onclick"}}},
		{name: "template calls", fails: []int{1}, page: `-{{ define "item" }}<li>{{ .Name }}</li>{{ end }}{{ define "tree" }}{{ .Name }}{{ with .Next }}[{{ template "tree" . }}]{{ end }}{{ end }}<ul>{{ template "item" . }}{{ template "item" .Next }}</ul>{{ template "tree" . }}{{ template "nodot" }}{{ define "nodot" }}{{ . }}{{ $ }}{{ end }}{{ template "item" $x := .Next }}{{ $x.Name }}`, data: []any{u, &xUser{}}},
		{name: "template in another context", page: `-{{ define "name" }}{{ .Name }}{{ end }}<a title="{{ template "name" . }}">{{ template "name" . }}</a>`, data: []any{u}, interpreted: true},
		{name: "partials", page: `{{ partial "card.html" . }}{{ partial "card" .Next }}{{ partial "partials/card.html" . }}{{ partial "keyed.html" . .Name }}{{ partial "keyed.html" . .Name }}{{ partial "keyed.html" .Next .Next.Name }}{{ partial "empty.html" }}{{ partial "card.html" (dict "Name" "from dict") }}`,
			partials: map[string]string{"card.html": `<div class="card">{{ .Name }}{{ partial "inner.html" . }}</div>`, "inner.html": `<i>{{ .Name | upper }}</i>`, "keyed.html": `[{{ .Name }}]`, "empty.html": `{{ . }}`}, data: []any{u}},
		{name: "keyed partials with dict contexts", page: `{{ range .Tags }}{{ partial "kd.html" (dict "t" . "u" $) . }}{{ end }}|{{ range .Tags }}{{ partial "kd.html" (dict "t" . "u" $ "n" 1 "in" (dict "x" $.Age)) . 1 }}{{ end }}|{{ partial "kd.html" (dict "t" "c" "u" .) .Name .Age }}|{{ partial "kd.html" (dict "t" .Name "u" .) "fixed" }}{{ partial "kd.html" (dict "t" .Name "u" .) "fixed" }}`,
			partials: map[string]string{"kd.html": `<b title="{{ .t }}">{{ .t }}/{{ .u.Name }}{{ with .in }}{{ .x }}{{ end }}</b>`}, data: []any{u, newUser("x")}},
		// A constant context that fails when evaluated must fail every
		// call, also one whose keys find an output kept already.
		{name: "keyed partial with a failing constant context", fails: []int{0}, page: `{{ partial "kc.html" 1 "k" }}{{ partial "kc.html" 18446744073709551615 "k" }}{{ partial "kc.html" (dict "n" 18446744073709551615) "k" }}`,
			partials: map[string]string{"kc.html": `[kept]`}, data: []any{u}},
		{name: "partial errors", fails: []int{1, 2, 3}, page: `{{ if .OK }}{{ partial "missing.html" . }}{{ end }}{{ if .Age }}{{ partial "fails.html" . }}{{ end }}{{ if .U }}{{ partial "keyed.html" . .Tags }}{{ end }}ok`,
			partials: map[string]string{"fails.html": `{{ .Fail true }}`, "keyed.html": `k`}, data: []any{&xUser{}, &xUser{OK: true}, &xUser{Age: 1}, &xUser{U: 1, Tags: []string{}}}},
		{name: "deref args", page: `{{ upper .Next.Name }}{{ printf "%v" .Next }}{{ dateFormat "2006" .Meta.date }}`, data: []any{u, &xUser{Meta: map[string]any{"date": "2020-01-02"}, Next: &xUser{}}}},
		{name: "reflect value data", page: `{{ .Name }}{{ .Upper }}`, data: []any{reflect.ValueOf(u), reflect.ValueOf(*u)}},
		{name: "value receiver data", page: `{{ .Upper }}{{ .Name }}|{{ range .Tags }}{{ . }}{{ end }}`, data: []any{*u, xUser{Name: "v"}}},
		{name: "non-addressable pointer methods", page: `{{ range .Meta.users }}{{ .Greet "hi" 1 }}{{ end }}{{ range .Meta.vals }}{{ .Upper }}{{ end }}`, data: []any{&xUser{Meta: map[string]any{"users": []xUser{{Name: "s"}}, "vals": map[string]xUser{"k": {Name: "m"}}}}}},
		{name: "pointer stringer addressable", page: `{{ .PS }}{{ range .Meta.ps }}{{ . }}{{ end }}`, data: []any{&xUser{PS: xPtrStringer{s: "a"}, Meta: map[string]any{"ps": []xPtrStringer{{s: "b"}}}}}},
	}
}

// fresh returns the data d stands for: d itself, or what d makes when it
// is a func() any (data that is used up, like a channel).
func fresh(d any) any {
	if f, ok := d.(func() any); ok {
		return f()
	}
	return d
}

// TestCompiledMatchesInterpreted executes every case with html/template
// alone and with the compiled executor and wants the same bytes, or the
// same error, for every data value, before and after compiling. It runs
// the compiled executor with html/template's own escapers, where the
// cases must compile (or not) as marked, and with htmlesc's, which are
// the ones a build uses.
func TestCompiledMatchesInterpreted(t *testing.T) {
	oracle, err := htmlTemplateEscapers()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range diffCases() {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"_default/single.html": tc.page}
			for name, text := range tc.partials {
				files["partials/"+name] = text
			}
			opts := Options{SiteLayouts: mapFS(files), BaseURL: "https://example.org/sub/"}
			p := loadPairWith(t, opts, oracle)
			failures := runDiffCase(t, tc, p)
			status := pageStatus(p.comp, "page")
			if tc.interpreted {
				if !strings.HasPrefix(status, "interpreted") {
					t.Errorf("status %q, want it left to html/template", status)
				}
			} else if want := fmt.Sprintf("compiled (%d fallbacks)", failures); status != want {
				t.Errorf("status %q, want %q", status, want)
			}
			runDiffCase(t, tc, loadBuildPair(t, opts))
		})
	}
}

// runDiffCase executes the case's data three times over with both Sets
// of p, reports any difference, and returns how many executions failed.
func runDiffCase(t *testing.T, tc diffCase, p setPair) int {
	t.Helper()
	failures := 0
	for round := range 3 {
		for i, d := range tc.data {
			want := executePage(p.interp, "page", fresh(d))
			got := executePage(p.comp, "page", fresh(d))
			if !want.same(got) {
				t.Errorf("round %d, data %d (%T):\ncompiled:    %s\ninterpreted: %s", round, i, d, got, want)
			}
			if want.err != nil {
				failures++
			}
			if (want.err != nil) != slices.Contains(tc.fails, i) {
				t.Errorf("data %d: %s; want it to fail: %v", i, want, slices.Contains(tc.fails, i))
			}
		}
	}
	return failures
}
