package site

import (
	"reflect"
	"sync"

	"github.com/sineng/sineng/generator/content"
	"github.com/sineng/sineng/generator/diag"
)

// dropMatter lets go of every page's decoded front matter once the stages
// that check it are over: the key positions serve the checks before
// conversion only (field types, audience, program references), and the
// values are in the pages' fields and program items by then. A view whose
// params are the page's front matter as decoded gets it decoded again, from
// the page's file, the first time a template reads its .Params
// (matterLoader); one whose params were edited (a redacted leader's) keeps
// its own map.
//
// Front-matter maps are some twenty small objects a page, which the
// collector traces on every cycle of a build whose templates read none of
// them, as the built-in theme's do not: letting them go made a 10k-page
// build ≈2% faster (20 rounds, each binary's runs paired).
func (b *builder) dropMatter() {
	loader := &matterLoader{tree: b.tree, errs: b.errs, done: map[string]map[string]any{}}
	for _, ls := range b.langs {
		ls.site.LoadParamsFrom(loader)
	}
	for _, st := range b.pages {
		v, p := st.view, st.page
		if v != nil && v.Site != nil && p.File != "" && sameMap(v.Params(), p.Matter.Data) {
			v.LoadParamsLater()
		}
	}
	for _, p := range b.tree.Pages {
		p.Matter.Data, p.Matter.Pos = nil, nil
	}
}

// sameMap reports whether a and b are the same map, not merely equal ones.
func sameMap(a, b map[string]any) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}

// matterLoader decodes pages' front matter again for their views' params
// (render.ParamsLoader), once a page: a template that reads a page's
// .Params reads them again and again.
type matterLoader struct {
	tree *content.Tree
	errs *diag.List

	mu   sync.Mutex
	done map[string]map[string]any // by file
}

// LoadParams implements render.ParamsLoader. The front matter decoded
// without a problem when it was loaded, so a problem now (the file changed
// since) is one of the build's own and is reported as such.
func (l *matterLoader) LoadParams(file string) map[string]any {
	l.mu.Lock()
	m, ok := l.done[file]
	l.mu.Unlock()
	if ok {
		return m
	}
	p, ok := l.tree.ByFile(file)
	if !ok {
		return nil
	}
	m, err := l.tree.Params(p)
	if err != nil {
		l.errs.Add(err)
		m = map[string]any{} // and kept, so that the problem is told once
	}
	// Two workers may decode the same page at once: the first map kept
	// is the one every caller gets.
	l.mu.Lock()
	defer l.mu.Unlock()
	if old, ok := l.done[file]; ok {
		return old
	}
	l.done[file] = m
	return m
}
