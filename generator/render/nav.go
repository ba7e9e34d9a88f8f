package render

import "strings"

// Nav is what the site header shows of one page: the site, its home link,
// and which menu entries are the page itself or hold it. It is comparable,
// and pages with equal Navs get the same header, so the theme makes that
// header once per Nav (a keyed partial: partials/site-nav.html); Page.Nav
// returns pages of one site with equal Navs the same *Nav.
type Nav struct {
	Site   *Site
	Root   string // the site's root path, "/" or "/sub/": relURL ""
	Home   string // the home page's URL: Site.Home's, else Root
	IsHome bool   // the page is the home page
	// marks has one byte per Site.Menu entry ('p' the page itself, 't'
	// holds the page, '-' neither), or is "" when no entry is marked.
	marks string
}

// Nav returns the header state of the page; root is the site's root path
// (relURL ""). A menu entry is the page when its URL is the page's, and
// holds it when the page's URL starts with it, unless the entry is "/", the
// root or the home page. Pages of one site with equal Navs get the same
// pointer, which a template calls and keys a partial by cheaply.
func (p *Page) Nav(root string) *Nav {
	if p.Site == nil {
		n := p.nav(root)
		return &n
	}
	// n stays on the stack: get copies it when it keeps it.
	return p.Site.navs.get(p.nav(root))
}

// nav is Nav's value, worked out afresh.
func (p *Page) nav(root string) Nav {
	n := Nav{Site: p.Site, Root: root, Home: root, IsHome: p.IsHome()}
	if p.Site == nil {
		return n
	}
	if p.Site.Home != nil {
		n.Home = p.Site.Home.RelPermalink
	}
	var buf [16]byte
	var marks []byte
	for i, e := range p.Site.Menu {
		m := n.mark(p.RelPermalink, e.URL)
		if m == '-' {
			continue
		}
		if marks == nil {
			marks = unmarked(&buf, len(p.Site.Menu))
		}
		marks[i] = m
	}
	n.marks = string(marks)
	return n
}

func (n Nav) mark(here, url string) byte {
	switch {
	case !strings.HasPrefix(here, url):
		return '-'
	case url == here:
		return 'p'
	case url != "/" && url != n.Root && url != n.Home:
		return 't'
	}
	return '-'
}

// Current returns the aria-current value of menu entry i: "page" when the
// entry is the page, "true" when it holds the page, else "".
func (n Nav) Current(i int) string {
	if i < 0 || i >= len(n.marks) {
		return ""
	}
	switch n.marks[i] {
	case 'p':
		return "page"
	case 't':
		return "true"
	}
	return ""
}

// unmarked returns n bytes '-', in buf when they fit.
func unmarked(buf *[16]byte, n int) []byte {
	var b []byte
	if n <= len(buf) {
		b = buf[:n]
	} else {
		b = make([]byte, n)
	}
	for i := range b {
		b[i] = '-'
	}
	return b
}
