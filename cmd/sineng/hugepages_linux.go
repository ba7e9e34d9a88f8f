package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"
	"unsafe"
)

// A build's heap grows to a few hundred megabytes within a second, and on a
// kernel whose transparent huge pages are "madvise" (the default of most
// distributions) every 4 KiB of it costs a page fault on first touch: ≈58k
// faults and ≈7% of a 10k-page build's CPU. The Go runtime does not ask for
// huge pages for its heap, and it maps the heap in 4 MiB steps that are
// touched at once, so advice given after the fact comes too late.
//
// hugeHeapReserve is what reserveHugeHeap maps up front: the heap budget of
// the collector's pacer (gc.go) and a third more for the spans' slack, which
// covers the whole heap of a build of up to about ten thousand pages. A
// larger site's heap grows past it in ordinary pages.
const hugeHeapReserve = heapBudget + heapBudget/3

// thpEnabledFile says how the kernel uses transparent huge pages.
const thpEnabledFile = "/sys/kernel/mm/transparent_hugepage/enabled"

// reserveHugeHeap has the heap's first hugeHeapReserve bytes backed by
// transparent huge pages: it allocates them as one block it does not write
// (unzeroedBlock), advises the kernel to use huge pages for it, and frees
// it again with a collection at start-up, when the heap holds next to
// nothing. The pages it leaves free are the lowest of the heap, the ones
// the runtime hands out first; a 2 MiB page is filled on its first touch,
// so memory never used takes none. 10k-page corpus, 12 alternated runs:
// 58k → 5.5k page faults, 1347 → 1254 ms wall and 2539 → 2403 ms CPU, peak
// RSS unchanged (229–250 MB); 1k pages 176 → 164 ms; 10 pages 49 → 43 ms.
//
// A huge page pays off only when faulting one in costs about what zeroing
// 2 MiB does. A virtual machine whose balloon reports free memory to its
// host (virtio free page reporting, in blocks of 2 MiB and up) breaks that:
// a huge page made of reported memory faults 512 times on the host. On the
// bench's machine a huge page's first touch takes ≈0.2 ms when its memory
// was recently freed and 7–30 ms when the host has it back, while 4 KiB
// pages cost ≈0.8 ms a MiB either way; and the two kinds of huge page come
// mixed: a build often finds its first 10–30 MiB at hand and the rest
// handed back. So the reserve is not trusted up front: a heapWarmer
// (heapwarm_linux.go) faults its huge pages in on a goroutine of its own,
// a little ahead of the heap, times each, and as soon as one was dear
// advises the rest of the reserve back to small pages, which it goes on
// faulting in ahead of the heap. Until 2026-11-30 reserveHugeHeap instead
// touched the block's first 8 huge pages before the build started (2–4 ms
// on one core when they were at hand, 15–22 ms when dear) and decided for
// the whole reserve from them, so a build whose first 16 MiB were at hand
// and the rest not faulted 3.6 ms a MiB on huge pages to the end. Builds
// right after Hugo's 1k build, as in the bench, paired: 10k pages, 8
// rounds, system time 792–1434 ms before and 598–890 ms with the warmer,
// wall 2.46 → 2.17 s (medians), peak RSS 253 → 261 MB; 1k pages, 40
// rounds, 309 → 284 ms, the slowest 471 → 396 ms (another 24 rounds gave
// 287 → 301 ms: at 1k the medians are within this machine's noise, the
// slow tail is not).
//
// It does nothing when huge pages are on for every mapping already
// ("always") or off ("never"), or when GODEBUG=disablethp=1 asks the
// runtime to keep its heap off them. Only the one-shot commands call it: a
// long-running server returns memory to the kernel page by page, which
// splits huge pages and lets the kernel's collapsing of them grow its
// resident size over time.
//
// It reports whether it reserved the block and started its warmer.
func reserveHugeHeap() bool {
	if !hugePagesByAdvice() {
		return false
	}
	// The collector is off while the block is allocated, or the block
	// alone would start a cycle that finds it live: one collection, the
	// one that frees it, is enough.
	gcPercent := debug.SetGCPercent(-1)
	block := unzeroedBlock(hugeHeapReserve)
	advised := syscall.Madvise(block, syscall.MADV_HUGEPAGE) == nil
	base := uintptr(unsafe.Pointer(unsafe.SliceData(block)))
	block = nil
	debug.SetGCPercent(gcPercent)
	if !advised {
		return false // the block is left to the first collection
	}
	runtime.GC() // frees the block: nothing refers to it any more
	go newHeapWarmer(base, hugeHeapReserve).run(warmTick)
	return true
}

