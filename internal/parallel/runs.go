package parallel

import (
	"sync"
	"sync/atomic"
)

// Runs calls f(lo, hi) for runs of consecutive indices [lo, hi) that
// together cover 0 … n-1 once, on at most workers goroutines, and returns
// when all calls have returned; with one worker it makes the calls in order
// on the calling goroutine. Runs start in index order. A run is at most
// maxRun indices long, and shorter as the range runs out (what is left
// divided by twice the number of workers, at least one index), so that the
// last runs are short and no goroutine is left alone with a long one at the
// end. Each call must write only its own slots of any shared slice, and a
// call that panics ends the program.
//
// The goroutines take the next run from a shared counter: no goroutine
// hands work out, so none waits for a feeder that itself waits for a core
// (with a feeder and a channel, a traced 10k-page build counted ≈2,800 such
// waits in 240 ms). A caller gives each run one kind of work after another
// (all of a run's first steps, then all of its second steps) when that
// keeps each kind's code and data in the core's caches.
func Runs(n, workers, maxRun int, f func(lo, hi int)) {
	if n <= 0 {
		return
	}
	workers = max(1, min(workers, n))
	maxRun = max(1, maxRun)
	var next atomic.Int64
	work := func() {
		for {
			lo := int(next.Load())
			if lo >= n {
				return
			}
			size := min(maxRun, max(1, (n-lo)/(2*workers)))
			if !next.CompareAndSwap(int64(lo), int64(lo+size)) {
				continue
			}
			f(lo, lo+size)
		}
	}
	if workers == 1 {
		work()
		return
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(work)
	}
	wg.Wait()
}
