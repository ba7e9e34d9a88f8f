// Command sineng-bench measures sineng against Hugo and against the floor of
// any Markdown site generator, on generated program sites, and prints one
// table of the results (also written as Markdown to bench/results.md; a
// full run also rewrites the measured part of README.md, see readme.go).
//
// Usage:
//
//	go run ./cmd/sineng-bench [-sizes 1000,10000] [-runs N] [-100k=false]
//	    [-skip-hugo] [-skip-serve] [-keep] [-out FILE] [-edits N] [-readme FILE]
//
// For each size it generates a site with generator/corpus on /dev/shm, then
// alternates cold full builds of sineng (--audience team --future --drafts)
// and Hugo (the layouts and config in bench/hugo, --buildDrafts
// --buildFuture), sineng first in one round and Hugo in the next, each
// into an emptied output folder, recording wall time
// and peak resident memory. The sizes flatness compares (up to 50k pages)
// are measured together, their runs interleaved round by round (50k's
// three spread over the nine rounds of the others), so that their per-page
// times see the machine over the same minutes. At the size closest to 10k
// pages it also times the floor (cmd/sineng-floor, a program of its own
// built from bench/floor) after each sineng build, one
// sineng build with its output on a real disk, and one-page edits in
// `sineng serve`. Hugo comes from the Debian package,
// installed with apt-get when missing and running as root.
//
// Exit codes: 0 done (even when a tool failed: the table says so), 1 the
// benchmark itself could not run, 2 usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// config is the parsed command line.
type config struct {
	sizes     []int
	runs      int // runs per size and tool; 0 means the default for the size
	edits     int
	skipHugo  bool
	skipServe bool
	keep      bool
	out       string
	readme    string // the README whose measured part a full run rewrites, "" for none
	args      []string
}

// The defaults of make bench's run: the sizes flatness compares, the
// largest size (added unless -100k=false), and the edits timed in serve.
const (
	defaultSizes = "1000,10000,50000"
	size100k     = 100000
	defaultEdits = 20
)

// runsFor returns how many runs of each tool a size gets. Up to 10k pages
// a run takes seconds, and the same build's time moves by ±8% from one run
// to the next on a shared machine: nine runs keep a median from resting on
// two or three of them (five did; the build/floor pairs of one 10k run
// spanned 1.47–1.69).
func (c config) runsFor(n int) int {
	switch {
	case c.runs > 0:
		return c.runs
	case n <= 10000:
		return 9
	case n <= 50000:
		return 3
	default:
		return 1
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run parses args, runs the benchmark and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "sineng-bench: %v\n", err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := benchmarkAll(ctx, cfg, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "sineng-bench: %v\n", err)
		return 1
	}
	return 0
}

// parseFlags reads the command line.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("sineng-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := config{args: args}
	sizes := fs.String("sizes", defaultSizes, "comma-separated site sizes in pages (1k style allowed); overrides -100k")
	with100k := fs.Bool("100k", envBool("SINENG_BENCH_100K", true), "add a 100k-page run (env SINENG_BENCH_100K=0 turns it off)")
	fs.IntVar(&cfg.runs, "runs", 0, "runs per size and tool (default 9 up to 10k, 3 up to 50k, 1 above)")
	fs.IntVar(&cfg.edits, "edits", defaultEdits, "one-page edits timed in sineng serve")
	fs.BoolVar(&cfg.skipHugo, "skip-hugo", false, "do not run Hugo")
	fs.BoolVar(&cfg.skipServe, "skip-serve", false, "do not time edits in sineng serve")
	fs.BoolVar(&cfg.keep, "keep", false, "keep the generated sites and outputs on /dev/shm")
	fs.StringVar(&cfg.out, "out", filepath.Join("bench", "results.md"), "Markdown results file")
	fs.StringVar(&cfg.readme, "readme", "README.md", "README whose part between the bench:begin and bench:end lines a full run rewrites (\"\" for none)")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var err error
	if cfg.sizes, err = parseSizes(*sizes); err != nil {
		return config{}, err
	}
	if *with100k && !set["sizes"] && !slices.Contains(cfg.sizes, size100k) {
		cfg.sizes = append(cfg.sizes, size100k)
	}
	if cfg.runs < 0 || cfg.edits < 1 {
		return config{}, errors.New("-runs must not be negative and -edits must be positive")
	}
	return cfg, nil
}

