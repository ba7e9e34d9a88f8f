// Package watch tells the dev server when a site's source files changed.
//
// A Watcher follows the folders a build reads (content/, layouts/, themes/,
// static/, data/, i18n/, assets/) recursively, including folders created
// after it started, and site.toml through its parent folder, so an editor
// that saves by writing a temporary file and renaming it over the original
// is seen like any other write. Events are gathered into one Batch per
// burst of changes: a batch is handed out after a quiet spell (about 10 ms
// without events) or after a cap (about a second) when events never stop,
// so a `git checkout` of a thousand files gives one rebuild. When the
// system's inotify watch limit is reached the Watcher falls back to polling
// (a stat walk comparing sizes and modification times) and says so.
// Changes of permissions or timestamps alone are not reported: no output
// depends on them.
//
// Classify is the pure function that says what a batch touched (config,
// templates, content, static files, data, assets) and what it ignored
// (editor temp and swap files, hidden folders the build skips, staging
// folders, folders at the site's root that builds do not read, such as an
// output folder public/). The Watcher drops ignored paths before batching,
// and never watches the folders in Options.Ignore.
//
// The package must not build, render or serve anything, and must not import
// the other generator packages: it only reports paths. A Watcher is driven
// by its own goroutines; its methods are safe for concurrent use. Classify
// and the name rules are pure and safe to call from any goroutine.
package watch
