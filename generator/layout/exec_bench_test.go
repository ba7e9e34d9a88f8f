package layout

import (
	"bytes"
	"testing"
)

// benchmarkTheme executes the built-in theme's templates for a content
// page and a section list, as a build does, on a Set loaded with or
// without Interpret (and the escapers of htmlesc).
func benchmarkTheme(b *testing.B, interpret bool) {
	opts := themeOptions()
	opts.Interpret = interpret
	set, err := Load(opts)
	if err != nil {
		b.Fatal(err)
	}
	site := newThemeSite(b)
	pages := site.pages[1:3] // the section list and a content page
	var buf bytes.Buffer
	for range 2 {
		for _, page := range pages {
			buf.Reset()
			if o := executeView(set, page); o.err != nil {
				b.Fatal(o.err)
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, page := range pages {
			buf.Reset()
			tmpl, _ := set.Lookup(page.Kind, page.Type, page.Layout)
			if err := set.Execute(&buf, tmpl, page); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkExecuteCompiled(b *testing.B)    { benchmarkTheme(b, false) }
func BenchmarkExecuteInterpreted(b *testing.B) { benchmarkTheme(b, true) }
