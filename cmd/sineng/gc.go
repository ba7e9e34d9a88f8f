package main

import (
	"os"
	"runtime/debug"
)

// defaultGCPercent paces the Go collector when GOGC is not set. A build
// keeps every page's front matter and view for its whole length, and Go's
// default (100) lets the heap grow to twice that live data between
// collections; 80 keeps the peak about a tenth lower (10k-page corpus:
// ≈250 MB → ≈220–240 MB) for no time a benchmark can tell apart from noise
// (it was about 5% when builds allocated half as much again). GOGC in the
// environment wins.
const defaultGCPercent = 80

// paceCollector applies defaultGCPercent unless GOGC is set.
func paceCollector() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGCPercent)
	}
}
