package site

import (
	"reflect"

	"github.com/sineng/sineng/generator/content"
	"github.com/sineng/sineng/generator/render"
)

// ancestry is the breadcrumb chain of a page whose parent is p: the views
// of p and its ancestors that are published, home first. Pages with the
// same parent share one chain (memo, by parent), so a section of a
// thousand pages holds one slice, not a thousand. The chain's capacity is
// its length: appending to it never writes into another page's chain.
func (b *builder) ancestry(p *content.Page, memo map[*content.Page][]*render.Page) []*render.Page {
	if p == nil {
		return nil
	}
	if chain, ok := memo[p]; ok {
		return chain
	}
	up := b.ancestry(p.Parent, memo)
	chain := up
	if ps := b.byPage[p]; ps != nil {
		chain = make([]*render.Page, len(up)+1)
		copy(chain, up)
		chain[len(up)] = ps.view
	}
	memo[p] = chain
	return chain
}

// termsKey names one shared Terms map of content pages in one language.
type termsKey struct {
	lang  string
	terms uintptr // the map's identity: content pages with equal terms share it
}

// termLinks are a view's taxonomy links for a page's terms, by taxonomy.
// Content pages with equal terms share one Terms map, and their views
// share one link map made from it; each map's links are one block. The
// maps are read-only once made.
func (b *builder) termLinks(lang string, terms map[string][]string) map[string][]render.Link {
	k := termsKey{lang: lang, terms: reflect.ValueOf(terms).Pointer()}
	if m, ok := b.viewTerms[k]; ok {
		return m
	}
	n := 0
	for _, ts := range terms {
		n += len(ts)
	}
	links := make([]render.Link, 0, n)
	m := make(map[string][]render.Link, len(terms))
	for tax, ts := range terms {
		if len(ts) == 0 {
			continue
		}
		lo := len(links)
		for _, t := range ts {
			links = append(links, render.Link{Name: t, URL: b.termURL(lang, tax, t)})
		}
		m[tax] = links[lo:len(links):len(links)]
	}
	if b.viewTerms == nil {
		b.viewTerms = map[termsKey]map[string][]render.Link{}
	}
	b.viewTerms[k] = m
	return m
}
