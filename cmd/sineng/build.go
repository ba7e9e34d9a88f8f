package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/site"
)

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sineng build", flag.ContinueOnError)
	var opts site.Options
	var aud string
	var verbose bool
	fs.StringVar(&opts.Source, "source", ".", "site folder holding site.toml")
	fs.StringVar(&opts.Out, "out", "", "output folder (default public/, or public-<audience>/)")
	fs.StringVar(&aud, "audience", "", "who the build is for: public, funders or team (default public)")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include drafts")
	fs.BoolVar(&opts.Future, "future", false, "include pages dated in the future")
	fs.BoolVar(&opts.Expired, "expired", false, "include expired pages")
	fs.StringVar(&opts.BaseURL, "base-url", "", "override the baseURL of site.toml")
	fs.StringVar(&opts.Roster, "roster", "", "a `FILE` of names (one a line, kept outside the site) that must never appear in a public or funders build")
	fs.BoolVar(&verbose, "verbose", false, "print each stage's time")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile (pprof) to `FILE`")
	memProfile := fs.String("memprofile", "", "write a heap profile (pprof) to `FILE` after the build")
	traceFile := fs.String("trace", "", "write an execution trace (go tool trace) to `FILE`")
	if code := parseFlags(fs, args, "Usage: sineng build [flags]\n\nBuilds the site. A failed build leaves the output folder as it was.", stderr); code >= 0 {
		return code
	}
	if err := setAudience(&opts, aud); err != nil {
		fmt.Fprintf(stderr, "sineng build: --audience: %v\n", err)
		return exitUsage
	}
	if verbose {
		opts.Verbose = stderr
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	stopProfile, perr := startProfile(*cpuProfile, *traceFile)
	if perr != nil {
		fmt.Fprintf(stderr, "sineng build: %v\n", perr)
		return exitUsage
	}
	done := progress(stderr)
	res, err := site.Build(ctx, opts)
	done()
	stopProfile()
	if *memProfile != "" {
		if err := writeHeapProfile(*memProfile); err != nil {
			fmt.Fprintf(stderr, "sineng build: %v\n", err)
		}
	}
	if res != nil {
		printWarnings(stderr, res.Warnings)
	}
	if err != nil {
		return report(stderr, err)
	}
	fmt.Fprintf(stdout, "built %s: %d pages, %d files (%d written, %d unchanged) in %s\n",
		res.Out, res.Pages, res.Files, res.Written, res.Unchanged, res.Duration.Round(time.Millisecond))
	return exitOK
}

// report prints a failed build's errors and returns its exit code.
func report(stderr io.Writer, err error) int {
	var list *diag.Errors
	if errors.As(err, &list) {
		n := printErrors(stderr, list, " errors")
		fmt.Fprintf(stderr, "build failed with %d error%s; the output folder was not changed\n", n, plural(n))
		return exitBuild
	}
	var one *diag.Error
	if errors.As(err, &one) {
		fmt.Fprintf(stderr, "error: %v\nbuild failed; the output folder was not changed\n", one)
		return exitBuild
	}
	fmt.Fprintf(stderr, "error: %v\n", err)
	return exitBuild
}

// printErrors prints each error of list on an "error:" line, then how many
// more were left out ("... and N more" followed by noun), and returns the
// total count.
func printErrors(w io.Writer, list *diag.Errors, noun string) int {
	for _, e := range list.List {
		fmt.Fprintf(w, "error: %v\n", e)
	}
	if list.More > 0 {
		fmt.Fprintf(w, "... and %d more%s\n", list.More, noun)
	}
	return len(list.List) + list.More
}

func printWarnings(w io.Writer, warns []error) {
	for _, e := range warns {
		fmt.Fprintf(w, "warning: %v\n", e)
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// progress prints a line on a terminal while a build runs longer than a
// second; the returned func stops it and clears the line.
func progress(w io.Writer) func() {
	f, ok := w.(*os.File)
	if !ok || !isTerminal(f) {
		return func() {}
	}
	stop := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		start := time.Now()
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		shown := false
		for {
			select {
			case <-stop:
				if shown {
					fmt.Fprint(w, "\r"+strings.Repeat(" ", 40)+"\r")
				}
				return
			case <-tick.C:
				if el := time.Since(start); el > time.Second {
					fmt.Fprintf(w, "\rbuilding… %.1fs", el.Seconds())
					shown = true
				}
			}
		}
	}()
	return func() { close(stop); <-finished }
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
