package content

import "sort"

// sortPages sorts pages by language, the default first and then the
// others in the order opts lists them, then by Path. Languages opts does
// not list rank with the default one. Each page's rank is looked up once,
// not at every comparison; the order, that of pages equal by both keys
// included, is sort.Slice's with the same comparison, as sort.Sort and
// sort.Slice run one algorithm.
func sortPages(pages []*Page, opts Options) {
	rank := make(map[string]int, len(opts.Languages)+1)
	for i, l := range opts.Languages {
		rank[l] = i + 1
	}
	rank[opts.DefaultLanguage] = 0
	ranks := make([]int, len(pages))
	for i, p := range pages {
		ranks[i] = rank[p.Lang]
	}
	sort.Sort(pageOrder{pages: pages, ranks: ranks})
}

// pageOrder sorts pages with their language ranks alongside.
type pageOrder struct {
	pages []*Page
	ranks []int
}

func (o pageOrder) Len() int { return len(o.pages) }

func (o pageOrder) Less(i, j int) bool {
	a, b := o.pages[i], o.pages[j]
	if a.Lang != b.Lang {
		return o.ranks[i] < o.ranks[j]
	}
	return a.Path < b.Path
}

func (o pageOrder) Swap(i, j int) {
	o.pages[i], o.pages[j] = o.pages[j], o.pages[i]
	o.ranks[i], o.ranks[j] = o.ranks[j], o.ranks[i]
}
