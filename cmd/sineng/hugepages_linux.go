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
// (unzeroedBlock), advises the kernel to use huge pages for
// it, and frees it again with a collection at start-up, when the heap holds
// next to nothing. The pages it leaves free are the lowest of the heap, the
// ones the runtime hands out first; a 2 MiB page is filled on its first
// touch, so memory never used takes none. 10k-page corpus, 12 alternated
// runs: 58k → 5.5k page faults, 1347 → 1254 ms wall and 2539 → 2403 ms CPU,
// peak RSS unchanged (229–250 MB); 1k pages 176 → 164 ms; 10 pages 49 →
// 43 ms.
//
// A huge page pays off only when faulting one in costs about what zeroing
// 2 MiB does. A virtual machine whose balloon reports free memory to its
// host (virtio free page reporting, in blocks of 2 MiB and up) breaks that:
// a huge page made of reported memory faults 512 times on the host. On the
// bench's machine a huge page's first touch took ≈0.2 ms when the memory
// was recently freed and ≈10 ms after a dozen idle seconds (256 MiB: 34 ms
// against 1.0 s), while 4 KiB pages cost ≈0.65 ms a MiB either way; 10k
// builds ran 2.2–2.5 s warm and 2.7–3.0 s cold on huge pages, 2.5–2.8 s
// either way on small ones, and in a full bench five of nine 10k builds
// were cold. So reserveHugeHeap touches the first huge pages of its block
// and times them (hugePagesCheap): when two of them are slower than
// hugePageBudget, the rest of the block is advised back to small pages
// before the heap uses it (the pages touched stay huge). The pages touched
// are the heap's first 16 MiB, which a build of a few hundred pages or more
// faults in anyway. 10k corpus, paired runs, measured when one slow page
// decided: with 15 idle seconds before each, 3.02 → 2.68 s (6 rounds,
// ratio 0.88) and 5.68 → 5.05 s of CPU; back to back, where the probes
// keep huge pages, ratio 1.01 (8 rounds); a 10-page site, 20 rounds: 0.93.
//
// It does nothing when huge pages are on for every mapping already
// ("always") or off ("never"), or when GODEBUG=disablethp=1 asks the
// runtime to keep its heap off them. Only the one-shot commands call it: a
// long-running server returns memory to the kernel page by page, which
// splits huge pages and lets the kernel's collapsing of them grow its
// resident size over time.
//
// It returns what it did with the block (hugeKept, hugeDear) or hugeNone.
func reserveHugeHeap() hugeOutcome {
	if !hugePagesByAdvice() {
		return hugeNone
	}
	// The collector is off while the block is allocated, or the block
	// alone would start a cycle that finds it live: one collection, the
	// one that frees it, is enough.
	gcPercent := debug.SetGCPercent(-1)
	got := adviseHugeBlock(hugeHeapReserve)
	debug.SetGCPercent(gcPercent)
	if got != hugeNone {
		runtime.GC() // frees the block: nothing refers to it any more
	}
	return got
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

// adviseHugeBlock allocates a block of n bytes and asks for huge pages for
// it, then takes the advice back when its first huge pages show them dear
// (hugePagesCheap). A block whose advice failed is left to the first
// collection. The probe assumes 4 KiB base pages, whose huge pages are
// 2 MiB; with other base pages the block keeps its advice unmeasured.
func adviseHugeBlock(n int) hugeOutcome {
	block := unzeroedBlock(n)
	if syscall.Madvise(block, syscall.MADV_HUGEPAGE) != nil {
		return hugeNone
	}
	if os.Getpagesize() != 4096 || hugePagesCheap(block, hugePageBudget) {
		return hugeKept
	}
	// Small pages, as the runtime maps its heap without advice. Should
	// the kernel refuse, the block stays on huge pages, as before.
	if syscall.Madvise(block, syscall.MADV_NOHUGEPAGE) != nil {
		return hugeKept
	}
	return hugeDear
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
// the probe's writes are safe in practice, if outside that contract. Pages
// the block shares with heap used before stay resident on small pages, and
// a probe that meets one finds it cheap; the reserve's other pages decide.
func unzeroedBlock(n int) []byte {
	var b strings.Builder
	b.Grow(n)
	b.WriteByte(0) // the buffer's address is the string's data
	return unsafe.Slice(unsafe.StringData(b.String()), n)
}

// hugePageSize is the size of a transparent huge page on amd64 and arm64
// with 4 KiB base pages.
const hugePageSize = 2 << 20

// hugePageBudget bounds a cheap first touch of a huge page. It lies between
// what one costs when its memory is at hand (≈0.1–0.3 ms) and when the host
// must fault it in (≈10 ms), near what the 512 small pages it stands for
// cost (≈0.3 ms on bare metal, ≈1.3 ms on the bench's virtual machine).
const hugePageBudget = time.Millisecond

// hugeProbes is how many huge pages hugePagesCheap touches at most. The
// kernel hands out free memory that the host still holds before memory it
// has reported, so the first page can be quick while the rest are dear:
// one probe alone was fooled by a machine idle for 20 s (first page 0.2 ms,
// the next 62 MiB 2.8 ms a MiB). Touching more costs nothing when they are
// cheap, as they are the heap's first pages.
const hugeProbes = 8

// hugeDearPages is how many probes over budget make huge pages dear: a
// single one may be the thread descheduled between its two clock readings
// (the readings are of the wall clock on purpose, as the host's faults show
// in no other clock), while on reported memory every page is dear.
const hugeDearPages = 2

// hugePagesCheap writes one byte into each of the first whole huge pages
// of block (at most hugeProbes), which must be advised for huge pages and
// never touched, and reports whether fewer than hugeDearPages of those
// first touches took longer than budget; it stops as soon as that many
// did. A block too small to hold a whole huge page is reported cheap: there
// is nothing to measure.
func hugePagesCheap(block []byte, budget time.Duration) bool {
	off := hugePageOffset(uintptr(unsafe.Pointer(unsafe.SliceData(block))))
	dear := 0
	for n := 0; n < hugeProbes && off+hugePageSize <= len(block); n++ {
		start := time.Now()
		block[off] = 1
		if time.Since(start) > budget {
			if dear++; dear == hugeDearPages {
				return false
			}
		}
		off += hugePageSize
	}
	return true
}

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
