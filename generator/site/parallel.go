package site

import "sync"

// parallel runs f(0) … f(n-1) on the build's worker count. Each call must
// write only its own slot of any shared slice, so results stay in order
// without locks.
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
	next := make(chan int, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
