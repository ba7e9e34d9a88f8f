// Package site is the only orchestrator: Build runs the pipeline from a
// site folder to a published output folder.
//
//	load      config, theme, templates, content              (parallel reads)
//	decide    draft/future/expiry rules and the audience      (once per page)
//	assemble  sections, taxonomies, views, pagination         (single pass)
//	markdown  body HTML, TOC, summaries, word counts          (parallel)
//	render    templates, feeds, sitemap, aliases              (parallel)
//	write     staged beside the output, swapped in on success
//
// Every problem of every stage is gathered into one diag.List; a build with
// any error returns them all and leaves the previous output untouched.
// A Build call holds no state after it returns; several builds may run at
// once on different output folders.
package site
