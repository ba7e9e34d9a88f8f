// Package hugo holds the Hugo configuration and layouts that cmd/sineng-bench
// builds the benchmark corpus with, so that sineng and Hugo render the same
// content side by side.
//
// hugo.toml mirrors the site.toml that generator/corpus writes; layouts/ is a
// minimal set equivalent to sineng's default theme: a base template, single
// pages with breadcrumbs, table of contents, tags and previous/next links,
// paginated section and term lists, a home page with the ten most recent pages
// and the sections, and the list of terms (terms.html). RSS, the
// sitemap and robots.txt come from Hugo's built-in templates.
package hugo

import "embed"

// Files holds hugo.toml and the layouts/ folder, ready to be copied into a
// Hugo source folder.
//
//go:embed hugo.toml all:layouts
var Files embed.FS
