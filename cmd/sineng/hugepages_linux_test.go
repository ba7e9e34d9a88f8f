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
// for huge pages (VmFlags hg in smaps) or back for small ones (nh, when the
// warmer found huge pages dear) must then span at least the reserve.
func TestReserveHugeHeap(t *testing.T) {
	got := reserveHugeHeap()
	runtime.GC()
	if live := readMetric(metricLive); live >= hugeHeapReserve/2 {
		t.Fatalf("live heap after reserveHugeHeap is %d MiB, want far below the %d MiB reserve", live>>20, hugeHeapReserve>>20)
	}
	if !hugePagesByAdvice() {
		if got {
			t.Error("reserveHugeHeap reserved without madvise mode")
		}
		t.Skip("transparent huge pages are not in madvise mode here")
	}
	if !got {
		t.Fatal("reserveHugeHeap did not reserve in madvise mode")
	}
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps")
	}
	hg, nh := vmFlagged(string(smaps), "hg"), vmFlagged(string(smaps), "nh")
	t.Logf("advised for huge pages %d MiB, back to small pages %d MiB", hg>>20, nh>>20)
	if hg+nh < hugeHeapReserve {
		t.Errorf("mappings with VmFlags hg or nh span %d MiB, want at least the %d MiB reserve", (hg+nh)>>20, hugeHeapReserve>>20)
	}
}

// TestHeapWarmer drives a warmer over a private mapping advised for huge
// pages, as the reserve is. It must fault in whole huge pages up to
// warmAhead past the heap's reach and no further, keep the mapping on huge
// pages while they are cheap (a budget of an hour), and with a budget of
// zero, right after the first, advise the rest to small pages and go on
// faulting it in; it ends at the reserve's end.
func TestHeapWarmer(t *testing.T) {
	const n = 10*hugePageSize + warmAhead
	for _, tt := range []struct {
		name   string
		budget time.Duration
		flag   string // VmFlags of the mapping's unfaulted rest
	}{{"cheap", time.Hour, "hg"}, {"dear", 0, "nh"}} {
		t.Run(tt.name, func(t *testing.T) {
			mem, err := syscall.Mmap(-1, 0, n+hugePageSize, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
			if err != nil {
				t.Skipf("mmap: %v", err)
			}
			defer syscall.Munmap(mem)
			if err := syscall.Madvise(mem, syscall.MADV_HUGEPAGE); err != nil {
				t.Skipf("no huge page advice here: %v", err)
			}
			base := uintptr(unsafe.Pointer(unsafe.SliceData(mem)))
			w := newHeapWarmer(base+1, n) // starts at the next huge page boundary
			w.budget = tt.budget
			if w.start%hugePageSize != 0 || w.start <= base || w.end > base+uintptr(len(mem)) || (w.end-w.start)%hugePageSize != 0 {
				t.Fatalf("warmer over [%#x, %#x) for a mapping at %#x", w.start, w.end, base)
			}
			if !w.step(3 * hugePageSize) {
				t.Fatal("step reports the reserve done after its first pages")
			}
			want := w.start + 3*hugePageSize + warmAhead
			if w.next != want {
				t.Fatalf("faulted in up to %#x, want %#x (3 huge pages and warmAhead past the start)", w.next, want)
			}
			if tt.budget == 0 && w.huge {
				t.Error("huge pages over a zero budget did not send the rest to small pages")
			}
			if tt.budget > 0 && !w.huge {
				t.Error("huge pages within an hour's budget sent the rest to small pages")
			}
			present := residentPages(t, mem)
			off := int(w.start - base)
			for i := 0; i < len(mem)/4096; i++ {
				in := i*4096 >= off && i*4096 < off+int(want-w.start)
				if present[i] != in {
					t.Fatalf("page at offset %d MiB resident %v, want %v", i*4096>>20, present[i], in)
				}
			}
			smaps, err := os.ReadFile("/proc/self/smaps")
			if err != nil {
				t.Skip("no /proc/self/smaps")
			}
			if !mappingFlagged(string(smaps), want, tt.flag) {
				t.Errorf("the unfaulted rest at %#x lacks VmFlags %s", want, tt.flag)
			}
			if second := w.start + hugePageSize; !mappingFlagged(string(smaps), second, tt.flag) {
				t.Errorf("the second huge page at %#x lacks VmFlags %s: one page over budget decides", second, tt.flag)
			}
			if w.step(n) {
				t.Error("step reports more to fault in after the heap reached the end")
			}
			if w.next != w.end {
				t.Errorf("faulted in up to %#x, want the end %#x", w.next, w.end)
			}
		})
	}
}

// residentPages reports for each 4 KiB page of mem whether it is resident.
func residentPages(t *testing.T, mem []byte) []bool {
	t.Helper()
	vec := make([]byte, len(mem)/4096)
	if _, _, e := syscall.Syscall(syscall.SYS_MINCORE, uintptr(unsafe.Pointer(unsafe.SliceData(mem))), uintptr(len(mem)), uintptr(unsafe.Pointer(unsafe.SliceData(vec)))); e != 0 {
		t.Skipf("mincore: %v", e)
	}
	present := make([]bool, len(vec))
	for i, v := range vec {
		present[i] = v&1 != 0
	}
	return present
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
	var total uint64
	for _, m := range smapsMappings(smaps) {
		if slices.Contains(m.flags, flag) {
			total += m.hi - m.lo
		}
	}
	return total
}

// mappingFlagged reports whether the mapping holding addr in an smaps
// listing has flag among its VmFlags.
func mappingFlagged(smaps string, addr uintptr, flag string) bool {
	for _, m := range smapsMappings(smaps) {
		if uint64(addr) >= m.lo && uint64(addr) < m.hi {
			return slices.Contains(m.flags, flag)
		}
	}
	return false
}

// smapsMapping is one mapping of an smaps listing: its address range and
// its VmFlags.
type smapsMapping struct {
	lo, hi uint64
	flags  []string
}

// smapsMappings returns the mappings of an smaps listing whose ranges
// parse.
func smapsMappings(smaps string) []smapsMapping {
	var out []smapsMapping
	var cur *smapsMapping
	for _, line := range strings.Split(smaps, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) > 0 && strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":"):
			cur = nil
			lo, hi, _ := strings.Cut(f[0], "-")
			a, err1 := strconv.ParseUint(lo, 16, 64)
			b, err2 := strconv.ParseUint(hi, 16, 64)
			if err1 == nil && err2 == nil && b > a {
				out = append(out, smapsMapping{lo: a, hi: b})
				cur = &out[len(out)-1]
			}
		case cur != nil && len(f) > 0 && f[0] == "VmFlags:":
			cur.flags = f[1:]
		}
	}
	return out
}
