package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/sineng/sineng/bench/floor"
)

// sizeResult holds every measurement made on one generated site.
type sizeResult struct {
	size, pages            int
	sineng, hugo           []runResult
	sinengFail, hugoFail   string // why there are no more runs (failed, skipped): the table's cell
	sinengFiles, hugoFiles int    // files in the output folder after a build
	floor                  []time.Duration
	floorStats             floor.Stats
	floorPeak              int64 // the floor's highest peak resident memory, KiB
	floorFail              string
	disk                   *runResult // the build with its output on disk
	diskNote               string     // set when there was no disk run: why
	serve                  *serveResult
}

// benchmark is one run of the whole benchmark.
type benchmark struct {
	cfg       config
	base      string // the scratch folder, on /dev/shm when there is one
	diskBase  string // a folder on a real disk, "" when none was found
	bin       string // the sineng binary
	floorBin  string // the sineng-floor binary
	commit    string // the commit measured, from git, or ""
	hugo      string // the hugo binary, "" when Hugo is not run
	hugoNote  string // set when Hugo is not run: the table's cell
	hugoSite  string // the Hugo source folder (config and layouts)
	hugoCache string // Hugo's cache folder
	ref       int    // the size the 10k measures use: the one closest to 10k
	log       io.Writer
	results   []*sizeResult
	current   []*sizeResult // the sizes being measured together, smallest first
}

// sizeRun is one size being measured: its site, its results so far and
// where its builds write.
type sizeRun struct {
	site       benchSite
	siteDir    string
	res        *sizeResult
	outS, outH string
	runs       int
}

// runSizes measures the sizes in order. The sizes whose per-page times
// flatness compares (up to flatnessMaxPages: 1k, 10k and 50k) are
// measured together, their runs interleaved round by round: on a machine
// whose speed drifts by a fifth from one stretch of seconds to the next,
// 1k runs made in their own ten seconds and 10k runs made over the next
// two minutes compared two different machines (in one full run, Hugo's
// own 1k per-page time came out 14% above its 10k one while its builds do
// the same work per page), and so did 50k runs made in the last minutes.
// Larger sizes follow one by one.
func (b *benchmark) runSizes(ctx context.Context, sizes []int) error {
	var group []int
	for _, n := range sizes {
		if n <= flatnessMaxPages {
			group = append(group, n)
		}
	}
	if err := b.runInterleaved(ctx, group); err != nil {
		return err
	}
	for _, n := range sizes {
		if n > flatnessMaxPages {
			if err := b.runInterleaved(ctx, []int{n}); err != nil {
				return err
			}
		}
	}
	return nil
}

// runInterleaved generates the sites of sizes and measures them round by
// round. A size with fewer runs than there are rounds (50k: 3 of 9) has
// them spread evenly over the rounds, in the middle of their shares, so
// that they sample the same minutes as the others.
func (b *benchmark) runInterleaved(ctx context.Context, sizes []int) error {
	var srs []*sizeRun
	rounds := 0
	for _, n := range sizes {
		sr, err := b.prepareSize(n)
		if err != nil {
			return err
		}
		srs = append(srs, sr)
		rounds = max(rounds, sr.runs)
	}
	b.current = nil
	for _, sr := range srs {
		b.current = append(b.current, sr.res)
	}
	next := make([]int, len(srs)) // each size's next run
	for i := range rounds {
		for k, sr := range srs {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			j := next[k]
			if j >= sr.runs || runRound(j, sr.runs, rounds) != i {
				continue
			}
			if j == 0 {
				// The smaller sizes of the group have run at least
				// once now: their peak memory scales to this one.
				b.noteMemory(sr.res)
			}
			b.round(ctx, sr, j, i%2 == 1)
			next[k]++
		}
	}
	b.current = nil
	for _, sr := range srs {
		b.finishSize(ctx, sr)
		b.results = append(b.results, sr.res)
	}
	return nil
}

// runRound returns the round (of rounds) in which run j of runs is made:
// the middle of the run's even share of the rounds, so 3 runs of 9 rounds
// fall in rounds 1, 4 and 7, and 9 runs in every round.
func runRound(j, runs, rounds int) int {
	return (2*j + 1) * rounds / (2 * runs)
}

