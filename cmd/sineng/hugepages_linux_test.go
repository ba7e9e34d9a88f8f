package main

import (
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
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
// block's size. Where the kernel's mode is "madvise", the mappings marked for
// huge pages (VmFlags hg in smaps) must then span at least the reserve.
func TestReserveHugeHeap(t *testing.T) {
	reserveHugeHeap()
	runtime.GC()
	if live := readMetric(metricLive); live >= hugeHeapReserve/2 {
		t.Fatalf("live heap after reserveHugeHeap is %d MiB, want far below the %d MiB reserve", live>>20, hugeHeapReserve>>20)
	}
	if !hugePagesByAdvice() {
		t.Skip("transparent huge pages are not in madvise mode here")
	}
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps")
	}
	if got := hugeAdvised(string(smaps)); got < hugeHeapReserve {
		t.Errorf("mappings marked for huge pages span %d MiB, want at least the %d MiB reserve", got>>20, hugeHeapReserve>>20)
	}
}

// hugeAdvised returns the bytes of the mappings in an smaps listing whose
// VmFlags hold hg (MADV_HUGEPAGE).
func hugeAdvised(smaps string) uint64 {
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
		case len(f) > 0 && f[0] == "VmFlags:" && slices.Contains(f[1:], "hg"):
			total += size
		}
	}
	return total
}
