package content

import (
	"time"

	"github.com/sineng/sineng/generator/frontmatter"
)

// Kind says what a page is.
type Kind string

// The kinds of pages a content folder holds.
const (
	KindHome    Kind = "home"    // content/_index.md, or made up when absent
	KindSection Kind = "section" // a folder's _index.md, or made up for a top-level folder
	KindPage    Kind = "page"    // any other Markdown file
)

// Page is one Markdown file (or a made-up section or home page) with its
// front matter decoded into the fields every page shares.
//
// A build keeps every Page to its end, so the fields are laid out without
// padding (the flags sit together with span): 568 bytes, which with the
// allocator's 8-byte header fill its 576-byte size class. A field more
// takes the next class, 640 bytes.
type Page struct {
	File    string // site-relative slash path, "content/projects/x.md"; "" for made-up pages
	Path    string // content-relative path without extension and language, "projects/x", "leaders/wang/index", "news/_index"
	Dir     string // content-relative folder of the page's identity: "projects" for projects/x.md, "leaders/wang" for a bundle
	Lang    string // language key ("zh", "en")
	Kind    Kind
	Section string // top-level section, "" for the home page
	Type    string // the `type` field, else Section
	Layout  string // the `layout` field

	Matter frontmatter.Matter // decoded front matter with positions; pages may share its lists and tables, so never modify them
	Body   []byte             // the Markdown after the front matter

	Title          string
	Slug           string
	URL            string // the `url` field, as written
	Date           time.Time
	Lastmod        time.Time
	PublishDate    time.Time
	ExpiryDate     time.Time
	Weight         int
	Summary        string // the `summary` field
	Description    string // the `description` field
	Aliases        []string
	Terms          map[string][]string // taxonomy plural name → terms, in file order, de-duplicated; pages with equal terms share the map, so never modify it
	Audience       string              // the `audience` field as written; "" when absent
	TranslationKey string              // the `translationKey` field, else Lang-free Path

	RelPermalink string // percent-encoded URL path, "/projects/x/"
	OutPath      string // output file, slash path, "projects/x/index.html"

	Resources []string // bundle files, content-relative slash paths, sorted

	Bundle        bool // a leaf bundle's index.md
	TitleFromFile bool // no title field: taken from the first heading or the file name
	Draft         bool

	// With Options.LazyBodies: whether the body was dropped, where it
	// starts in the file and the file's size (span), and the file's
	// checksum, as Load read it. A body that starts too far into its file
	// for span to record is kept instead.
	span bodySpan
	sum  uint64

	Parent      *Page   // the section holding the page; nil for home
	Pages       []*Page // sections and home: the regular pages directly inside, in file order
	Subsections []*Page // sections and home: the sections directly inside, in path order
}

// TitleFromHeading reports whether the title is the body's first heading:
// no title field, and a title that is not the file or folder name.
func (p *Page) TitleFromHeading() bool {
	if !p.TitleFromFile {
		return false
	}
	_, name := titleFromName(p)
	return p.Title != name
}

// IsPage reports whether p is a regular page.
func (p *Page) IsPage() bool { return p.Kind == KindPage }

// Position returns the line and column of a front-matter key path in p.File.
func (p *Page) Position(path string) (int, int) {
	pos := p.Matter.Position(path)
	return pos.Line, pos.Col
}

// emptyMatter is the front matter of a made-up page: no keys.
func emptyMatter() frontmatter.Matter { return frontmatter.Matter{Data: map[string]any{}} }
