package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
)

// The README's measured part lies between these two lines; a full run
// rewrites it, so that the README always shows the latest run of the
// machine it was made on. What the runs say over time is written outside
// them (and in docs/performance.md).
const (
	readmeBegin = "<!-- bench:begin -->"
	readmeEnd   = "<!-- bench:end -->"
)

// fullRun reports whether cfg is make bench's run: every size, the
// default number of runs, Hugo and the edits all measured. Only such a
// run may stand in the README for the targets.
func (c config) fullRun() bool {
	full, err := parseSizes(defaultSizes)
	if err != nil {
		return false
	}
	return slices.Equal(c.sizes, append(full, size100k)) && c.runs == 0 && c.edits == defaultEdits && !c.skipHugo && !c.skipServe
}

// readmeSection is the README's measured part for a run: where and how
// it was measured, the table, and which targets it met.
func readmeSection(machine, commit string, rows []row) string {
	var s strings.Builder
	var full config // a full run's counts: no -runs
	fmt.Fprintf(&s, "Measured with `go run ./cmd/sineng-bench` (what `make bench` runs first: %d runs up to 10k pages,\n", full.runsFor(10000))
	fmt.Fprintf(&s, "%d at 50k, %d at 100k)", full.runsFor(50000), full.runsFor(size100k))
	if commit != "" {
		fmt.Fprintf(&s, " on commit %s", commit)
	}
	fmt.Fprintf(&s, ".\n%s.\n", machine)
	s.WriteString(readmeMethod)
	s.WriteString("\n")
	s.WriteString(renderMarkdown(rows))
	s.WriteString("\n")
	s.WriteString(targetsSentence(rows))
	s.WriteString("\n")
	return s.String()
}

// readmeMethod says in short what the table's rows measure; the full
// method is in bench/results.md.
const readmeMethod = `Sites are generated program sites (` + "`cmd/sineng-corpus`" + `, seed 1, 2–6 KB pages in Chinese and
English), built with ` + "`--audience team --future --drafts`" + `; outputs on ` + "`/dev/shm`" + ` except the disk
row. Hugo builds the same content with the minimal layouts in ` + "`bench/hugo/`" + ` (it writes no
portfolios, showcase, handbooks or search index, so it does less work). The three sizes that
flatness compares are measured together, round by round (sineng 1k, Hugo 1k, sineng 10k, floor,
Hugo 10k; in the next round Hugo before sineng at each size, and so on; 50k's three runs fall in
rounds 2, 5 and 8), so that their per-page times come from the same minutes and each tool's
builds follow the other's as often as not. The floor (` + "`cmd/sineng-floor`" + `) reads every Markdown
file, converts it with stock goldmark and the same extensions and writes one HTML file, on both
cores; it runs as a program of its own, timed from start to exit as each build is, right after a
sineng run of the same site, and the build/floor cell gives the range over those pairs beside the
ratio of the medians. The edit rows time ` + "`sineng serve`" + ` at 10k pages: a word appended
to one page, until that page's file holds it and until the browser's reload event. The run's
log and method are in [bench/results.md](bench/results.md).
`

// targetsSentence says how many of the rows' targets the run met, and
// names those it did not.
func targetsSentence(rows []row) string {
	var met, all int
	var missed []string
	for _, r := range rows {
		switch {
		case strings.HasSuffix(r.target, verdictMet):
			met++
			all++
		case strings.HasSuffix(r.target, verdictNotMet):
			all++
			missed = append(missed, r.measure)
		}
	}
	switch {
	case all == 0:
		return "No target was measured in this run."
	case len(missed) == 0:
		return fmt.Sprintf("In this run all %d targets are met.", all)
	default:
		return fmt.Sprintf("In this run %d of the %d targets are met; not met: %s.", met, all, strings.Join(missed, "; "))
	}
}

// spliceReadme returns text with the lines between its markers replaced
// by section.
func spliceReadme(text, section string) (string, error) {
	b := strings.Index(text, readmeBegin+"\n")
	e := strings.Index(text, readmeEnd)
	if b < 0 || e < 0 || e < b {
		return "", errors.New("no " + readmeBegin + " … " + readmeEnd + " lines, in that order")
	}
	b += len(readmeBegin) + 1
	return text[:b] + section + text[e:], nil
}

// updateReadme rewrites the measured part of the README at path.
func updateReadme(path, section string) error {
	old, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	text, err := spliceReadme(string(old), section)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, []byte(text), 0o644)
}

// headCommit returns the abbreviated commit checked out in the working
// folder, marked when the tree has changes, or "" outside a git checkout.
func headCommit(ctx context.Context) string {
	out, err := exec.CommandContext(ctx, "git", "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return ""
	}
	commit := strings.TrimSpace(string(out))
	if st, err := exec.CommandContext(ctx, "git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(strings.TrimSpace(string(st))) > 0 {
		commit += " (with uncommitted changes)"
	}
	return commit
}
