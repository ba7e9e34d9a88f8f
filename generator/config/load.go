package config

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/frontmatter"
)

// Load reads and parses the site.toml at path, named path in messages. See
// Parse.
func Load(path string) (*Config, []error, error) {
	return load(path, path)
}

// LoadSite reads and parses the site.toml of the site folder source. Its
// messages name the file "site.toml", as the content's messages name
// "content/…": relative to the site, wherever the command runs.
func LoadSite(source string) (*Config, []error, error) {
	return load(filepath.Join(source, FileName), FileName)
}

// FileName is the name of a site's configuration file.
const FileName = "site.toml"

// load reads the file at path and parses it, named name in messages.
func load(path, name string) (*Config, []error, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		err = diag.PathCause(err)
		return nil, nil, &diag.Errors{List: []error{&diag.Error{File: name, Err: fmt.Errorf("cannot read site config: %w", err)}}}
	}
	return Parse(name, src)
}

// Parse decodes the text of a site.toml, named file in messages. It returns
// the Config, the warnings (unknown keys), and a *diag.Errors listing every
// error of the file with its position. When there is an error the Config is
// nil.
func Parse(file string, src []byte) (*Config, []error, error) {
	matter, err := frontmatter.DecodeTOML(file, src)
	if err != nil {
		return nil, nil, &diag.Errors{List: []error{err}}
	}
	d := &decoder{file: file, pos: matter.Pos}
	c := Default()
	var defaultLanguageSet bool
	d.fields("", matter.Data, d.siteFields(&c, &defaultLanguageSet))
	d.settleLanguages(&c, defaultLanguageSet)
	if c.Markup.TOCMinLevel > c.Markup.TOCMaxLevel {
		d.errorf("markup.tocMinLevel", "markup: tocMinLevel %d is above tocMaxLevel %d", c.Markup.TOCMinLevel, c.Markup.TOCMaxLevel)
	}

	warnings, _ := d.list.Warnings()
	if err := d.list.Err(); err != nil {
		return nil, warnings, err
	}
	c.pos = matter.Pos
	return &c, warnings, nil
}

// siteFields is the schema of site.toml.
func (d *decoder) siteFields(c *Config, defaultLanguageSet *bool) fields {
	return fields{
		"title":   d.str(&c.Title),
		"baseurl": d.baseURL(&c.BaseURL),
		"theme":   d.str(&c.Theme),
		"defaultlanguage": func(path string, v any) {
			if s, ok := d.toString(path, v); ok {
				c.DefaultLanguage = s
				*defaultLanguageSet = true
			}
		},
		"defaultlanguageinsubdir": d.boolean(&c.DefaultLanguageInSubdir),
		"paginate":                d.positive(&c.Paginate),
		"summarylength":           d.positive(&c.SummaryLength),
		"copyright":               d.str(&c.Copyright),
		"enablerobots":            d.boolean(&c.EnableRobots),
		"markup": d.table(fields{
			"unsafe":         d.boolean(&c.Markup.Unsafe),
			"highlightstyle": d.str(&c.Markup.HighlightStyle),
			"tocminlevel":    d.headingLevel(&c.Markup.TOCMinLevel),
			"tocmaxlevel":    d.headingLevel(&c.Markup.TOCMaxLevel),
		}),
		"taxonomies": d.taxonomies(&c.Taxonomies),
		"params":     d.freeForm(&c.Params),
		"build": d.table(fields{
			"drafts":   d.boolean(&c.Build.Drafts),
			"future":   d.boolean(&c.Build.Future),
			"expired":  d.boolean(&c.Build.Expired),
			"audience": d.audience(&c.Build.Audience),
			"out":      d.str(&c.Build.Out),
		}),
		"audience": d.table(fields{
			"default": d.audience(&c.Audience.Default),
			"types":   d.audienceTypes(&c.Audience.Types),
		}),
		"contact": d.table(fields{
			"emails": d.emails(&c.Contact.Emails),
		}),
		"menu":      d.menus(&c.Menus),
		"languages": d.languages(&c.LanguagesByCode),
		"program": d.table(fields{
			"name":         d.str(&c.Program.Name),
			"organisation": d.str(&c.Program.Organisation),
			"currency":     d.str(&c.Program.Currency),
		}),
		"outputs": d.table(fields{
			"rss":     d.boolean(&c.Outputs.RSS),
			"sitemap": d.boolean(&c.Outputs.Sitemap),
			"search":  d.boolean(&c.Outputs.Search),
		}),
	}
}

// baseURL stores an absolute URL, or empty, ending in "/".
func (d *decoder) baseURL(dst *string) setter {
	return func(path string, v any) {
		s, ok := d.toString(path, v)
		if !ok {
			return
		}
		s = strings.TrimSpace(s)
		if s == "" {
			*dst = ""
			return
		}
		u, err := url.Parse(s)
		if err != nil || u.Scheme == "" || u.Host == "" {
			d.errorf(path, "%s %q must be an absolute URL such as \"https://example.org/\"", path, s)
			return
		}
		if u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
			d.errorf(path, "%s %q must not have a query or a fragment", path, s)
			return
		}
		if !strings.HasSuffix(s, "/") {
			s += "/"
		}
		*dst = s
	}
}

// headingLevel stores a heading level, 1 to 6.
func (d *decoder) headingLevel(dst *int) setter {
	return func(path string, v any) {
		i, ok := d.toInt(path, v)
		if !ok {
			return
		}
		if i < 1 || i > 6 {
			d.errorf(path, "%s must be a heading level from 1 to 6, not %d", path, i)
			return
		}
		*dst = i
	}
}

