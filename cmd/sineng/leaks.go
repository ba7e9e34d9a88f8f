package main

import (
	"fmt"
	"io"

	"github.com/sineng/sineng/generator/leak"
)

// checkLeaks scans the built site in dir for personal data (ID numbers,
// mobile numbers, bank cards, e-mail addresses not in allow, and the names
// in the roster file, when roster is not empty). It prints each finding, in
// masked form, as "error: file:line:col: kind match" and a count to stderr,
// and returns exit code 1 if there is any finding, 0 if none, and 2 when dir
// or the roster cannot be read.
func checkLeaks(dir, roster string, allow []string, stdout, stderr io.Writer) int {
	rules := leak.Rules{AllowEmails: allow}
	if roster != "" {
		names, err := leak.LoadRoster(roster)
		if err != nil {
			printLeakErrors(stderr, err)
			return exitUsage
		}
		rules.Roster = names
	}
	found, err := leak.ScanDir(dir, leak.NewScanner(rules), 0)
	for _, f := range found {
		fmt.Fprintf(stderr, "error: %s:%d:%d: %s %s\n", f.File, f.Line, f.Col, f.Kind, f.Match)
	}
	if n := len(found); n > 0 {
		fmt.Fprintf(stderr, "leak check found %d finding%s\n", n, plural(n))
	}
	switch {
	case err != nil:
		printLeakErrors(stderr, err)
		return exitUsage
	case len(found) > 0:
		return exitBuild
	}
	fmt.Fprintf(stdout, "leak check passed: no personal data found in %s\n", dir)
	return exitOK
}

// printLeakErrors prints err, or each error it joins, on its own "error:"
// line.
func printLeakErrors(w io.Writer, err error) {
	if many, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range many.Unwrap() {
			printLeakErrors(w, e)
		}
		return
	}
	fmt.Fprintf(w, "error: %v\n", err)
}
