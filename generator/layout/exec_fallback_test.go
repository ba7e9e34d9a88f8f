package layout

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/htmlesc"
)

// TestEscaperMissingStaysInterpreted gives the compiler only the escaper
// of HTML text: a template that needs another one stays on html/template,
// one that does not is compiled, and both print what html/template does.
func TestEscaperMissingStaysInterpreted(t *testing.T) {
	p := loadPair(t, Options{SiteLayouts: mapFS(map[string]string{
		"_default/single.html": `<p>{{ .Title }}</p>{{ partial "attr.html" . }}{{ partial "text.html" . }}`,
		"partials/attr.html":   `<a title="{{ .Title }}">x</a>`,
		"partials/text.html":   `<b>{{ .Title }}</b>`,
	})})
	all := p.comp.escapers
	p.comp.escapers = func(name string) (htmlesc.Func, bool) {
		if name != "_html_template_htmlescaper" {
			return nil, false
		}
		return all(name)
	}
	data := map[string]string{"Title": `"A" & <B>`}
	for range 2 {
		want, got := executePage(p.interp, "page", data), executePage(p.comp, "page", data)
		if !want.same(got) {
			t.Fatalf("compiled %s, interpreted %s", got, want)
		}
	}
	tests := []struct{ entry, status string }{
		{"partials/attr.html", "interpreted"},
		{"partials/text.html", "compiled (0 fallbacks)"},
	}
	for _, tt := range tests {
		if status := p.comp.entries[tt.entry].status(); !strings.HasPrefix(status, tt.status) {
			t.Errorf("%s: %s, want %s", tt.entry, status, tt.status)
		}
	}
	if status := pageStatus(p.comp, "page"); status != "compiled (0 fallbacks)" {
		t.Errorf("page: %s", status)
	}
}

// TestInterpretCompilesNothing checks that a Set loaded with Interpret
// never compiles.
func TestInterpretCompilesNothing(t *testing.T) {
	p := loadPair(t, Options{SiteLayouts: mapFS(map[string]string{
		"_default/single.html": `<p>{{ .Title }}</p>{{ partial "text.html" . }}`,
		"partials/text.html":   `<b>{{ .Title }}</b>`,
	})})
	lookup, err := htmlTemplateEscapers()
	if err != nil {
		t.Fatal(err)
	}
	p.interp.escapers = lookup
	for range 3 {
		if o := executePage(p.interp, "page", map[string]string{"Title": "t"}); o.err != nil || o.out != "<p>t</p><b>t</b>" {
			t.Fatalf("got %s", o)
		}
	}
	if status := pageStatus(p.interp, "page"); status != "not yet compiled" {
		t.Errorf("page: %s", status)
	}
	if status := p.interp.entries["partials/text.html"].status(); status != "not yet compiled" {
		t.Errorf("partial: %s", status)
	}
}

// TestFailedExecutionWritesNothing checks that a compiled execution that
// fails leaves the caller's writer as it was and returns html/template's
// positioned error, for a buffer (written in place) and another writer.
func TestFailedExecutionWritesNothing(t *testing.T) {
	p := loadPair(t, Options{SiteLayouts: mapFS(map[string]string{
		"_default/single.html": "<p>{{ .Name }}</p>\n{{ .Fail .OK }}",
	})})
	tmpl, _ := p.comp.Lookup("page", "", "")
	var b bytes.Buffer
	if err := p.comp.Execute(&b, tmpl, &xUser{Name: "ok"}); err != nil || b.String() != "<p>ok</p>\nfine" {
		t.Fatalf("got %q, %v", b.String(), err)
	}
	for _, w := range []interface {
		io.Writer
		fmt.Stringer
	}{bytes.NewBufferString("before|"), &strings.Builder{}} {
		if _, ok := w.(*strings.Builder); ok {
			io.WriteString(w, "before|")
		}
		err := p.comp.Execute(w, tmpl, &xUser{Name: "x", OK: true})
		var de *diag.Error
		if !errors.As(err, &de) || de.Line != 2 || de.Col != 4 || !strings.Contains(err.Error(), "asked to fail") {
			t.Errorf("%T: error %v, want one at line 2, column 4", w, err)
		}
		if w.String() != "before|" {
			t.Errorf("%T: wrote %q", w, w.String())
		}
	}
	if status := pageStatus(p.comp, "page"); status != "compiled (2 fallbacks)" {
		t.Errorf("status %s", status)
	}
}

// TestUnsupportedConstructs runs templates the compiler leaves, or whose
// compiled code hands some executions back, and wants html/template's
// output all the same.
func TestUnsupportedConstructs(t *testing.T) {
	type point struct{ X, Y int }
	tests := []struct {
		name, page string
		data       any
		status     string
	}{
		{"variable of the then branch in the else branch", `{{ if .A }}{{ $x := 1 }}{{ else }}{{ $x }}{{ end }}`, map[string]any{"A": true}, "interpreted"},
		{"declaration in a parenthesized pipeline", `{{ print ($x := 1) $x }}`, nil, "interpreted"},
		{"template called in an attribute", `-{{ define "t" }}{{ . }}{{ end }}<a title="{{ template "t" . }}">`, "x", "interpreted"},
		{"range over a map keyed by structs", `{{ range $k, $v := . }}{{ $k.X }}={{ $v }};{{ end }}`, map[point]string{{1, 2}: "a", {0, 5}: "b"}, "compiled (2 fallbacks)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := loadPair(t, Options{SiteLayouts: mapFS(map[string]string{"_default/single.html": tt.page})})
			for range 2 {
				want, got := executePage(p.interp, "page", tt.data), executePage(p.comp, "page", tt.data)
				if want.err != nil || !want.same(got) {
					t.Fatalf("compiled %s, interpreted %s", got, want)
				}
			}
			if status := pageStatus(p.comp, "page"); !strings.HasPrefix(status, tt.status) {
				t.Errorf("status %q, want %q", status, tt.status)
			}
		})
	}
}
