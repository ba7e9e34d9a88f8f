package main

import (
	"runtime"
	"runtime/metrics"
	"syscall"
	"time"
	"unsafe"
)

// madvPopulateWrite is MADV_POPULATE_WRITE (Linux 5.14): fault a range in
// as if written, without writing to it.
const madvPopulateWrite = 23

// warmAhead is how far ahead of the heap a heapWarmer faults the reserve
// in: room for the heap to grow while the warmer waits for its next tick or
// for a dear page (5.7–10 ms on the bench's machine), and what a build's
// resident size may exceed its heap by at the end.
const warmAhead = 8 << 20

// warmTick is how often a heapWarmer looks at how far the heap has grown.
const warmTick = 2 * time.Millisecond

// A heapWarmer faults in the huge-page reserve (hugepages_linux.go) a
// little ahead of the heap, on a goroutine of its own, and decides page by
// page whether the reserve stays on huge pages: it times each huge page it
// faults in by its thread's CPU clock, and as soon as one took longer than
// hugePageBudget it advises the rest of the reserve to small pages, which
// it then faults in the same way, 2 MiB at a time. The build's own threads
// then find their memory present instead of faulting it in 4 KiB or 2 MiB
// at a time.
//
// It faults pages in with MADV_POPULATE_WRITE, which leaves what the
// memory holds as it is: the reserve is the runtime's free heap, and the
// runtime may hand out any of it at any moment, so the warmer must never
// write to it. Where the kernel lacks MADV_POPULATE_WRITE (before 5.14) the
// warmer cannot measure without writing, and puts the rest of the reserve
// on small pages, as the runtime maps its heap.
//
// The runtime hands out the lowest free pages first, so the heap's reach
// into the reserve is about the bytes of heap in use beyond those in use
// when the warmer starts (the few megabytes below the reserve). After a
// collection the heap takes freed pages below what the warmer reached, and
// the warmer waits until it grows past them.
type heapWarmer struct {
	next, end uintptr       // the next huge page to fault in; the end of the reserve's last whole one
	start     uintptr       // the reserve's first huge page boundary
	budget    time.Duration // hugePageBudget, or a test's
	huge      bool          // the rest of the reserve is still advised for huge pages
}

// newHeapWarmer returns a warmer for the n bytes of reserve at base, which
// must be advised for huge pages and free.
func newHeapWarmer(base uintptr, n int) *heapWarmer {
	off := hugePageOffset(base)
	start := base + uintptr(off)
	end := start + uintptr(max(n-off, 0))/hugePageSize*hugePageSize
	return &heapWarmer{next: start, end: end, start: start, budget: hugePageBudget, huge: true}
}

// run faults the reserve in ahead of the heap every tick until all of it
// is in or the kernel cannot.
func (w *heapWarmer) run(tick time.Duration) {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
	inUse := func() uint64 {
		metrics.Read(s)
		return s[0].Value.Uint64() + s[1].Value.Uint64()
	}
	below := inUse()
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		n := inUse()
		if !w.step(n - min(below, n)) {
			return
		}
		<-t.C
	}
}

// step faults the reserve in up to warmAhead bytes past the heap's reach
// into it, one huge page at a time, and reports whether any of the reserve
// is left to fault in.
func (w *heapWarmer) step(reach uint64) bool {
	target := w.start + uintptr(min(reach, uint64(w.end-w.start))) + warmAhead
	if w.next >= target || w.next >= w.end {
		return w.next < w.end // most ticks: the heap has not caught up
	}
	runtime.LockOSThread() // the clock is the thread's
	defer runtime.UnlockOSThread()
	for w.next < w.end && w.next < target {
		began := threadCPUTime()
		if madvise(w.next, hugePageSize, madvPopulateWrite) != nil {
			if w.huge {
				_ = madvise(w.next, w.end-w.next, syscall.MADV_NOHUGEPAGE)
			}
			return false
		}
		took := threadCPUTime() - began
		w.next += hugePageSize
		if w.huge && took > w.budget && w.next < w.end {
			// Should the kernel refuse, the rest stays on huge pages, as
			// before the warmer.
			w.huge = madvise(w.next, w.end-w.next, syscall.MADV_NOHUGEPAGE) != nil
		}
	}
	return w.next < w.end
}

// threadCPUTime returns the CPU time the calling thread has used. A fault
// the host serves counts in it, as the virtual processor runs the faulting
// instruction all along, while the time the thread waits for a processor
// does not: on the bench's machine a huge page the host had to fault in
// took 5.7–10 ms of it (its wall time up to 14 ms when the build's threads
// had the processors meanwhile), one at hand 0.17–0.6 ms.
func threadCPUTime() time.Duration {
	var ts syscall.Timespec
	// CLOCK_THREAD_CPUTIME_ID has been there since Linux 2.6.12; should
	// the call fail, ts stays zero and no page seems dear.
	syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0)
	return time.Duration(ts.Nano())
}

// clockThreadCPUTime is CLOCK_THREAD_CPUTIME_ID.
const clockThreadCPUTime = 3

// madvise gives the kernel advice for the n bytes at addr, memory the
// caller holds no Go pointer to.
func madvise(addr, n uintptr, advice int) error {
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, addr, n, uintptr(advice)); e != 0 {
		return e
	}
	return nil
}
