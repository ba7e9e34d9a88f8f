package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// The collector is paced by a heap budget instead of a fixed GOGC. A build
// allocates most of its memory as short-lived garbage (goldmark's syntax
// trees, rendered pages) on top of a live heap that grows with the site
// (front matter, views, search lists: ≈75 MB at 10k pages). With a fixed
// GOGC the collector runs each time the heap grows by a fixed fraction of
// that live heap, so a mid-sized site collects often while far from any
// memory worth saving. After each collection the pacer sets GOGC so that
// the next one is due when the heap reaches its goal: liveFactor times the
// live heap, at least the floor and at most heapBudget, but never sooner
// than GOGC=minGCPercent would make it. A site whose live heap is past the
// budget's reach is paced at GOGC=minGCPercent, as before the pacer, and a
// small site's heap stays small.
//
// The floor depends on the command. A one-shot command (build, check) ends
// within seconds, so its floor is the budget itself (oneShotFloor): no
// collection before the heap reaches the budget, each collection then due
// at the budget again. A 10k build collects 5 times instead of 6, the first
// time after assembly (≈0.4 s) instead of during it (≈0.2 s), and fewer
// marking phases mean less time with the write barrier slowing every
// worker. 10k corpus, 20 paired rounds against floor 128 MiB and budget
// 192 MiB (the earlier setting): floor and budget 208 MiB −3.7% wall and
// −3.3% CPU, peak RSS 233 → 254–275 MB; 224 MiB −2.5 to −3.7% but up to
// 293 MB in the bench (its target is 300); floor 192 with budget 224 −2.8
// to −3.4%; budget 224 alone (floor 128) −0.3 to −2.2%. 1k pages: within
// ±1.5% (its heap stays under both floors: 121 MB peak RSS). serve keeps
// heapFloor: a server lives on, and its heap need not sit at the budget
// between edits.
//
// Earlier measurements: 10k-page corpus, 6 alternated runs each: ≈21
// collections, 2.38 s and 212–233 MB peak RSS at GOGC=80; 10 collections,
// 2.26 s and 241–251 MB with the pacer (median wall time; ≈0.3 s less
// CPU). 1k pages: 53 → 89 MB, 0.28 → 0.24 s. 100k pages: unchanged (1.9
// GB, paced at GOGC=80). The floor was 64 MiB until the heap had huge pages
// (hugepages_linux.go): with first touches cheap, a floor of 128 MiB spared
// a site of a thousand pages its collections while it loads (1k pages, 20
// alternated runs: 146 → 136 ms, 260 → 242 ms of CPU). Where first touches
// are dear after all, on the bench's virtual machine when each build
// starts 3 s after the last (its memory handed back to the host, so new
// pages fault on the host too), 64 MiB was faster at 1k: 0.21 against 0.23
// s (8 runs each). Builds run back to back, as in the bench, and ordinary
// machines are the first case.
//
// A live heap of largeHeap or more belongs to a site of tens of thousands
// of pages: there each collection marks hundreds of megabytes, and marking
// becomes the largest cost that grows faster than the site (at 50k pages,
// GOGC=80 spent ≈2.5 s of ≈18 s of CPU marking). Such a heap is paced at
// GOGC=largeGCPercent, a peak of ≈2.5× the live heap: 50k pages 0.79 →
// 1.06 GB and ≈1.3 s of marking; 100k pages 1.7 → 2.1 GB, 21.4 → 18.2 s.
// From hugeHeap of live heap (a few hundred thousand pages) memory weighs
// more than marking again, and the pacer goes back to GOGC=minGCPercent.
// GOGC in the environment turns the pacer off and wins; GOMEMLIMIT turns
// it off too (the limit then bounds the heap) and leaves GOGC=minGCPercent.
//
// 2026-12-01: 208 → 192 MiB. In 72 builds of 10k pages in full bench runs
// on the second machine two peaked at 291 and 307 MB (the others 263–279),
// both slow builds (1.77 and 1.80 s against ≈1.25) right after Hugo's 1k
// build; the target is 300 MB and a bench run reports the highest
// peak of its nine. 192 MiB takes ≈17 MB off every peak (six builds each:
// 255–266 → 239–250 MB) for ≈1.7% of a 10k build's time (12 paired
// rounds, median of the ratios 1.017); sites below ≈5k pages never reach
// either budget.
const (
	heapBudget     = 192 << 20
	heapFloor      = 128 << 20 // serve's floor
	oneShotFloor   = heapBudget
	liveFactor     = 3
	minGCPercent   = 80
	largeHeap      = 256 << 20
	largeGCPercent = 150
	hugeHeap       = 2 << 30
)

