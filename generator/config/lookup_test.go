package config

import "testing"

func TestAbsURL(t *testing.T) {
	tests := []struct{ base, path, want string }{
		{"https://example.org/", "/leaders/", "https://example.org/leaders/"},
		{"https://example.org/", "leaders/li-wei/", "https://example.org/leaders/li-wei/"},
		{"https://example.org/", "", "https://example.org/"},
		{"https://example.org/sub/", "/leaders/", "https://example.org/sub/leaders/"},
		{"https://example.org/", "https://other.org/x", "https://other.org/x"},
		{"https://example.org/", "mailto:team@example.org", "mailto:team@example.org"},
		{"https://example.org/", "//cdn.example.org/a.js", "//cdn.example.org/a.js"},
		{"", "/leaders/", "/leaders/"},
		{"", "leaders/", "/leaders/"},
		{"https://example.org/", "1:2/x", "https://example.org/1:2/x"},
	}
	for _, tt := range tests {
		c := Config{BaseURL: tt.base}
		if got := c.AbsURL(tt.path); got != tt.want {
			t.Errorf("AbsURL(%q) with base %q = %q, want %q", tt.path, tt.base, got, tt.want)
		}
	}
}

func TestDefaultAudienceFor(t *testing.T) {
	c := Config{Audience: AudienceRules{Default: Funders, Types: map[string]Audience{"projects": Public, "cases": Team}}}
	tests := []struct {
		cfg  Config
		typ  string
		want Audience
	}{
		{c, "projects", Public},
		{c, "cases", Team},
		{c, "exchange", Funders},
		{Config{}, "projects", Public},
		{Default(), "leaders", Public},
	}
	for _, tt := range tests {
		if got := tt.cfg.DefaultAudienceFor(tt.typ); got != tt.want {
			t.Errorf("DefaultAudienceFor(%q) = %q, want %q", tt.typ, got, tt.want)
		}
	}
}

func TestZeroConfig(t *testing.T) {
	var c Config
	if ls := c.Languages(); len(ls) != 1 || ls[0].Code != "en" {
		t.Errorf("zero Languages() = %+v, want [en]", ls)
	}
	if _, ok := c.Language("en"); !ok {
		t.Errorf("zero Language(en) not found")
	}
	if len(c.TaxonomyNames()) != 0 || len(c.Menu("main")) != 0 {
		t.Errorf("zero Config has taxonomies or menus")
	}
}

func TestAudience(t *testing.T) {
	for i, a := range Audiences() {
		if !a.Valid() || a.Rank() != i {
			t.Errorf("%q: valid %v rank %d, want rank %d", a, a.Valid(), a.Rank(), i)
		}
	}
	if Audience("staff").Valid() || Audience("").Rank() != -1 {
		t.Errorf("unknown audiences must be invalid")
	}
}
