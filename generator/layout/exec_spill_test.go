package layout

import (
	"strings"
	"testing"
)

// TestKeyedPartialStraddlingSpill streams pages whose keyed partial
// ({{ partial NAME CONTEXT KEY }}) starts before and ends after the
// output held for a Rewinder is spilled to it. The output kept for the
// key must be the partial's whole output: the second call prints it, so
// a wrong one shows in the page. The page must also run compiled to the
// end, without html/template running it again.
func TestKeyedPartialStraddlingSpill(t *testing.T) {
	tests := []struct {
		name          string
		before, items int // lines before the partial, lines it prints
	}{
		// The spill leaves less output held than there was before
		// the partial: the start of its output is past the end.
		{"start past the end", 20000, 8000},
		// The spill leaves more: the start points into later output.
		{"start inside later output", 500, 60000},
		// Several spills inside the partial.
		{"several spills", 100, 200000},
		// No spill inside the partial: the common case.
		{"no spill", 10, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := loadPair(t, Options{SiteLayouts: mapFS(map[string]string{
				"_default/single.html": `{{ range .Before }}<p>{{ . }}</p>{{ end }}[{{ partial "lines.html" .Items "k" }}]{{ partial "lines.html" .Items "k" }}.`,
				"partials/lines.html":  `{{ range . }}<i>{{ . }}</i>{{ end }}`,
			})})
			lines := func(n int, tag string) []string {
				out := make([]string, n)
				for i := range out {
					out[i] = tag + strings.Repeat("x", i%13) + "&"
				}
				return out
			}
			data := map[string]any{"Before": lines(tt.before, "b"), "Items": lines(tt.items, "i")}
			want := executePage(p.interp, "page", data)
			if want.err != nil {
				t.Fatal(want.err)
			}
			tmpl, ok := p.comp.Lookup("page", "", "")
			if !ok {
				t.Fatal("no page template")
			}
			for run := range 2 {
				var w rewinder
				if err := p.comp.Execute(&w, tmpl, data); err != nil {
					t.Fatal(err)
				}
				if got := w.buf.String(); got != want.out {
					t.Errorf("run %d: streamed output differs from html/template's (%d vs %d bytes) at byte %d", run, len(got), len(want.out), firstDiff(got, want.out))
				}
				if w.rewinds != 0 {
					t.Errorf("run %d: %d rewinds", run, w.rewinds)
				}
			}
			if status := tmpl.exec.status(); status != "compiled (0 fallbacks)" {
				t.Errorf("page template is %s", status)
			}
		})
	}
}

// firstDiff is the index of the first byte where a and b differ.
func firstDiff(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}