// taxonomies stores singular = "plural" pairs; the table replaces the
// default, so an empty table means no taxonomies.
func (d *decoder) taxonomies(dst *map[string]string) setter {
	return func(path string, v any) {
		m, ok := d.toTable(path, v)
		if !ok {
			return
		}
		out := make(map[string]string, len(m))
		byPlural := make(map[string]string, len(m))
		for _, singular := range d.keysInFileOrder(path, m) {
			p := frontmatter.JoinKey(path, singular)
			plural, ok := d.toString(p, m[singular])
			if !ok {
				continue
			}
			if !isName(singular) || !isName(plural) {
				d.errorf(p, "taxonomy names must be non-empty and free of spaces and slashes, not %q = %q", singular, plural)
				continue
			}
			if prev, dup := byPlural[plural]; dup {
				d.errorf(p, "taxonomy %q uses the plural %q of taxonomy %q", singular, plural, prev)
				continue
			}
			byPlural[plural] = singular
			out[singular] = plural
		}
		*dst = out
	}
}

// audienceTypes stores content type = "audience" pairs.
func (d *decoder) audienceTypes(dst *map[string]Audience) setter {
	return func(path string, v any) {
		m, ok := d.toTable(path, v)
		if !ok {
			return
		}
		out := make(map[string]Audience, len(m))
		for _, typ := range d.keysInFileOrder(path, m) {
			if a, ok := d.toAudience(frontmatter.JoinKey(path, typ), m[typ]); ok {
				out[typ] = a
			}
		}
		*dst = out
	}
}

// emails stores a list of e-mail addresses.
func (d *decoder) emails(dst *[]string) setter {
	return func(path string, v any) {
		var list []string
		d.stringList(&list)(path, v)
		for i, e := range list {
			local, domain, ok := strings.Cut(e, "@")
			if !ok || local == "" || domain == "" || strings.ContainsAny(e, " \t<>") || strings.Contains(domain, "@") {
				d.errorf(frontmatter.JoinIndex(path, i), "%s: %q is not an e-mail address", path, e)
			}
		}
		*dst = list
	}
}

// menus stores [[menu.NAME]] entries.
func (d *decoder) menus(dst *map[string][]MenuEntry) setter {
	return func(path string, v any) {
		m, ok := d.toTable(path, v)
		if !ok {
			return
		}
		out := make(map[string][]MenuEntry, len(m))
		for _, name := range d.keysInFileOrder(path, m) {
			p := frontmatter.JoinKey(path, name)
			items, ok := d.toArray(p, m[name])
			if !ok {
				continue
			}
			entries := make([]MenuEntry, 0, len(items))
			for i, item := range items {
				ip := frontmatter.JoinIndex(p, i)
				t, ok := d.toTable(ip, item)
				if !ok {
					continue
				}
				var e MenuEntry
				d.fields(ip, t, fields{
					"name":       d.str(&e.Name),
					"url":        d.str(&e.URL),
					"weight":     d.integer(&e.Weight),
					"identifier": d.str(&e.Identifier),
				})
				if e.Name == "" {
					d.errorf(ip, "%s: a menu entry needs a name", ip)
				}
				entries = append(entries, e)
			}
			out[name] = entries
		}
		*dst = out
	}
}

// languages stores the [languages.CODE] tables.
func (d *decoder) languages(dst *map[string]Language) setter {
	return func(path string, v any) {
		m, ok := d.toTable(path, v)
		if !ok {
			return
		}
		out := make(map[string]Language, len(m))
		for _, code := range d.keysInFileOrder(path, m) {
			p := frontmatter.JoinKey(path, code)
			if !isLanguageCode(code) {
				d.errorf(p, "language code %q may hold only letters, digits and \"-\"", code)
				continue
			}
			t, ok := d.toTable(p, m[code])
			if !ok {
				continue
			}
			l := Language{Code: code}
			d.fields(p, t, fields{
				"languagename": d.str(&l.Name),
				"languagecode": d.str(&l.LanguageCode),
				"weight":       d.integer(&l.Weight),
				"title":        d.str(&l.Title),
				"contentdir":   d.str(&l.ContentDir),
				"params":       d.freeForm(&l.Params),
			})
			out[code] = l
		}
		*dst = out
	}
}

// settleLanguages checks the default language against the list, or picks
// one when none is named.
func (d *decoder) settleLanguages(c *Config, named bool) {
	if len(c.LanguagesByCode) == 0 {
		if c.DefaultLanguage == "" {
			d.errorf("defaultLanguage", "defaultLanguage must not be empty")
		}
		return
	}
	if !named {
		c.DefaultLanguage = c.Languages()[0].Code
		return
	}
	if _, ok := c.LanguagesByCode[c.DefaultLanguage]; !ok {
		codes := make([]string, 0, len(c.LanguagesByCode))
		for code := range c.LanguagesByCode {
			codes = append(codes, code)
		}
		sort.Strings(codes)
		d.errorf("defaultLanguage", "defaultLanguage %q is not one of the languages (%s)", c.DefaultLanguage, strings.Join(codes, ", "))
	}
}

// isName reports whether s can name a taxonomy in front matter and URLs.
func isName(s string) bool {
	return s != "" && !strings.ContainsAny(s, " \t\r\n/\\")
}

// isLanguageCode reports whether s is letters, digits and "-" only.
func isLanguageCode(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