// noteMemory marks a tool skipped at res's size when memoryNote says its
// run could push the machine out of memory.
func (b *benchmark) noteMemory(res *sizeResult) {
	if note := b.memoryNote(res.size, func(r *sizeResult) []runResult { return r.sineng }); note != "" && res.sinengFail == "" {
		res.sinengFail = note
	}
	if note := b.memoryNote(res.size, func(r *sizeResult) []runResult { return r.hugo }); note != "" && res.hugoFail == "" {
		res.hugoFail = note
	}
}

// prepareSize generates the site of n pages.
func (b *benchmark) prepareSize(n int) (*sizeRun, error) {
	label := sizeLabel(n)
	siteDir := filepath.Join(b.base, "site-"+label)
	start := time.Now()
	s, err := generateSite(siteDir, n)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(b.log, "%s: generated %d pages in %s s\n", label, len(s.pages), secs(time.Since(start)))
	res := &sizeResult{size: n, pages: len(s.pages)}
	return &sizeRun{
		site: s, siteDir: siteDir, res: res, runs: b.cfg.runsFor(n),
		outS: filepath.Join(b.base, "out-sineng-"+label),
		outH: filepath.Join(b.base, "out-hugo-"+label),
	}, nil
}

// round makes run i of a size: sineng, then the floor at the reference
// size, and Hugo before them when hugoFirst, after them otherwise. The
// benchmark alternates the two orders round by round (hugoFirst in odd
// rounds), so that each tool's builds follow the other tool's as often as
// not: a build right after a program that freed gigabytes faults its
// memory in again on the host of a virtual machine that takes freed
// memory back (a 1k sineng build 155 ms after nothing, 190 ms after 10
// GB), and with one fixed order every sineng 1k build followed Hugo's 10k
// or 50k build (docs/performance.md, "Counterbalanced order").
func (b *benchmark) round(ctx context.Context, sr *sizeRun, i int, hugoFirst bool) {
	if hugoFirst {
		b.hugoRun(ctx, sr, i)
	}
	b.sinengRun(ctx, sr, i)
	if sr.res.size == b.ref {
		// Right after the build it is divided by, so both see the
		// machine in the same state: a floor timed apart from the
		// builds moved by a fifth between runs on the same day.
		b.floorRun(ctx, sr.res, sr.site, i, sr.runs)
	}
	if !hugoFirst {
		b.hugoRun(ctx, sr, i)
	}
}

// sinengRun makes sineng's run i of a size, unless sineng has failed or
// is skipped at that size.
func (b *benchmark) sinengRun(ctx context.Context, sr *sizeRun, i int) {
	res := sr.res
	if res.sinengFail != "" {
		return
	}
	r, files := b.cold(ctx, "sineng", sizeLabel(res.size), i, sr.runs, sr.outS, b.bin, sinengArgs(sr.site.dir, sr.outS))
	if r.err != nil {
		res.sinengFail = "sineng failed: " + r.reason
	} else {
		res.sineng = append(res.sineng, r)
		res.sinengFiles = files
	}
}

// hugoRun makes Hugo's run i of a size, unless Hugo is not run, has
// failed or is skipped at that size.
func (b *benchmark) hugoRun(ctx context.Context, sr *sizeRun, i int) {
	res := sr.res
	if b.hugo == "" || res.hugoFail != "" {
		return
	}
	r, files := b.cold(ctx, "hugo", sizeLabel(res.size), i, sr.runs, sr.outH, b.hugo, hugoArgs(b.hugoSite, sr.site.content, sr.outH, b.hugoCache))
	if r.err != nil {
		res.hugoFail = "hugo failed: " + r.reason
	} else {
		res.hugo = append(res.hugo, r)
		res.hugoFiles = files
	}
}

