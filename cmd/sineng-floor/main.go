// Command sineng-floor runs the floor of a static site build (bench/floor)
// once: it reads every Markdown file of a content folder, converts its body
// with stock goldmark and the extensions sineng uses, and writes one HTML
// file per page, on all cores.
//
// Usage:
//
//	sineng-floor -content DIR -out DIR [-workers N]
//
// It prints "pages=N bytes=B" on success. cmd/sineng-bench builds it and
// times each run from start to exit, as it times each build.
//
// Exit codes: 0 success, 1 the floor failed, 2 usage error.
package main

import (
	"os"

	"github.com/sineng/sineng/bench/floor"
)

func main() {
	os.Exit(floor.Main(os.Args[1:], os.Stdout, os.Stderr))
}
