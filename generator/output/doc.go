// Package output writes a build's files into the output folder safely and
// without needless work.
//
// A build writes into a Stage: a temporary folder beside the output folder, on
// the same filesystem. Files whose bytes equal the previous output's are
// hard-linked from it instead of written again, so their inode and mtime are
// kept. Commit swaps the stage in with two renames; Abort removes it. A failed
// build therefore leaves the previous output exactly as it was, a successful
// one leaves no stale file behind, and nothing outside the output folder is
// ever deleted (the stage and the swapped-out previous output, both siblings
// named ".<base>.sineng-…", are the package's own folders).
//
// The dev server's incremental updates use WriteIfChanged, which replaces a
// single file atomically only when its bytes differ, and Remove, which
// deletes one file through an os.Root of the output folder.
//
// The package never links a source file into the output (editing the output
// would then edit the source), never follows a symlink out of the output
// folder when deleting, and holds no package-level mutable state. A Stage is
// safe for concurrent use by many writer goroutines; WriteIfChanged and
// Remove are plain functions that are safe to call concurrently on different
// paths.
package output
