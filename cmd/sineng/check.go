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

	"github.com/sineng/sineng/generator/config"
	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/site"
)

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sineng check", flag.ContinueOnError)
	var opts site.Options
	fs.StringVar(&opts.Source, "source", ".", "site folder holding site.toml")
	fs.BoolVar(&opts.Drafts, "drafts", false, "check drafts as if published")
	fs.BoolVar(&opts.Future, "future", false, "check pages dated in the future as if published")
	fs.StringVar(&opts.Roster, "roster", "", "a `FILE` of names that must never appear in a public or funders output")
	leaks := fs.String("leaks", "", "scan the built site in `DIR` for personal data instead of checking the source")
	var allow stringList
	fs.Var(&allow, "allow", "an e-mail address allowed in the output (repeatable; --leaks also allows the [contact] emails of --source's site.toml)")
	if code := parseFlags(fs, args, "Usage: sineng check [flags]\n       sineng check --leaks DIR [--roster FILE] [--allow EMAIL]\n\nValidates everything a build would, for every audience (schema, references,\nbudgets, durations, links, templates, consent rules, leaks), and writes nothing.\nWith --leaks, scans any folder of built files for resident ID numbers, mobile\nnumbers, bank cards, e-mail addresses and roster names.\nEvery problem is listed with path:line:col; exit 1 if there is any.", stderr); code >= 0 {
		return code
	}
	if *leaks != "" {
		return checkLeaks(*leaks, opts.Roster, append(allow, contactEmails(opts.Source)...), stdout, stderr)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	warns, err := site.Check(ctx, opts)
	printWarnings(stderr, warns)
	if err != nil {
		return reportCheck(stderr, err)
	}
	fmt.Fprintln(stdout, "check passed: no problems found")
	return exitOK
}

// reportCheck prints a failed check's problems and returns exit code 1.
func reportCheck(stderr io.Writer, err error) int {
	var list *diag.Errors
	if !errors.As(err, &list) {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return exitBuild
	}
	n := printErrors(stderr, list, "")
	fmt.Fprintf(stderr, "check failed with %d problem%s\n", n, plural(n))
	return exitBuild
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// contactEmails reads the [contact] emails of the site at source, if any.
func contactEmails(source string) []string {
	cfg, _, err := config.LoadSite(source)
	if err != nil {
		return nil
	}
	return cfg.Contact.Emails
}
