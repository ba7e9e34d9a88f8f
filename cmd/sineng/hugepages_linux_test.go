package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

func TestTHPMode(t *testing.T) {
	tests := map[string]string{
		"always [madvise] never\n": "madvise",
		"[always] madvise never\n": "always",
		"always madvise [never]\n": "never",
		"always madvise never\n":   "",
		"":                         "",
	}
	for in, want := range tests {
		if got := thpMode(in); got != want {
			t.Errorf("thpMode(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestReserveHugeHeap checks that the reserve is heap the build can use,
// not memory it holds: after the call the live heap is far below the
// block's size. Where the kernel's mode is "madvise", the mappings marked
// for huge pages (VmFlags hg in smaps) must then span at least the reserve,
// or, when its first huge page was dear, those marked for small pages (nh).
func TestReserveHugeHeap(t *testing.T) {
	got := reserveHugeHeap()
	runtime.GC()
	if live := readMetric(metricLive); live >= hugeHeapReserve/2 {
		t.Fatalf("live heap after reserveHugeHeap is %d MiB, want far below the %d MiB reserve", live>>20, hugeHeapReserve>>20)
	}
	if !hugePagesByAdvice() {
		if got != hugeNone {
			t.Errorf("reserveHugeHeap = %d without madvise mode, want hugeNone", got)
		}
		t.Skip("transparent huge pages are not in madvise mode here")
	}
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps")
	}
	flag := map[hugeOutcome]string{hugeKept: "hg", hugeDear: "nh"}[got]
	if flag == "" {
		t.Fatalf("reserveHugeHeap = %d in madvise mode, want hugeKept or hugeDear", got)
	}
	t.Logf("reserve on %s pages (VmFlags %s)", map[string]string{"hg": "huge", "nh": "small"}[flag], flag)
	if span := vmFlagged(string(smaps), flag); span < hugeHeapReserve {
		t.Errorf("mappings with VmFlags %s span %d MiB, want at least the %d MiB reserve", flag, span>>20, hugeHeapReserve>>20)
	}
}

// TestHugePagesCheap checks the probe's decision on fresh memory advised
// for huge pages: a first touch always takes some time, so a zero budget
// finds the pages dear and an hour's finds them cheap; a block holding no
// whole huge page is cheap, since there is nothing to measure.
func TestHugePagesCheap(t *testing.T) {
	// Each half holds at least hugeDearPages whole huge pages, untouched.
	half := (hugeDearPages + 1) * hugePageSize
	mem, err := syscall.Mmap(-1, 0, 2*half, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skipf("mmap: %v", err)
	}
	defer syscall.Munmap(mem)
	_ = syscall.Madvise(mem, syscall.MADV_HUGEPAGE) // as the reserve is; small pages where refused
	if hugePagesCheap(mem[:half], 0) {
		t.Error("a zero budget found first touches cheap")
	}
	if !hugePagesCheap(mem[half:], time.Hour) {
		t.Error("an hour's budget found first touches dear")
	}
	if !hugePagesCheap(mem[1:hugePageSize], 0) {
		t.Error("a block without a whole huge page was measured")
	}
}

// TestUnzeroedBlock checks that the reserve's block is not cleared when it
// starts in pages the heap used before: 16 MiB are written and freed, and
// a block of that size asked for next lands in them (the allocator takes
// the lowest free run that fits, and with earlier garbage freed first no
// run below theirs fits). make would clear it; unzeroedBlock must leave
// what the pages held, but for the first byte, which it writes.
func TestUnzeroedBlock(t *testing.T) {
	const usedSize, n = 16 << 20, 16 << 20
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	runtime.GC() // frees earlier garbage, so that used takes the lowest run
	used := make([]byte, usedSize)
	for i := range used {
		used[i] = 1
	}
	lo := uintptr(unsafe.Pointer(unsafe.SliceData(used)))
	used = nil
	runtime.GC() // frees used
	block := unzeroedBlock(n)
	if len(block) != n {
		t.Fatalf("block of %d bytes, want %d", len(block), n)
	}
	base := uintptr(unsafe.Pointer(unsafe.SliceData(block)))
	from, to := max(base+1, lo), min(base+n, lo+usedSize)
	if to <= from {
		t.Skipf("the block (%#x) did not land in the freed pages (%#x)", base, lo)
	}
	checked := 0
	for p := from; p < to; p += 4096 {
		if block[p-base] != 1 {
			t.Fatalf("byte %d of the block is %d, not the 1 its page held: the block was cleared", p-base, block[p-base])
		}
		checked++
	}
	if checked < 64 {
		t.Skipf("only %d pages of the block lie in the freed pages", checked)
	}
	block[n-1] = 1 // the whole block is the program's to write
	runtime.KeepAlive(block)
}

func TestHugePageOffset(t *testing.T) {
	for addr, want := range map[uintptr]int{0: 0, 1: hugePageSize - 1, hugePageSize - 1: 1, hugePageSize: 0, 3*hugePageSize + 5: hugePageSize - 5} {
		if got := hugePageOffset(addr); got != want {
			t.Errorf("hugePageOffset(%#x) = %d, want %d", addr, got, want)
		}
	}
}

// vmFlagged returns the bytes of the mappings in an smaps listing whose
// VmFlags hold flag (hg: MADV_HUGEPAGE, nh: MADV_NOHUGEPAGE).
func vmFlagged(smaps, flag string) uint64 {
	var total, size uint64
	for _, line := range strings.Split(smaps, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) > 0 && strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":"):
			lo, hi, _ := strings.Cut(f[0], "-")
			a, err1 := strconv.ParseUint(lo, 16, 64)
			b, err2 := strconv.ParseUint(hi, 16, 64)
			size = 0
			if err1 == nil && err2 == nil && b > a {
				size = b - a
			}
		case len(f) > 0 && f[0] == "VmFlags:" && slices.Contains(f[1:], flag):
			total += size
		}
	}
	return total
}
