package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/site"
)

// parseFlags sets a command's usage text, parses its flags and refuses
// extra arguments. It returns the exit code to stop with, or -1 to go on.
func parseFlags(fs *flag.FlagSet, args []string, usage string, stderr io.Writer) int {
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, usage+"\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return exitUsage
	}
	return -1
}

// setAudience sets the audience of opts from an --audience value; an empty
// value leaves the default.
func setAudience(opts *site.Options, aud string) error {
	if aud == "" {
		return nil
	}
	l, err := audience.Parse(aud)
	if err != nil {
		return err
	}
	opts.Audience, opts.AudienceSet = l, true
	return nil
}
