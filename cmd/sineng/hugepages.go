package main

// hugeOutcome is what reserveHugeHeap did with its block.
type hugeOutcome int

const (
	hugeNone hugeOutcome = iota // nothing: huge pages are not by advice here, or the advice failed
	hugeKept                    // the reserve is on huge pages
	hugeDear                    // its first huge pages were dear: the rest of the reserve is on small pages
)
