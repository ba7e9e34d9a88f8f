package layout_test

import (
	"testing"

	"github.com/sineng/sineng/generator/layout"
	"github.com/sineng/sineng/themes"
)

// TestDefaultThemeLoads parses the built-in theme with the real function map
// and checks that every kind of page finds its template.
func TestDefaultThemeLoads(t *testing.T) {
	set, err := layout.Load(layout.Options{Theme: themes.Default(), ThemeName: "themes/default", BaseURL: "https://example.org/"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ kind, typ, want string }{
		{"page", "news", "themes/default/layouts/_default/single.html"},
		{"page", "projects", "themes/default/layouts/projects/single.html"},
		{"section", "news", "themes/default/layouts/_default/list.html"},
		{"section", "projects", "themes/default/layouts/projects/list.html"},
		{"home", "", "themes/default/layouts/index.html"},
		{"taxonomy", "tags", "themes/default/layouts/_default/taxonomy.html"},
		{"term", "tags", "themes/default/layouts/_default/term.html"},
		{"404", "", "themes/default/layouts/404.html"},
	}
	for _, tt := range tests {
		tmpl, ok := set.Lookup(tt.kind, tt.typ, "")
		if !ok || tmpl.Name() != tt.want || tmpl.Base() != "themes/default/layouts/_default/baseof.html" {
			t.Errorf("Lookup(%q, %q) = %v, %v; want %s inside the theme's baseof", tt.kind, tt.typ, tmpl, ok, tt.want)
		}
	}
	for _, sc := range []string{"note", "figure"} {
		if !set.HasShortcode(sc) {
			t.Errorf("shortcode %s missing", sc)
		}
	}
}
