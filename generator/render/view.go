// Package render turns assembled pages into bytes: the views templates see,
// and the site-wide outputs (RSS feeds, sitemap, robots.txt, redirects).
//
// It does no file I/O and holds no state between builds. Views are built by
// the orchestrator in two steps: every field from front matter first, then,
// page by page as its body is converted, the body-derived fields (Content,
// Summary, TableOfContents, WordCount, ReadingTime, a derived Description).
// A template that runs before every page is converted must read other
// pages' front-matter fields only; the orchestrator knows which templates may
// (the built-in theme's) and waits for the rest. A dev-server session
// changes the body-derived fields of edited pages between renders.
package render

import (
	"html/template"
	"time"
)

// Page is the value a page template sees as dot.
//
// Fields are filled by the orchestrator as the package comment says.
type Page struct {
	// Site is the site this page belongs to. It comes first because
	// templates read it on every page and look fields up by name in order.
	Site *Site

	Kind    string // "home", "section", "page", "taxonomy", "term" or "404"
	Type    string // content type: the top-level section or the `type` field
	Section string // top-level section ("" for the home page)
	Layout  string // the `layout` field
	File    string // source file, site-relative ("content/projects/x.md"); "" for generated pages

	Title       string
	Description string // the `description` field, else the plain-text summary
	Lead        string // the `description` field, else the `summary` field, as written; "" when the page has neither
	Lang        string // language code, e.g. "zh-Hans"
	Date        time.Time
	Lastmod     time.Time
	Draft       bool
	Weight      int
	Params      map[string]any // every front-matter field, as decoded

	Summary         template.HTML // summary HTML (the part before <!--more-->, else derived)
	Content         template.HTML // the body HTML
	TableOfContents template.HTML // nested list of links to headings; empty when none
	WordCount       int           // Latin words plus CJK characters
	ReadingTime     int           // minutes, at least 1 for a non-empty page

	RelPermalink string // "/projects/elevator/"
	Permalink    string // absolute URL

	Tags      []Link            // the page's tags, each linking to its term page
	Terms     map[string][]Link // every taxonomy of the page by plural name ("tags", "skills")
	Aliases   []string          // old URLs that redirect here
	Resources []Resource        // files of the page bundle that are published
	// PicturesHidden is true for a leader's portfolio published without
	// photo consent: Resources holds no picture and the body no image, and
	// a template must show none either (the figure shortcode shows
	// nothing).
	PicturesHidden bool

	Pages     []*Page // list kinds: the regular pages and subsections, sorted
	Paginator *Pager  // list kinds: the current page of Pages
	Parent    *Page   // the section that holds this page; nil for home
	Ancestors []*Page // home first, for breadcrumbs; excludes the page itself
	Prev      *Page   // previous page in the section's order, or nil
	Next      *Page   // next page in the section's order, or nil

	Translations []Link // the same page in other languages

	// Program views, each set only on the pages it belongs to.
	Leader    *LeaderView     // a leader's portfolio page
	Project   *ProjectView    // a project's page
	Session   *SessionView    // a session plan's page
	Exchange  *ExchangeView   // an exchange material's page
	Stage     *StageView      // a stage handbook page
	Leaders   []*LeaderView   // the leaders index and its filter pages
	Projects  []*ProjectView  // the showcase and its browse pages
	Exchanges []*ExchangeView // the exchange hub and its filter pages
	Facets    []*Facet        // filter links of an index page
	Filter    *Filter         // the filter a filter page applies
}

// Facet is one dimension of filter pages with a link for each value.
type Facet struct {
	Dimension string // "stage", "community", "skill", "scheme", "status", "kind", "topic"
	Label     string // translated name of the dimension
	Filters   []Filter
}

// IsHome reports whether the page is the home page.
func (p *Page) IsHome() bool { return p.Kind == "home" }

// IsPage reports whether the page is a regular content page.
func (p *Page) IsPage() bool { return p.Kind == "page" }

// IsSection reports whether the page lists a section.
func (p *Page) IsSection() bool { return p.Kind == "section" }

// IsList reports whether the page lists other pages.
func (p *Page) IsList() bool {
	switch p.Kind {
	case "home", "section", "taxonomy", "term":
		return true
	}
	return false
}

// Param returns the front-matter field key, or nil.
func (p *Page) Param(key string) any { return p.Params[key] }

// T returns the theme string key in the page's language; see Site.T.
func (p *Page) T(key string, args ...any) string { return p.Site.T(key, args...) }

// Link is a named URL: a tag, a translation, a menu entry.
type Link struct {
	Name string
	URL  string // relative permalink
	Lang string // language code, for translations
}

// Resource is a published file of a page bundle.
type Resource struct {
	Name         string // file name within the bundle, e.g. "photo.jpg"
	RelPermalink string
	MediaType    string // e.g. "image/png"
	Width        int    // images: pixel size of the published file; 0 otherwise
	Height       int
	SrcSet       string // images: the resized copies for a srcset attribute, "" when none
}

// Pager is one page of a paginated list.
type Pager struct {
	Number     int     // 1-based
	TotalPages int     // at least 1
	Pages      []*Page // the pages shown on this page of the list
	PrevURL    string  // "" on the first page
	NextURL    string  // "" on the last page
	Links      []PagerLink
}

