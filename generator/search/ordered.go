package search

import "sync"

// inOrder makes items 0 to n-1 on workers goroutines and hands each to
// emit, in order, on the calling goroutine. Each goroutine gets its
// function from newF, which makes an item into the buffer it is given,
// grown as needed, and returns it. At most workers+2 items are made and
// not yet emitted at any time, and the buffer of an emitted item is given
// to the next item made, so the items take a few buffers' room in all
// and emit must not keep its argument. inOrder stops at emit's first
// error, waits for the items being made and returns the error.
func inOrder(n, workers int, newF func() func(k int, buf []byte) []byte, emit func(k int, out []byte) error) error {
	if n == 0 {
		return nil
	}
	workers = min(workers, n)
	window := workers + 2
	var (
		mu      sync.Mutex
		changed = sync.NewCond(&mu)
		next    int                 // the next item to make
		emitted int                 // items emitted
		stop    bool                // emit failed
		made    = make([][]byte, n) // by item, once made and until emitted
		done    = make([]bool, n)   // by item: made
		free    [][]byte            // buffers of emitted items
	)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			f := newF()
			for {
				mu.Lock()
				for !stop && next < n && next-emitted >= window {
					changed.Wait()
				}
				if stop || next == n {
					mu.Unlock()
					return
				}
				k := next
				next++
				var buf []byte
				if len(free) > 0 {
					buf = free[len(free)-1]
					free = free[:len(free)-1]
				}
				mu.Unlock()
				buf = f(k, buf)
				mu.Lock()
				made[k], done[k] = buf, true
				changed.Broadcast()
				mu.Unlock()
			}
		})
	}
	var err error
	for k := range n {
		mu.Lock()
		for !done[k] {
			changed.Wait()
		}
		buf := made[k]
		mu.Unlock()
		err = emit(k, buf)
		mu.Lock()
		made[k] = nil
		free = append(free, buf[:0])
		emitted++
		stop = err != nil
		changed.Broadcast()
		mu.Unlock()
		if err != nil {
			break
		}
	}
	wg.Wait()
	return err
}
