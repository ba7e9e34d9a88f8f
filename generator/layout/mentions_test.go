package layout

import "testing"

// TestMentions: a template names a field wherever it can reach it — a
// field or method of dot, of a variable or of a call's result, a function,
// a path in a string for where — in any branch, define, partial or
// shortcode; a comment or other text is not a mention.
func TestMentions(t *testing.T) {
	names := []string{"Params", "Param", "jsonify"}
	tests := []struct {
		name string
		file string // path under layouts/
		text string
		want bool
	}{
		{"field", "_default/single.html", `{{ .Params.x }}`, true},
		{"method", "_default/single.html", `{{ .Param "x" }}`, true},
		{"variable", "_default/single.html", `{{ $p := . }}{{ $p.Params.x }}`, true},
		{"chain", "_default/single.html", `{{ (index .Pages 0).Params.x }}`, true},
		{"where path", "_default/list.html", `{{ range where .Pages "Params.status" "funded" }}{{ .Title }}{{ end }}`, true},
		{"function", "_default/single.html", `{{ jsonify .Title }}`, true},
		{"in else", "_default/single.html", `{{ if .Title }}a{{ else }}{{ .Params.x }}{{ end }}`, true},
		{"in range", "_default/list.html", `{{ range .Pages }}{{ with .Params }}{{ .x }}{{ end }}{{ end }}`, true},
		{"in define", "_default/single.html", `x{{ define "y" }}{{ .Params.x }}{{ end }}`, true},
		{"in partial", "partials/p.html", `{{ .Params.x }}`, true},
		{"in shortcode", "shortcodes/s.html", `{{ .Page.Params.x }}`, true},
		{"comment", "_default/single.html", `{{/* .Params.x */}}{{ .Title }}`, false},
		{"text", "_default/single.html", `<p>Params</p>{{ .Title }}`, false},
		{"other fields", "_default/single.html", `{{ .Title }}{{ range .Pages }}{{ .Summary }}{{ end }}{{ .Site.Title }}`, false},
	}
	for _, tt := range tests {
		set, err := Load(Options{SiteLayouts: mapFS(map[string]string{tt.file: tt.text})})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := set.Mentions(names...); got != tt.want {
			t.Errorf("%s: Mentions = %v, want %v", tt.name, got, tt.want)
		}
	}
}