// HasPrev reports whether there is a previous page.
func (p *Pager) HasPrev() bool { return p.PrevURL != "" }

// HasNext reports whether there is a next page.
func (p *Pager) HasNext() bool { return p.NextURL != "" }

// PagerLink is a numbered link in pagination navigation.
type PagerLink struct {
	Number  int
	URL     string
	Current bool
}

// Site is what templates see as .Site: site-wide data shared by every page
// of one language of one build.
type Site struct {
	Title        string
	BaseURL      string // absolute, with trailing slash
	LanguageCode string // e.g. "zh-Hans"
	Lang         string // language key, e.g. "zh"
	Copyright    string
	Description  string // params.description
	Params       map[string]any
	Audience     string // "public", "funders" or "team": who this build is for
	NoIndex      bool   // true for the team build: pages carry a noindex robots meta
	Generator    string // "sineng <version>"

	Menu         []MenuEntry
	Home         *Page
	Sections     []*Page // top-level sections, in menu/weight order
	RegularPages []*Page // every regular page, newest first
	Taxonomies   []*Taxonomy

	Styles    []Asset // fingerprinted stylesheets, in the order to link them
	Scripts   []Asset // fingerprinted scripts
	Languages []Link  // every language of the site, linking to its home

	RSSURL string // relative URL of the home feed, "" when feeds are off

	SearchURL   string // the search page of this language, "" when search is off
	SearchIndex string // the folder of this language's search index, for the search script

	// Program is the Four Capabilities program of this build, or nil when
	// the site has no program content.
	Program *Program

	// Strings maps theme string keys to this language's text (from i18n/<lang>.toml).
	Strings map[string]string

	// Data holds the site's data files (data/communities.toml is
	// .Site.Data.communities); every language shares it, read-only.
	Data map[string]any

	// navs and trails hold one copy of each Nav and Trail the site's
	// pages return, so that equal ones are one pointer.
	navs   interned[Nav]
	trails interned[Trail]
}

// T returns the theme string key in the site's language, formatted with
// args when the string has verbs; an unknown key returns the key itself so a
// missing translation is visible but never breaks a page.
func (s *Site) T(key string, args ...any) string {
	v, ok := s.Strings[key]
	if !ok {
		return key
	}
	if len(args) > 0 {
		return sprintf(v, args)
	}
	return v
}

// Site returns s itself, so a template given a page or a site (the
// "page" of the theme's list partials) reaches the site as .Site from
// either.
func (s *Site) Site() *Site { return s }

// Taxonomy returns the taxonomy with the given plural name, or nil.
func (s *Site) Taxonomy(plural string) *Taxonomy {
	for _, t := range s.Taxonomies {
		if t.Plural == plural {
			return t
		}
	}
	return nil
}

// MenuEntry is a link in the main navigation.
type MenuEntry struct {
	Name   string
	URL    string
	Weight int
}

// Asset is a fingerprinted file: its URL carries a hash of its bytes and
// Integrity is the matching subresource-integrity value.
type Asset struct {
	URL       string // e.g. "/css/style.3f2a9c1d.css"
	Integrity string // e.g. "sha256-…"
}

// Taxonomy is one configured taxonomy with its terms.
type Taxonomy struct {
	Singular string
	Plural   string
	URL      string  // "/tags/"
	Terms    []*Term // sorted by name
}

// Term is one value of a taxonomy and the pages that carry it.
type Term struct {
	Name  string
	URL   string
	Count int
	Pages []*Page // newest first
}

// Shortcode is the value a shortcode template sees as dot.
type Shortcode struct {
	Name     string
	Args     map[string]string // named arguments: {{< figure src="a.png" >}} → .Args.src
	Params   []string          // positional arguments, in order
	Inner    template.HTML     // the text between opening and closing tags, rendered as Markdown
	InnerRaw string            // the same text as written
	Page     *Page             // the page the shortcode is in (its Content is not ready yet)
	Site     *Site

	// Resolve, when set, turns a link or picture destination written in
	// the page into its published URL as a Markdown link or image of the
	// page would be (ImageURL).
	Resolve func(dest string, image bool) (string, error)
}

// ImageURL returns the published URL of a picture a shortcode names, as
// a Markdown image of the page would have it: a file of the page's
// bundle as it is published, a file of another page's bundle at its
// published URL (or an error when the build leaves it out), anything
// else as written. {{< figure src="../wu/photo.jpg" >}} cannot print the
// folder of a leader published under a pseudonym, nor a picture that is
// not published.
func (s *Shortcode) ImageURL(dest string) (string, error) {
	if s.Resolve == nil {
		return dest, nil
	}
	return s.Resolve(dest, true)
}

// Get returns a positional argument by index (an int) or a named one by
// key (a string); "" when absent.
func (s *Shortcode) Get(key any) string {
	switch k := key.(type) {
	case int:
		if k >= 0 && k < len(s.Params) {
			return s.Params[k]
		}
	case string:
		return s.Args[k]
	}
	return ""
}
