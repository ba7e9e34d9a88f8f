package layout

import (
	"bytes"
	"strings"
	"testing"
)

// rewinder is a Rewinder over a buffer that counts its rewinds and the
// largest write it was given.
type rewinder struct {
	buf      bytes.Buffer
	rewinds  int
	maxWrite int
}

func (r *rewinder) Write(p []byte) (int, error) {
	r.maxWrite = max(r.maxWrite, len(p))
	return r.buf.Write(p)
}

func (r *rewinder) Rewind() error {
	r.rewinds++
	r.buf.Reset()
	return nil
}

// TestRewinderGetsOutputInPiecesAndIsRewound streams a page far larger
// than spillSize to a Rewinder: it arrives in pieces, equals
// html/template's output, and when the compiled run fails after spilling
// (a map keyed by arrays is left to html/template), the writer is rewound
// before html/template writes the page (in one piece: its fallback output
// is held whole).
func TestRewinderGetsOutputInPiecesAndIsRewound(t *testing.T) {
	p := loadPair(t, Options{SiteLayouts: mapFS(map[string]string{
		"_default/single.html": `{{ range .Items }}<p>{{ . }}</p>{{ end }}{{ range $k, $v := .Tail }}{{ $v }}{{ end }}`,
	})})
	items := make([]string, 40000)
	for i := range items {
		items[i] = strings.Repeat("x", i%17) + "&"
	}
	tmpl, ok := p.comp.Lookup("page", "", "")
	if !ok {
		t.Fatal("no page template")
	}
	for _, tail := range []any{map[string]string{"a": "end"}, map[[2]int]string{{1, 2}: "end"}} {
		data := map[string]any{"Items": items, "Tail": tail}
		want := executePage(p.interp, "page", data)
		if want.err != nil {
			t.Fatal(want.err)
		}
		var w rewinder
		if err := p.comp.Execute(&w, tmpl, data); err != nil {
			t.Fatal(err)
		}
		if w.buf.String() != want.out {
			t.Errorf("tail %T: streamed output differs from html/template's (%d vs %d bytes)", tail, w.buf.Len(), len(want.out))
		}
		_, fails := tail.(map[[2]int]string)
		if !fails && (w.maxWrite >= len(want.out) || w.maxWrite > 2*spillSize) {
			t.Errorf("tail %T: largest write %d bytes of %d, want pieces near %d", tail, w.maxWrite, len(want.out), spillSize)
		}
		if fails != (w.rewinds == 1) {
			t.Errorf("tail %T: %d rewinds", tail, w.rewinds)
		}
	}
}
