package floor

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// Main is the sineng-floor command (cmd/sineng-floor) on the arguments
// args: it runs Run from the -content folder into the -out folder with
// -workers goroutines (0: GOMAXPROCS) and prints one line, "pages=N
// bytes=B", on stdout. It returns the exit code: 0 done, 1 the floor
// failed (the error on stderr), 2 usage error.
//
// The benchmark runs the floor through this command, in a process of its
// own, as it runs every build: the floor's collector then paces itself by
// the floor's own heap, as a build's does by the build's. Run inside the
// benchmark's process, the floor inherited that process's live heap as
// well (1 MB with the 1k and 10k sites' lists, 3.8 MB once the 50k site's
// was held too), whose larger collection goal alone made it 15–20%
// faster.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sineng-floor", flag.ContinueOnError)
	fs.SetOutput(stderr)
	content := fs.String("content", "", "the content folder to read (required)")
	out := fs.String("out", "", "the folder to write the HTML into (required; created, not emptied)")
	workers := fs.Int("workers", 0, "goroutines converting pages (0: GOMAXPROCS)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *content == "" || *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: sineng-floor -content DIR -out DIR [-workers N]")
		return 2
	}
	st, err := Run(*content, *out, *workers)
	if err != nil {
		fmt.Fprintf(stderr, "sineng-floor: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "pages=%d bytes=%d\n", st.Pages, st.Bytes)
	return 0
}

// ParseStats reads the line Main prints.
func ParseStats(line string) (Stats, error) {
	var st Stats
	if _, err := fmt.Sscanf(line, "pages=%d bytes=%d", &st.Pages, &st.Bytes); err != nil {
		return Stats{}, fmt.Errorf("read floor stats %q: %w", line, err)
	}
	return st, nil
}
