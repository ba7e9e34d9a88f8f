package site

import "github.com/sineng/sineng/internal/parallel"

// parallel runs f(0) … f(n-1) on the build's worker count (parallel.For).
// Each call must write only its own slot of any shared slice, so results
// stay in order without locks.
func (b *builder) parallel(n int, f func(i int)) {
	parallel.For(n, b.opts.Workers, f)
}

// runs calls f for runs of at most maxRun consecutive indices below n, on
// the build's workers (see parallel.Runs).
func (b *builder) runs(n, maxRun int, f func(lo, hi int)) {
	parallel.Runs(n, b.opts.Workers, maxRun, f)
}