// maxGCPercent bounds GOGC while the live heap is tiny (start-up). The
// runtime never sets a heap goal below 4 MiB × GOGC/100, so this bound is
// what keeps a tiny heap's goal at the floor.
func maxGCPercent(floor uint64) int { return int(floor / (4 << 20) * 100) }

// paceCollector starts the heap-budget pacer with the given floor
// (heapFloor or oneShotFloor) unless GOGC or GOMEMLIMIT is set; with
// GOMEMLIMIT alone it sets GOGC=minGCPercent, so the collector never runs
// at the runtime's default of 100 unless asked to.
func paceCollector(floor uint64) {
	switch {
	case os.Getenv("GOGC") != "":
		return
	case os.Getenv("GOMEMLIMIT") != "":
		debug.SetGCPercent(minGCPercent)
		return
	}
	p := &pacer{floor: floor, percent: -1}
	p.adjust()
	go watchCollections(gcCycles(), p.adjust, nil)
}

// pacer adjusts GOGC after every collection. Only the watching goroutine
// touches it once watchCollections has it.
type pacer struct {
	floor   uint64 // the smallest heap goal
	percent int    // the GOGC last set, -1 before the first
}

// The runtime metrics the pacer reads.
const (
	metricLive   = "/gc/heap/live:bytes"
	metricCycles = "/gc/cycles/total:gc-cycles"
	metricAllocs = "/gc/heap/allocs:bytes"
)

// readMetric returns the value of one uint64 runtime metric.
func readMetric(name string) uint64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// Intervals at which watchCollections looks for a finished collection:
// watchBusy while the program allocates, backing off to watchIdle while
// it allocates less than watchQuiet bytes an interval.
const (
	watchBusy  = 2 * time.Millisecond
	watchIdle  = 250 * time.Millisecond
	watchQuiet = 1 << 20
)

// gcCycles returns the number of collections finished so far.
func gcCycles() uint64 { return readMetric(metricCycles) }

// watchCollections calls fn soon after each collection that finishes
// once since have (since is a gcCycles count the caller takes, so that a
// collection finishing before this goroutine first runs is not missed),
// until stop is closed (nil: never). It reads the runtime's count of
// finished cycles every watchBusy while the program allocates and less
// often while it does not.
//
// A cleanup on an object nothing keeps (runtime.AddCleanup) would be
// the event-driven way, and the pacer used one, but a cleanup is queued
// only when the sweeper reaches the object's span, which with both cores
// busy can be a whole cycle later. Then GOGC stayed at the value set for
// the previous live heap: after a collection during loading, GOGC=3200
// (a tiny heap's) met a live heap of 80 MB, and in 6 of 25 builds of the
// 10k corpus the next goal was 640 MB to 8 GB (one peak RSS 738 MB). A
// tick reaches fn within milliseconds, while the heap has grown by a few
// megabytes at most.
func watchCollections(since uint64, fn func(), stop <-chan struct{}) {
	s := []metrics.Sample{{Name: metricCycles}, {Name: metricAllocs}} // one read a tick
	cycles, allocs := since, uint64(0)
	every := watchBusy
	t := time.NewTimer(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		metrics.Read(s)
		if n := s[0].Value.Uint64(); n != cycles {
			cycles = n
			fn()
		}
		a := s[1].Value.Uint64()
		if a-allocs >= watchQuiet {
			every = watchBusy
		} else {
			every = min(2*every, watchIdle)
		}
		allocs = a
		t.Reset(every)
	}
}

// adjust sets GOGC for the live heap the last collection left.
func (p *pacer) adjust() {
	pct := gcPercentFor(readMetric(metricLive), p.floor)
	if pct != p.percent {
		debug.SetGCPercent(pct)
		p.percent = pct
	}
}

// gcPercentFor returns the GOGC that puts the next collection at the heap
// goal for a live heap of live bytes and the given floor, within
// [minGCPercent, maxGCPercent(floor)], or largeGCPercent for a live heap
// from largeHeap up to hugeHeap.
func gcPercentFor(live, floor uint64) int {
	if live == 0 {
		return maxGCPercent(floor)
	}
	if live >= largeHeap && live < hugeHeap {
		return largeGCPercent
	}
	goal := min(max(liveFactor*live, floor), heapBudget)
	pct := int64(goal*100/live) - 100
	return int(min(max(pct, minGCPercent), int64(maxGCPercent(floor))))
}
