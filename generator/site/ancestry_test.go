package site

import (
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/sineng/sineng/generator/config"
	"github.com/sineng/sineng/generator/content"
	"github.com/sineng/sineng/generator/render"
)

// TestSharedViewPartsEqualPerPage checks the taxonomy links and breadcrumb
// chains views share (termLinks, ancestry) against the ones made for each
// page alone, for every published content page of the example site and
// the bilingual fixture, and that shared slices cannot be appended into.
func TestSharedViewPartsEqualPerPage(t *testing.T) {
	for _, src := range []string{filepath.Join("..", ".."), filepath.Join("testdata", "sites", "bilingual")} {
		t.Run(filepath.Base(src), func(t *testing.T) {
			b := teamBuild(t, src)
			chains := map[**render.Page]bool{}
			parents := map[*content.Page]bool{}
			for _, st := range b.pages {
				p, v := st.page, st.view
				if p.File == "" || v == nil {
					continue
				}
				var want map[string][]render.Link
				if len(p.Terms) > 0 {
					want = map[string][]render.Link{}
					for tax, terms := range p.Terms {
						for _, term := range terms {
							want[tax] = append(want[tax], render.Link{Name: term, URL: b.termURL(p.Lang, tax, term)})
						}
					}
				}
				if !reflect.DeepEqual(v.Terms, want) {
					t.Errorf("%s: terms %v, want %v", p.File, v.Terms, want)
				}
				if !slices.Equal(v.Tags, want["tags"]) {
					t.Errorf("%s: tags %v, want %v", p.File, v.Tags, want["tags"])
				}
				for tax, links := range v.Terms {
					if cap(links) != len(links) {
						t.Errorf("%s: %s links have room to append into a shared block", p.File, tax)
					}
				}
				var wantAnc []*render.Page
				var wantParent *render.Page
				for q := p.Parent; q != nil; q = q.Parent {
					if ps := b.byPage[q]; ps != nil {
						if wantParent == nil {
							wantParent = ps.view
						}
						wantAnc = append([]*render.Page{ps.view}, wantAnc...)
					}
				}
				if !slices.Equal(v.Ancestors, wantAnc) || (v.Ancestors == nil) != (wantAnc == nil) || v.Parent != wantParent {
					t.Errorf("%s: ancestors %v parent %p, want %v parent %p", p.File, v.Ancestors, v.Parent, wantAnc, wantParent)
				}
				if cap(v.Ancestors) != len(v.Ancestors) {
					t.Errorf("%s: ancestors have room to append into a shared chain", p.File)
				}
				if len(v.Ancestors) > 0 {
					parents[p.Parent] = true
					chains[&v.Ancestors[0]] = true
				}
			}
			if len(chains) != len(parents) {
				t.Errorf("pages under %d parents hold %d breadcrumb chains, want one for each parent", len(parents), len(chains))
			}
		})
	}
}

// TestTermLinksPerLanguage checks that one Terms map shared by pages of
// two languages (content shares equal terms across languages) gets each
// language's own term URLs.
func TestTermLinksPerLanguage(t *testing.T) {
	b := &builder{cfg: &config.Config{DefaultLanguage: "zh"}, base: "/"}
	terms := map[string][]string{"tags": {"社区", "youth"}, "skills": {"facilitation"}, "empty": nil}
	for _, lang := range []string{"zh", "en", "zh"} {
		got := b.termLinks(lang, terms)
		want := map[string][]render.Link{}
		for tax, ts := range terms {
			for _, term := range ts {
				want[tax] = append(want[tax], render.Link{Name: term, URL: b.termURL(lang, tax, term)})
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v, want %v", lang, got, want)
		}
	}
}
