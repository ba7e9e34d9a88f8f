// Command sineng builds static sites for community-leader training programs
// of the Four Capabilities path (四能): leader portfolios, stage handbooks,
// funder showcases and peer-learning hubs, from Markdown.
//
// Usage:
//
//	sineng build [--source DIR] [--out DIR] [--audience A] [--drafts] [--future] [--base-url URL]
//	sineng check [--source DIR] [--leaks DIR] [--roster FILE]
//	sineng serve [--source DIR] [--audience A] [--bind 127.0.0.1] [--port 1313] [--drafts]
//	sineng new site DIR
//	sineng new KIND PATH
//	sineng version
//
// Exit codes: 0 success, 1 content, config or template errors, 2 usage errors.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
)

// version is the release of this binary; set with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// exit codes
const (
	exitOK    = 0
	exitBuild = 1
	exitUsage = 2
)

func main() {
	if !keepMemProfile(os.Args[1:], os.Getenv("GODEBUG")) {
		runtime.MemProfileRate = 0 // profile.go
	}
	// The reserve comes first: its block and collection are over when the
	// pacer reads the live heap. A one-shot command's heap may grow to the
	// budget before it collects (gc.go); a server's collects from heapFloor.
	floor := uint64(heapFloor)
	oneShot := len(os.Args) > 1 && (os.Args[1] == "build" || os.Args[1] == "check")
	if oneShot {
		reserveHugeHeap()
		floor = oneShotFloor
	}
	paceCollector(floor)
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	if oneShot {
		// Everything is written: a helper frees the memory alongside
		// the exit or after it (teardown_linux_amd64.go).
		handOffTeardown()
	}
	os.Exit(code)
}

// run dispatches a command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return cmdBuild(args[1:], stdout, stderr)
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "serve", "server":
		return cmdServe(args[1:], stdout, stderr)
	case "new":
		return cmdNew(args[1:], stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "sineng %s\n", version)
		return exitOK
	case "help", "-h", "--help", "-help":
		usage(stdout)
		return exitOK
	}
	fmt.Fprintf(stderr, "sineng: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `sineng builds program sites for the Four Capabilities (四能) path from Markdown.

Usage:
  sineng build [flags]      build the site into public/ (or public-<audience>/)
  sineng check [flags]      validate the site for every audience; write nothing
  sineng serve [flags]      build, serve on 127.0.0.1:1313 and live-reload while you edit
  sineng new site DIR       create a new site
  sineng new KIND PATH      create a content file from an archetype
  sineng version            print the version

Run 'sineng COMMAND --help' for a command's flags.
Exit codes: 0 success, 1 content/config/template errors, 2 usage errors.
`)
}
