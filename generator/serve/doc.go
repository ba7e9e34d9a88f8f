// Package serve is the dev server behind `sineng serve`: it serves a built
// output folder over HTTP, rebuilds it when the watcher reports a batch of
// source changes, and tells open pages to reload.
//
// Run ties the pieces together: a first build, the watch loop calling an
// injected Rebuilder (a full site.Build today; a faster incremental build
// may take its place behind the same function type), and an HTTP server of
// the output folder. Live reload needs nothing in the built files: the
// Server injects a small script (and, after a failed build, an error
// overlay) into HTML responses as it sends them, so the output stays byte
// for byte what `sineng build` writes. Open pages learn of each build over
// server-sent events at /__sineng/events: a reload after the new output is
// in place, new stylesheet URLs when only stylesheets changed, or the
// problems of a failed build, shown without reloading; the last good site
// stays served until the problems are fixed.
//
// The Server serves only regular files inside the output folder, through an
// os.Root so no symlink leads outside it; it refuses ".." segments, encoded
// or not, NUL bytes and backslashes, answers only GET and HEAD, and sends
// Cache-Control: no-store on every response. On a loopback address it
// answers only Host names of this machine (hostPolicy), against DNS
// rebinding. It must not write into the
// output folder, must not import the content or markdown packages, and
// keeps no package-level mutable state. A Server is safe for concurrent use
// by any number of requests while builds run; Run's loop runs one build at
// a time.
package serve
