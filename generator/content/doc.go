// Package content reads a site's content folder into a tree of pages.
//
// Load walks content/, splits and decodes each Markdown file's front matter
// (in parallel, bounded by GOMAXPROCS), and assembles the result: sections
// (top-level folders and folders with an _index.md), leaf bundles (a folder
// with index.md, whose other files are the page's resources), languages from
// file names (page.en.md), slugs, URLs and output paths, dates, drafts and
// weights.
//
// It decides nothing about audiences and renders nothing: the Tree it returns
// holds every page found, with the flags the orchestrator filters on. A Tree
// is not modified after Load returns and is safe to read from many
// goroutines.
package content
