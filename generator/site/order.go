package site

import (
	"cmp"
	"strings"

	"github.com/sineng/sineng/generator/render"
	"github.com/sineng/sineng/internal/stablesort"
)

// comparePages orders pages the way lists show them: by weight (weighted
// pages first), then newest first, then title, then path.
func comparePages(x, y *pageState) int {
	a, c := x.page, y.page
	aw, cw := a.Weight, c.Weight
	if (aw == 0) != (cw == 0) {
		if aw != 0 {
			return -1
		}
		return 1
	}
	if aw != cw {
		return cmp.Compare(aw, cw)
	}
	if d := c.Date.Compare(a.Date); d != 0 {
		return d
	}
	return cmp.Or(strings.Compare(a.Title, c.Title), strings.Compare(a.Path, c.Path))
}

// compareNewest orders pages newest first, then by path.
func compareNewest(x, y *pageState) int {
	a, c := x.page, y.page
	if d := c.Date.Compare(a.Date); d != 0 {
		return d
	}
	return strings.Compare(a.Path, c.Path)
}

// compareNewerViews orders views newest first, then by URL.
func compareNewerViews(a, c *render.Page) int {
	if d := c.Date.Compare(a.Date); d != 0 {
		return d
	}
	return strings.Compare(a.RelPermalink, c.RelPermalink)
}

// sortPages orders pages the way lists show them (comparePages).
func sortPages(ps []*pageState) { stablesort.Func(ps, comparePages) }

// sortNewest orders pages newest first, then by path.
func sortNewest(ps []*pageState) { stablesort.Func(ps, compareNewest) }
