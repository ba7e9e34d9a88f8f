// Package parallel runs the calls of an index range on a fixed number of
// goroutines.
package parallel

// For calls f(0) … f(n-1) on at most workers goroutines and returns when
// all calls have returned; with one worker (or one index) it calls them in
// order on the calling goroutine. Calls start in index order. Each call
// must write only its own slot of any shared slice, so results stay in
// order without locks. A call that panics ends the program, as in any
// goroutine. It is Runs with runs of one index.
func For(n, workers int, f func(i int)) {
	Runs(n, workers, 1, func(i, _ int) { f(i) })
}
