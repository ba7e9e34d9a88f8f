package layout

import (
	"html/template"
	"io/fs"
)

// Options says where templates come from and how their functions behave.
// The zero value is valid and yields an empty Set.
type Options struct {
	// SiteLayouts is the site's own layouts/ folder, or nil. A file here
	// replaces the theme file with the same path under layouts/.
	SiteLayouts fs.FS
	// SiteLayoutsName prefixes site template paths in messages, e.g.
	// "layouts"; empty means "layouts".
	SiteLayoutsName string
	// Theme is the theme's root folder (holding layouts/, assets/, static/
	// and i18n/), or nil. Only its layouts/ folder is read here.
	Theme fs.FS
	// ThemeName prefixes theme paths in messages, e.g. "themes/default";
	// empty means "theme".
	ThemeName string
	// Funcs are extra template functions, such as "markdownify". They are
	// added to the built-in map and win over a built-in of the same name.
	Funcs template.FuncMap
	// BaseURL is the absolute site URL with a trailing slash, e.g.
	// "https://example.org/sub/". relURL and absURL use it; empty means
	// the site is served from the root of an unknown host.
	BaseURL string
	// Interpret executes every template with html/template only. By
	// default each template's parse tree, once html/template has escaped
	// it, is compiled before its first execution and executions run the
	// compiled code, which writes the same bytes (an execution that fails
	// is run again by html/template for its error). Interpret is for
	// comparing the two.
	Interpret bool
}

func (o Options) siteName() string {
	if o.SiteLayoutsName != "" {
		return o.SiteLayoutsName
	}
	return "layouts"
}

func (o Options) themeName() string {
	if o.ThemeName != "" {
		return o.ThemeName
	}
	return "theme"
}
