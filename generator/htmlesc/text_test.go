package htmlesc

import (
	"html/template"
	"math/rand/v2"
	"reflect"
	"testing"
)

// contentValue is a text value of one of the types ContentOf knows.
type contentValue struct {
	typ  reflect.Type
	c    Content
	wrap func(string) any
}

func contentValues() []contentValue {
	return []contentValue{
		{reflect.TypeFor[string](), Plain, func(s string) any { return s }},
		{reflect.TypeFor[template.HTML](), HTML, func(s string) any { return template.HTML(s) }},
		{reflect.TypeFor[template.HTMLAttr](), HTMLAttr, func(s string) any { return template.HTMLAttr(s) }},
		{reflect.TypeFor[template.URL](), URL, func(s string) any { return template.URL(s) }},
		{reflect.TypeFor[template.CSS](), CSS, func(s string) any { return template.CSS(s) }},
		{reflect.TypeFor[template.JS](), JS, func(s string) any { return template.JS(s) }},
		{reflect.TypeFor[template.JSStr](), JSStr, func(s string) any { return template.JSStr(s) }},
		{reflect.TypeFor[template.Srcset](), Srcset, func(s string) any { return template.Srcset(s) }},
	}
}

func TestContentOf(t *testing.T) {
	type named string
	for _, cv := range contentValues() {
		if c, ok := ContentOf(cv.typ); !ok || c != cv.c {
			t.Errorf("ContentOf(%s) = %v, %v; want %v, true", cv.typ, c, ok, cv.c)
		}
	}
	for _, typ := range []reflect.Type{reflect.TypeFor[named](), reflect.TypeFor[int](), reflect.TypeFor[*string](), reflect.TypeFor[[]byte]()} {
		if _, ok := ContentOf(typ); ok {
			t.Errorf("ContentOf(%s) is ok, want false", typ)
		}
	}
}

// TestTextFuncsMatchFuncs checks every TextFunc against the Func of the
// same name (which the differential tests check against html/template) on
// random text of every content type.
func TestTextFuncsMatchFuncs(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	pieces := stringPieces()
	texts := append([]string{""}, pieces...)
	for range 300 {
		texts = append(texts, randomString(r, pieces))
	}
	implemented := 0
	for _, name := range escaperNames() {
		text, ok := LookupText(name)
		if !ok {
			if name != "_html_template_jsvalescaper" {
				t.Errorf("LookupText(%q) is missing", name)
			}
			continue
		}
		implemented++
		f, _ := Lookup(name)
		for _, cv := range contentValues() {
			for _, s := range texts {
				want := f(cv.wrap(s))
				if got := text(s, cv.c); got != want {
					t.Fatalf("%s text(%q, %s) = %q, want %q", name, s, cv.typ, got, want)
				}
			}
		}
	}
	if implemented != len(escaperNames())-1 {
		t.Errorf("%d TextFuncs checked, want %d", implemented, len(escaperNames())-1)
	}
	if _, ok := LookupText("_html_template_nosuch"); ok {
		t.Error("LookupText found an unknown name")
	}
}

func TestTextFuncsDoNotAllocateForCleanText(t *testing.T) {
	esc, _ := LookupText("_html_template_htmlescaper")
	var out string
	if n := testing.AllocsPerRun(100, func() { out = esc("plain text 中文", Plain) }); n != 0 {
		t.Errorf("htmlescaper text: %v allocations, want 0", n)
	}
	_ = out
}
