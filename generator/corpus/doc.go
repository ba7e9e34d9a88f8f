// Package corpus writes deterministic, realistic Four Capabilities (四能)
// program sites for tests and benchmarks.
//
// Generate plans a site of about Options.Pages content pages — leaders as
// page bundles, case notes, session plans, project proposals, exchange
// materials, handbook introductions and ordinary dated pages — and writes
// site.toml and content/ into a folder. The same Pages and Seed always give
// a byte-identical tree: all randomness comes from one seeded PCG, output
// follows slice order, never map order, and no wall-clock time is read.
//
// The corpus follows the content model (docs/content-model.md): a public page
// links only to public pages, every leader reference names an existing
// leader, session activities fit their duration and project budgets add up.
// With Options.Markers, every item that must stay out of the public build
// carries a unique marker string (LEAKMARK-team-<n> or LEAKMARK-funders-<n>)
// in its title, body, tags and internal_ref field, and markers.txt beside
// content/ lists each marker with its audience, so a leak scan can look for
// them in built output. Leaders who publish without "name" or "quotes" in
// their consent scope carry a team marker in the hidden field only. Match
// markers case-insensitively: a tag's URL slug may lower-case them.
//
// The package imports no other generator package. Generate is safe for
// concurrent use on different folders.
package corpus
