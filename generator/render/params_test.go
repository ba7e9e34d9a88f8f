package render

import (
	"bytes"
	"html/template"
	"sync"
	"sync/atomic"
	"testing"
)

// fileParams is a ParamsLoader over fixed maps, counting its calls.
type fileParams struct {
	m     map[string]map[string]any
	calls atomic.Int32
}

func (f *fileParams) LoadParams(file string) map[string]any {
	f.calls.Add(1)
	return f.m[file]
}

// TestParamsLaterComeFromTheSiteLoader: a page whose params were let go
// reads them from its site's loader, in Go and in templates, a copied view
// (a list's later page) too; SetParams makes them the page's own again.
func TestParamsLaterComeFromTheSiteLoader(t *testing.T) {
	from := &fileParams{m: map[string]map[string]any{"content/a.md": {"budget": int64(1200), "status": "funded"}}}
	site := &Site{}
	site.LoadParamsFrom(from)
	p := &Page{Site: site, File: "content/a.md"}
	p.SetParams(map[string]any{"budget": int64(1200), "status": "funded"})
	if from.calls.Load() != 0 {
		t.Fatal("SetParams asked the loader")
	}
	p.LoadParamsLater()
	if p.params != nil {
		t.Error("LoadParamsLater kept the map")
	}
	tpl := template.Must(template.New("t").Parse(`{{ .Params.status }} {{ .Param "budget" }} {{ index .Params "status" }}`))
	copied := *p
	for _, v := range []*Page{p, &copied} {
		var out bytes.Buffer
		if err := tpl.Execute(&out, v); err != nil {
			t.Fatal(err)
		}
		if got, want := out.String(), "funded 1200 funded"; got != want {
			t.Errorf("template = %q, want %q", got, want)
		}
	}
	if from.calls.Load() == 0 {
		t.Error("the loader was never asked")
	}

	// A page the loader does not know has no params, not a nil map a
	// template would trip on with index.
	q := &Page{Site: site, File: "content/gone.md"}
	q.LoadParamsLater()
	if m := q.Params(); m == nil || len(m) != 0 {
		t.Errorf("Params of an unknown page = %#v, want an empty map", m)
	}

	p.SetParams(map[string]any{"status": "own"})
	before := from.calls.Load()
	if p.Param("status") != "own" || from.calls.Load() != before {
		t.Error("after SetParams the page still asks the loader")
	}
}

// TestParamsLaterConcurrent: templates of two workers read the same
// page's params at once (go test -race).
func TestParamsLaterConcurrent(t *testing.T) {
	from := &fileParams{m: map[string]map[string]any{"content/a.md": {"n": int64(1)}}}
	site := &Site{}
	site.LoadParamsFrom(from)
	p := &Page{Site: site, File: "content/a.md"}
	p.LoadParamsLater()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 100 {
				if p.Param("n") != int64(1) {
					t.Error("wrong param")
					return
				}
			}
		})
	}
	wg.Wait()
}
