// Package layout finds, parses and executes the HTML templates of a site and
// its theme, and provides the function map every template sees.
//
// Templates come from two folders: the site's own layouts/ folder and the
// theme's layouts/ folder. The site's folder overrides the theme's file by
// file. Load parses every file exactly once and builds, ahead of time, every
// template a Lookup can return (a page template applied inside its
// baseof.html, or a standalone one), so rendering a page never parses.
//
// The package is generic over the data it executes: it knows nothing of
// pages, content or the orchestrator, and must not import the content,
// render, site or markdown packages. Functions that need those (markdownify)
// are supplied through Options.Funcs.
//
// A partial call may give keys after its context, {{ partial NAME CONTEXT
// KEY... }}: the Set then keeps the partial's output and reuses it for
// every later call with the same name and equal keys, which must determine
// everything the partial prints. The outputs kept are bounded in number and
// bytes, live as long as the Set, and are forgotten by ClearFragments.
//
// A *Set is safe for concurrent use once Load has returned: many goroutines
// may call Lookup, Execute and Shortcode at the same time.
package layout
