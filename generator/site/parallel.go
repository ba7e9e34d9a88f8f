package site

import (
	"sync"
	"sync/atomic"
)

// parallel runs f(0) … f(n-1) on the build's worker count. Each call must
// write only its own slot of any shared slice, so results stay in order
// without locks. The workers take the next index from a shared counter,
// in order: no goroutine hands them out, so none waits on a feeder that
// itself waits for a core.
func (b *builder) parallel(n int, f func(i int)) {
	workers := b.opts.Workers
	if workers > n {
		workers = n
	}
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var next atomic.Int64
	work := func() {
		for {
			i := int(next.Add(1) - 1)
			if i >= n {
				return
			}
			f(i)
		}
	}
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Go(work)
	}
	work() // the calling goroutine is one of the workers
	wg.Wait()
}