// hugePagesByAdvice reports whether the kernel gives transparent huge
// pages to the mappings that ask for them only ("madvise") and the runtime
// has not been told to keep its heap off them (GODEBUG=disablethp=1): when
// advice is what the heap needs.
func hugePagesByAdvice() bool {
	if strings.Contains(os.Getenv("GODEBUG"), "disablethp=1") {
		return false
	}
	mode, err := os.ReadFile(thpEnabledFile)
	return err == nil && thpMode(string(mode)) == "madvise"
}

// unzeroedBlock allocates n bytes of heap that the runtime does not clear,
// and writes only its first byte. make would clear the whole block
// whenever it starts in pages the heap used before: the allocator places
// it at the lowest free run long enough, and the collection that runs
// during package initialisation (the heap's first goal is 4 MiB) can free
// the top pages of the heap, so that the run starts in used memory and the
// runtime zeroes every byte of it, on small pages, before any advice (it
// skips that only when the whole run had been handed back to the kernel). One
// build of a 10-page site took 0.28 s instead of 0.07 s with 308 MB
// resident, as clearing the block would; 400 more did not repeat it, as
// it depends on what that collection frees in time, but freeing 64 MiB of
// written heap before asking for the block has make clear it every time
// (≈0.2 s and ≈210 MiB made resident; TestUnzeroedBlock checks that the
// block keeps what such freed pages held).
//
// strings.Builder.Grow allocates without clearing (bytealg.MakeNoZero), an
// implementation detail the test guards, and its capacity covers n. The
// slice is the builder's buffer seen through the string the builder
// returns. Package unsafe says a string's bytes must not be modified; no
// string of them outlives this call and the buffer is ordinary heap, so
// writing to it (only TestUnzeroedBlock does) is safe in practice, if
// outside that contract. Pages the block shares with heap used before stay
// resident on small pages, and the warmer finds them present and cheap;
// the reserve's other pages decide.
func unzeroedBlock(n int) []byte {
	var b strings.Builder
	b.Grow(n)
	b.WriteByte(0) // the buffer's address is the string's data
	return unsafe.Slice(unsafe.StringData(b.String()), n)
}

// hugePageSize is the size of a transparent huge page on amd64 and arm64
// with 4 KiB base pages.
const hugePageSize = 2 << 20

// hugePageBudget bounds a cheap first fault of a huge page, in CPU time of
// the thread that faults it in. It lies well between what one costs when
// its memory is at hand (0.17–0.6 ms on the bench's virtual machine, once
// 1.3 ms) and when the host must fault it in (5 ms and up), and above what
// 2 MiB of small pages cost (1–1.6 ms there): a huge page the heap had begun
// before the reserve was made cannot become one and faults in as small
// pages, and a budget of 1 ms, below that, once sent a build's whole
// reserve to small pages for its first page.
//
// One page over budget decides for the rest of the reserve. Until
// 2026-11-30 the warmer read the wall clock and waited for two, since a
// thread descheduled between its two readings looks as slow as a dear
// page, and a dear page costs six to nine times the small pages it stands
// for. The thread's CPU clock leaves the wait for a processor out and the
// host's faults in, so one reading is enough.
const hugePageBudget = 3 * time.Millisecond

// hugePageOffset returns how far past addr the next huge page boundary is.
func hugePageOffset(addr uintptr) int {
	return int((hugePageSize - addr%hugePageSize) % hugePageSize)
}

// thpMode returns the selected mode of a transparent_hugepage/enabled file,
// "always [madvise] never" → "madvise", or "" when none is marked.
func thpMode(s string) string {
	for _, f := range strings.Fields(s) {
		if len(f) > 2 && f[0] == '[' && f[len(f)-1] == ']' {
			return f[1 : len(f)-1]
		}
	}
	return ""
}