// parseSizes reads "1000,10k" as [1000 10000], sorted, without duplicates.
func parseSizes(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		f = strings.TrimSpace(strings.ToLower(f))
		mult := 1
		if strings.HasSuffix(f, "k") {
			f, mult = strings.TrimSuffix(f, "k"), 1000
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-sizes: %q is not a positive page count", f)
		}
		out = append(out, n*mult)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// envBool reads a boolean environment variable, def when unset or invalid.
func envBool(name string, def bool) bool {
	v, err := strconv.ParseBool(os.Getenv(name))
	if err != nil {
		return def
	}
	return v
}

// closest returns the size nearest to 10k pages.
func closest(sizes []int, want int) int {
	best := sizes[0]
	for _, n := range sizes {
		if abs(n-want) < abs(best-want) {
			best = n
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// benchmarkAll runs every measurement and prints and writes the table.
func benchmarkAll(ctx context.Context, cfg config, stdout, log io.Writer) error {
	root := "/dev/shm"
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		root = os.TempDir()
		fmt.Fprintf(log, "warning: /dev/shm is missing; working in %s, where disk stalls may distort the timings\n", root)
	}
	base, err := os.MkdirTemp(root, "sineng-bench-")
	if err != nil {
		return fmt.Errorf("create scratch folder: %w", err)
	}
	if cfg.keep {
		defer fmt.Fprintf(log, "kept %s\n", base)
	} else {
		defer os.RemoveAll(base)
	}
	b := &benchmark{cfg: cfg, base: base, log: log, ref: closest(cfg.sizes, 10000), diskBase: diskFolder()}
	b.commit = headCommit(ctx)
	if err := resetPeakRSS(); err != nil {
		fmt.Fprintf(log, "warning: %v: a build's peak memory may show the benchmark's own\n", err)
	}
	b.hugoSite, b.hugoCache = hugoDirs(base)

	binDir := filepath.Join(base, "bin")
	b.bin, b.floorBin = filepath.Join(binDir, "sineng"), filepath.Join(binDir, "sineng-floor")
	fmt.Fprintf(log, "building sineng and sineng-floor into %s\n", binDir)
	// One go build for both: -o names a folder, each command takes its
	// package's name.
	build := exec.CommandContext(ctx, "go", "build", "-o", binDir+string(filepath.Separator),
		"github.com/sineng/sineng/cmd/sineng", "github.com/sineng/sineng/cmd/sineng-floor")
	build.Env = append(os.Environ(), "CGO_ENABLED=0") // static, as make build makes sineng
	build.Stdout, build.Stderr = log, log
	if err := build.Run(); err != nil {
		return fmt.Errorf("build sineng and sineng-floor: %w", err)
	}
	hugoVer := "not run"
	switch {
	case cfg.skipHugo:
		b.hugoNote = "skipped (-skip-hugo)"
	default:
		p, err := ensureHugo(ctx, log)
		if err != nil {
			fmt.Fprintf(log, "warning: %v\n", err)
			b.hugoNote = "n/a (hugo not installed)"
			break
		}
		if err := prepareHugoSite(b.hugoSite); err != nil {
			return err
		}
		b.hugo, hugoVer = p, hugoVersion(ctx, p)
	}
	machine := machineLine(hugoVer)
	fmt.Fprintln(log, machine)

	if err := b.runSizes(ctx, cfg.sizes); err != nil {
		return err
	}
	rows := b.rows()
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, machine)
	fmt.Fprint(stdout, renderText(rows))
	if err := writeResults(cfg.out, b.markdown(machine, rows)); err != nil {
		return err
	}
	fmt.Fprintf(log, "wrote %s\n", cfg.out)
	switch {
	case cfg.readme == "":
	case !cfg.fullRun():
		fmt.Fprintf(log, "left %s as it is: only a full run (no -sizes, -runs, -edits or -skip flags) stands for the targets there\n", cfg.readme)
	default:
		if err := updateReadme(cfg.readme, readmeSection(machine, b.commit, rows)); err != nil {
			fmt.Fprintf(log, "warning: README not updated: %v\n", err)
		} else {
			fmt.Fprintf(log, "updated the measured part of %s\n", cfg.readme)
		}
	}
	return nil
}

// writeResults writes the Markdown report, creating its folder if needed.
func writeResults(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write results: %w", err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		return fmt.Errorf("write results: %w", err)
	}
	return nil
}

// markdown returns the results file: machine, command, table, run details
// and method notes.
func (b *benchmark) markdown(machine string, rows []row) string {
	var s strings.Builder
	s.WriteString("# sineng benchmark results\n\n")
	fmt.Fprintf(&s, "%s\n\n", machine)
	fmt.Fprintf(&s, "Command: `go run ./cmd/sineng-bench %s`\n\n", strings.Join(b.cfg.args, " "))
	s.WriteString(renderMarkdown(rows))
	s.WriteString("\n## Runs\n\n")
	for _, r := range b.results {
		fmt.Fprintf(&s, "- %s (%d pages): sineng %s; hugo %s; output files: sineng %d, hugo %d\n",
			sizeLabel(r.size), r.pages, runList(r.sineng, r.sinengFail), runList(r.hugo, r.hugoFail), r.sinengFiles, r.hugoFiles)
		if len(r.floor) > 0 {
			fmt.Fprintf(&s, "- %s floor: %s s (%d pages, %.1f MB of HTML, peak RSS %.0f MB)\n", sizeLabel(r.size), durList(r.floor), r.floorStats.Pages, float64(r.floorStats.Bytes)/1e6, kibToMB(r.floorPeak))
		}
		if sr := r.serve; sr != nil && sr.note == "" {
			fmt.Fprintf(&s, "- %s serve: edited `content/%s`, watched `%s`; edit→written ms: %s; edit→reload ms: %s\n",
				sizeLabel(r.size), sr.page, filepath.ToSlash(sr.output), msList(sr.written), msList(sr.reload))
		}
	}
	s.WriteString(method)
	return s.String()
}

// method explains how the numbers are made.
const method = `
## Method

- Sites come from generator/corpus (seed 1) and live on /dev/shm, as do all outputs, so that disk stalls do not count; the disk row is one sineng build with its output in a disk-backed temp folder.
- Cold build: the output folder (and Hugo's cache folder) is deleted before each run. sineng runs ` + "`sineng build --audience team --future --drafts`" + `; Hugo runs with the config and layouts of bench/hugo and ` + "`--buildDrafts --buildFuture`" + `, reading the same content folder. Runs alternate between the tools, sineng first in one round and Hugo first in the next, so that each tool's builds follow the other's as often as not: on a virtual machine that hands freed memory back to its host, a build right after a program that freed gigabytes faults its memory in again on the host (a 1k sineng build took 155 ms after nothing and 190 ms after a program that touched 10 GB), and with one fixed order every sineng 1k build came right after Hugo's 10k or 50k build. The table gives medians. The sizes flatness compares (1k, 10k, 50k) are measured together, round by round (run i of 1k, then run i of 10k, then run i+1 of 1k…, with 50k's three runs in rounds 2, 5 and 8 of the nine by default), so that their per-page times come from the same minutes: this machine's speed drifts by a fifth from one stretch of seconds to the next, and a size measured in its own stretch sampled one state of the machine. 100k follows alone. A run's time ends when the tool's exit is reported to the benchmark; sineng frees its memory after that, in a helper process that shares it (cmd/sineng/teardown_linux_amd64.go), while the benchmark counts and deletes the output, which is not timed.
- Peak RSS is the child's rusage maxrss (KiB, shown as MB of 10⁶ bytes), the highest over the runs. On Linux a child starts with the high-water mark of the process that started it, so the benchmark hands its free memory back and resets its own mark before each child.
- Floor (bench/floor): read every Markdown file, skip its front matter, convert it with goldmark and the extensions sineng uses (GFM, footnotes, definition lists, CJK, attributes) but none of its custom renderers (no highlighting, no link resolution, no shortcodes), write one HTML file per page, on GOMAXPROCS workers. The floor is its own program (cmd/sineng-floor, built static as sineng is), run and timed from start to exit as each build is (until 2026-12-01 it ran inside the benchmark's process, whose live heap, larger once the 50k site's list was held, paced the floor's collector too and made it 15–20% faster in full runs than in runs of 1k and 10k alone). Each floor run follows a sineng run of the same site, so a build and the floor it is divided by see the machine in the same state; build/floor divides the medians.
- Serve: ` + "`sineng serve`" + ` runs on the 10k site; each edit appends a unique word to one page. "written" is the time until that page's output HTML holds the word (stat, and read when changed, every 50 µs); "reload" is the time until the next event on /__sineng/events. Times start just before the write; a warm-up edit is not counted; 300 ms pass between edits.
- Flatness is max/min of median build time per page over the sizes up to 50k pages.
- The Hugo layouts mirror sineng's default theme in what they compute (breadcrumbs, table of contents, tags, previous/next, paginated lists of summaries, ten recent pages on the home page), not in every detail: sineng also writes program pages (portfolios, showcase, dashboard, search) and resolves relative .md links, which Hugo leaves as they are; the output file counts under Runs show the difference.
- A tool is skipped at a size when its peak memory at the largest smaller size, scaled by the number of pages, would pass 80% of the memory available, so that a run cannot push the machine out of memory.
`

// runList formats build runs as "0.95 s/97 MB, …".
func runList(runs []runResult, fail string) string {
	var parts []string
	for _, r := range runs {
		parts = append(parts, fmt.Sprintf("%s s/%.0f MB", secs(r.wall), kibToMB(r.maxRSS)))
	}
	if fail != "" {
		parts = append(parts, fail)
	}
	if len(parts) == 0 {
		return "not run"
	}
	return strings.Join(parts, ", ")
}

// durList formats durations in seconds.
func durList(ds []time.Duration) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = secs(d)
	}
	return strings.Join(parts, ", ")
}

// msList formats durations in milliseconds.
func msList(ds []time.Duration) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = millis(d)
	}
	return strings.Join(parts, ", ")
}
