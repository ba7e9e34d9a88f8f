package config

import (
	"sort"
	"strings"
)

// Languages returns the site's languages sorted by weight, then code. A site
// without [languages] has one: its default language (or "en").
func (c *Config) Languages() []Language {
	if len(c.LanguagesByCode) == 0 {
		code := c.DefaultLanguage
		if code == "" {
			code = "en"
		}
		return []Language{{Code: code}}
	}
	out := make([]Language, 0, len(c.LanguagesByCode))
	for _, l := range c.LanguagesByCode {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight < out[j].Weight
		}
		return out[i].Code < out[j].Code
	})
	return out
}

// Language returns the language with the code, as listed by Languages.
func (c *Config) Language(code string) (Language, bool) {
	if len(c.LanguagesByCode) > 0 {
		l, ok := c.LanguagesByCode[code]
		return l, ok
	}
	if l := c.Languages()[0]; l.Code == code {
		return l, true
	}
	return Language{}, false
}

// TaxonomyNames returns the site's taxonomies sorted by plural name.
func (c *Config) TaxonomyNames() []Taxonomy {
	out := make([]Taxonomy, 0, len(c.Taxonomies))
	for singular, plural := range c.Taxonomies {
		out = append(out, Taxonomy{Singular: singular, Plural: plural})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Plural != out[j].Plural {
			return out[i].Plural < out[j].Plural
		}
		return out[i].Singular < out[j].Singular
	})
	return out
}

// Menu returns the entries of the named menu sorted by weight, then name,
// then URL.
func (c *Config) Menu(name string) []MenuEntry {
	out := append([]MenuEntry(nil), c.Menus[name]...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.URL < b.URL
	})
	return out
}

// AbsURL returns the absolute URL of a site path such as "/leaders/" or
// "leaders/": the path joined under BaseURL (so a BaseURL with a path of
// its own keeps it). A URL that already has a scheme, or starts with "//",
// is returned unchanged. Without a BaseURL the result is root-relative.
func (c *Config) AbsURL(path string) string {
	if strings.HasPrefix(path, "//") || hasScheme(path) {
		return path
	}
	base := c.BaseURL
	if base == "" {
		base = "/"
	}
	return base + strings.TrimLeft(path, "/")
}

// hasScheme reports whether s starts with "scheme:" as in a URL.
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

// Position returns where the key path ("markup.highlightStyle", any case)
// was written in site.toml, for messages of checks other packages make
// after loading; (1, 1) when the key was not written there, (0, 0) for a
// Config not loaded from a file.
func (c *Config) Position(key string) (line, col int) {
	if c.pos == nil {
		return 0, 0
	}
	if p, ok := c.pos[key]; ok {
		return p.Line, p.Col
	}
	for k, p := range c.pos {
		if strings.EqualFold(k, key) {
			return p.Line, p.Col
		}
	}
	return 1, 1
}

// DefaultAudienceFor returns the audience of a page of the content type
// ("projects") whose front matter names none: the type's rule in
// [audience.types], else [audience] default, else Public.
func (c *Config) DefaultAudienceFor(contentType string) Audience {
	if a, ok := c.Audience.Types[contentType]; ok && a.Valid() {
		return a
	}
	if c.Audience.Default.Valid() {
		return c.Audience.Default
	}
	return Public
}
