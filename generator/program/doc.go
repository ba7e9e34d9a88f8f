// Package program is the Four Capabilities (四能) program model: the typed
// leader, case, session, project and exchange pages of a program site, their
// validation, the references between them and the facts computed from them
// (budgets, evidence for portfolios, dashboard figures).
//
// The package receives plain data: the content loader hands each page over as
// an Entry (decoded front matter plus a function that finds a key's position),
// Decode turns it into a typed Item, and Build resolves the references between
// all items and computes the facts once into a read-only Model. It reads no
// files, knows nothing of templates or output, and imports no other generator
// package but diag, dates (the date forms it shares with content) and text
// (digit grouping).
//
// Every problem is reported as a *diag.Error at the position of the key that
// caused it ("content/projects/x.md:12:1: budget[2].total ..."). Key paths use
// dots between table keys and zero-based indexes for list elements, as in
// "budget[2].total" or "attendees[0]".
//
// Amounts of money are Money values: whole cents in an int64, so sums and the
// budget checks are exact; Money prints as "12,345.00".
//
// Decode is a pure function and may be called from many goroutines at once.
// A Model is never changed after Build or Filter returns it, so reading it
// from many goroutines is safe. Items are shared between a Model and the
// Models filtered from it; callers must treat them as read-only.
package program
