// Command sineng-corpus writes a deterministic, synthetic Four Capabilities
// program site for tests and benchmarks.
//
// Usage:
//
//	sineng-corpus -pages N -seed S -out DIR [-markers] [-force]
//
// It writes DIR/site.toml and DIR/content/ with about N pages; the same N
// and S always give a byte-identical tree. With -markers, every item that
// must not reach the public build carries a unique marker, listed with its
// audience in DIR/markers.txt. DIR is created if needed; a DIR that is not
// empty is refused unless -force is given, and then files are overwritten
// but nothing is removed.
//
// Exit codes: 0 success, 1 generation failed, 2 usage error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/sineng/sineng/generator/corpus"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run parses args, generates the corpus and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("sineng-corpus", flag.ContinueOnError)
	fl.SetOutput(stderr)
	pages := fl.Int("pages", 200, "about how many content pages to write")
	seed := fl.Uint64("seed", 1, "seed selecting the corpus")
	out := fl.String("out", "", "output folder (required)")
	markers := fl.Bool("markers", false, "plant leak markers in non-public items and write markers.txt")
	force := fl.Bool("force", false, "write into a non-empty output folder")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *out == "" || *pages < 1 || fl.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: sineng-corpus -pages N -seed S -out DIR [-markers] [-force]")
		return 2
	}
	if !*force {
		entries, err := os.ReadDir(*out)
		switch {
		case err == nil && len(entries) > 0:
			fmt.Fprintf(stderr, "sineng-corpus: %s is not empty (use -force to write into it)\n", *out)
			return 2
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			fmt.Fprintf(stderr, "sineng-corpus: read output folder: %v\n", err)
			return 1
		}
	}
	sum, err := corpus.Generate(*out, corpus.Options{Pages: *pages, Seed: *seed, Markers: *markers})
	if err != nil {
		fmt.Fprintf(stderr, "sineng-corpus: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d files to %s: %d pages (%d leaders, %d cases, %d sessions, %d projects, %d exchange, %d plain)\n",
		sum.Files, *out, len(sum.Expected), sum.Leaders, sum.Cases, sum.Sessions, sum.Projects, sum.Exchange, sum.Plain)
	return 0
}