// finishSize makes the reference size's disk and serve measures and
// removes the size's site and outputs.
func (b *benchmark) finishSize(ctx context.Context, sr *sizeRun) {
	res, s, label := sr.res, sr.site, sizeLabel(sr.res.size)
	if res.size == b.ref {
		b.runDisk(ctx, res, s)
		if b.cfg.skipServe {
			res.serve = &serveResult{note: "skipped (-skip-serve)"}
		} else {
			m := measureServe(ctx, b.bin, s, filepath.Join(b.base, "out-serve-"+label), b.cfg.edits, b.log)
			res.serve = &m
		}
	}
	if !b.cfg.keep {
		for _, d := range []string{sr.siteDir, sr.outS, sr.outH, filepath.Join(b.base, "out-floor-"+label), filepath.Join(b.base, "out-serve-"+label)} {
			os.RemoveAll(d)
		}
	}
}

// cold runs one build into an output folder emptied first, with Hugo's cache
// emptied too, logs it and returns it with the number of files it wrote.
// The output is deleted again afterwards so that it does not take memory
// from the next build.
func (b *benchmark) cold(ctx context.Context, tool, label string, i, runs int, out, bin string, args []string) (runResult, int) {
	os.RemoveAll(out)
	os.RemoveAll(b.hugoCache)
	r := runCmd(ctx, bin, args...)
	files := countFiles(out)
	if !b.cfg.keep {
		os.RemoveAll(out)
	}
	if r.err != nil {
		fmt.Fprintf(b.log, "%s: %s run %d/%d failed: %s\n", label, tool, i+1, runs, r.reason)
	} else {
		fmt.Fprintf(b.log, "%s: %s run %d/%d: %s s, peak RSS %.0f MB, %d files\n", label, tool, i+1, runs, secs(r.wall), kibToMB(r.maxRSS), files)
	}
	return r, files
}

// memoryNote says why a tool is not run on an n-page site, or "": when the
// peak memory of its largest earlier size, scaled to n pages, would pass 80%
// of the memory available now, the run could push the machine out of memory.
func (b *benchmark) memoryNote(n int, runsOf func(*sizeResult) []runResult) string {
	avail := memAvailableMB()
	var need float64
	for _, r := range append(slices.Clip(b.results), b.current...) {
		if peak := peakMB(runsOf(r)); peak > 0 && r.size < n {
			need = peak * float64(n) / float64(r.size)
		}
	}
	if avail == 0 || need <= 0.8*avail {
		return ""
	}
	return fmt.Sprintf("skipped: would need about %.0f GB of RAM, %.0f GB available", need/1e3, avail/1e3)
}

// floorRun times floor run i of runs on the site, unless one failed.
func (b *benchmark) floorRun(ctx context.Context, res *sizeResult, s benchSite, i, runs int) {
	if res.floorFail != "" {
		return
	}
	out := filepath.Join(b.base, "out-floor-"+sizeLabel(s.size))
	r, st, err := b.timeFloor(ctx, s.content, out)
	if err != nil {
		res.floorFail = "floor failed: " + err.Error()
		return
	}
	res.floor = append(res.floor, r.wall)
	res.floorStats = st
	res.floorPeak = max(res.floorPeak, r.maxRSS)
	fmt.Fprintf(b.log, "%s: floor run %d/%d: %s s, peak RSS %.0f MB (%d pages)\n", sizeLabel(s.size), i+1, runs, secs(r.wall), kibToMB(r.maxRSS), st.Pages)
}

// runDisk times one sineng build of the site with its output on a real disk.
func (b *benchmark) runDisk(ctx context.Context, res *sizeResult, s benchSite) {
	if b.diskBase == "" {
		res.diskNote = "n/a (no disk-backed temp folder)"
		return
	}
	dir, err := os.MkdirTemp(b.diskBase, "sineng-bench-disk-")
	if err != nil {
		res.diskNote = "n/a (" + err.Error() + ")"
		return
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "out")
	r := runCmd(ctx, b.bin, sinengArgs(s.dir, out)...)
	fmt.Fprintf(b.log, "%s: sineng build with output on disk (%s): ", sizeLabel(s.size), b.diskBase)
	if r.err != nil {
		fmt.Fprintf(b.log, "failed: %s\n", r.reason)
		res.diskNote = "sineng failed: " + r.reason
		return
	}
	fmt.Fprintf(b.log, "%s s\n", secs(r.wall))
	res.disk = &r
}
