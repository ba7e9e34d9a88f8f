// Package config reads a site's site.toml into a typed Config.
//
// The keys follow Hugo's names where Hugo has one (baseURL, paginate,
// [languages.zh], [[menu.main]], [params], ...) and are matched without
// regard to case, as Hugo does. Every problem is reported with its line:
// a value of the wrong type or out of range is an error, an unknown key is a
// warning. Keys under [params] and [languages.X.params] are free-form.
//
// A Config is built once, by Load or Parse, and is never changed afterwards;
// it is then safe to share between goroutines. The package does no I/O
// beyond reading the one file in Load, and imports no generator package but
// diag and frontmatter (for the TOML decoder with key positions).
package config

import "github.com/sineng/sineng/generator/frontmatter"

// Config is a site's configuration. Its zero value is usable (no languages,
// no taxonomies, root-relative URLs), and Default returns the values a
// site.toml starts from. A Config must not be modified once built: methods
// return fresh slices, but the maps are shared and are read-only.
type Config struct {
	// Title is the site's title.
	Title string
	// BaseURL is the absolute URL the site is served from, always ending in
	// "/", or empty to make every link root-relative.
	BaseURL string
	// Theme is the theme's folder name under themes/: the site's own
	// themes/ folder is looked at first, then the embedded themes. Empty
	// means the embedded default theme.
	Theme string
	// DefaultLanguage is the code of the language served at the site root.
	// Parse sets it to "en" when the site lists no languages and to the
	// lowest-weight language when it lists some but names no default.
	DefaultLanguage string
	// DefaultLanguageInSubdir puts the default language under /<code>/ too,
	// like the others.
	DefaultLanguageInSubdir bool
	// Paginate is how many pages a list page shows; always above 0 after Parse.
	Paginate int
	// SummaryLength is how many characters a derived summary keeps (a CJK
	// character counts as one); always above 0 after Parse.
	SummaryLength int
	// Copyright is the notice a theme shows in the footer.
	Copyright string
	// EnableRobots writes robots.txt.
	EnableRobots bool
	// Markup configures Markdown rendering.
	Markup Markup
	// Taxonomies maps a taxonomy's singular name to its plural, which names
	// the front matter field and the URL section ("tag" → "tags"). Without a
	// [taxonomies] table it is {tag = "tags"}; an empty table means none.
	Taxonomies map[string]string
	// Params is the free-form [params] table, for templates.
	Params map[string]any
	// Build holds the defaults of the build command's flags.
	Build Build
	// Audience holds the default audience of pages that do not name one.
	Audience AudienceRules
	// Contact lists what contact details may appear in published output.
	Contact Contact
	// Menus maps a menu's name ("main") to its entries, as written; use
	// Menu for them in display order.
	Menus map[string][]MenuEntry
	// LanguagesByCode holds the [languages.X] tables keyed by code; use
	// Languages for them in order.
	LanguagesByCode map[string]Language
	// Program describes the training program the site is about.
	Program Program
	// Outputs switches the site-wide output files on or off.
	Outputs Outputs

	// pos holds where each key was written, for checks made after
	// loading (Position).
	pos map[string]frontmatter.Position
}

// Markup configures Markdown rendering ([markup]).
type Markup struct {
	// Unsafe lets raw HTML in Markdown through instead of omitting it.
	Unsafe bool
	// HighlightStyle is the chroma style of code blocks.
	HighlightStyle string
	// TOCMinLevel is the smallest heading level in a table of contents (1-6).
	TOCMinLevel int
	// TOCMaxLevel is the largest heading level in a table of contents
	// (TOCMinLevel-6).
	TOCMaxLevel int
}

// Build holds the defaults of the build command's flags ([build]); a flag
// given on the command line wins.
type Build struct {
	// Drafts builds pages marked draft.
	Drafts bool
	// Future builds pages dated in the future.
	Future bool
	// Expired builds pages past their expiry date.
	Expired bool
	// Audience is the audience to build for.
	Audience Audience
	// Out is the output folder; empty means public/ for the public audience
	// and public-<audience>/ for the others.
	Out string
}

// AudienceRules sets the audience of pages whose front matter names none
// ([audience] and [audience.types]). The audience package applies its own
// stricter rules for leaders and case notes on top.
type AudienceRules struct {
	// Default is the audience of a content type without a rule in Types.
	Default Audience
	// Types maps a content type ("projects") to its default audience.
	Types map[string]Audience
}

// Contact lists what contact details may appear in published output
// ([contact]).
type Contact struct {
	// Emails are the e-mail addresses a leak scan lets through.
	Emails []string
}

// MenuEntry is one entry of a menu ([[menu.main]]).
type MenuEntry struct {
	// Name is the text shown.
	Name string
	// URL is the link target, site-relative or absolute.
	URL string
	// Weight orders the entries, lowest first.
	Weight int
	// Identifier names the entry for templates; optional.
	Identifier string
}

// Language is one of the site's languages ([languages.X]).
type Language struct {
	// Code is the table key ("zh"), used in file names (page.zh.md) and URLs.
	Code string
	// Name is the name shown to readers ("中文"), from languageName.
	Name string
	// LanguageCode is the BCP 47 tag for the html lang attribute
	// ("zh-Hans"); empty means Code.
	LanguageCode string
	// Weight orders the languages, lowest first.
	Weight int
	// Title is the site title in this language; empty means Config.Title.
	Title string
	// ContentDir is a content folder for this language alone; empty means
	// the shared content/ folder with page.<code>.md files.
	ContentDir string
	// Params are free-form parameters for this language.
	Params map[string]any
}

// Program describes the training program the site is about ([program]).
type Program struct {
	// Name is the program's name.
	Name string
	// Organisation runs the program.
	Organisation string
	// Currency is the ISO 4217 code budgets are written in ("CNY").
	Currency string
}

// Outputs switches the site-wide output files on or off ([outputs]).
type Outputs struct {
	// RSS writes feeds for the home page and sections.
	RSS bool
	// Sitemap writes sitemap.xml.
	Sitemap bool
	// Search writes the search index.
	Search bool
}

// Taxonomy names one taxonomy.
type Taxonomy struct {
	// Singular is the name of one term's kind ("tag").
	Singular string
	// Plural names the front matter field and the URL section ("tags").
	Plural string
}

// Default returns the configuration of an empty site.toml.
func Default() Config {
	return Config{
		Theme:           "default",
		DefaultLanguage: "en",
		Paginate:        10,
		SummaryLength:   120,
		EnableRobots:    true,
		Markup:          Markup{HighlightStyle: "github", TOCMinLevel: 2, TOCMaxLevel: 4},
		Taxonomies:      map[string]string{"tag": "tags"},
		Build:           Build{Audience: Public},
		Audience:        AudienceRules{Default: Public},
		Outputs:         Outputs{RSS: true, Sitemap: true, Search: true},
	}
}
