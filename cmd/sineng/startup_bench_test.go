package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkStartup measures what every build pays before it reads its
// first file: `sineng version`, from exec to exit, in a binary built as
// `make build` builds it. Most of it is package initialisation, and most
// of that is chroma's lexer registry, which parses all of its lexer
// definitions before main (10–12 ms of ≈23 on the bench's machine, against
// ≈2 ms for an empty Go program); a 1k-page build takes ≈0.25 s, so a
// start-up regression shows in the bench's flatness first. Besides the
// wall time (ns/op) it reports, from GODEBUG=inittrace=1 runs made before
// the timed ones (medians of startupTraceRuns), the package initialisers'
// summed clock time (init-ms/op) and the slowest one's (max-init-ms/op).
func BenchmarkStartup(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "sineng")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	var total, slowest []float64
	for range startupTraceRuns {
		cmd := exec.Command(bin, "version")
		cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
		var trace bytes.Buffer
		cmd.Stderr = &trace
		if err := cmd.Run(); err != nil {
			b.Fatalf("sineng version: %v", err)
		}
		sum, top, err := initClock(trace.Bytes())
		if err != nil {
			b.Fatal(err)
		}
		total, slowest = append(total, sum), append(slowest, top)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := exec.Command(bin, "version").Run(); err != nil {
			b.Fatalf("sineng version: %v", err)
		}
	}
	b.ReportMetric(median(total), "init-ms/op")
	b.ReportMetric(median(slowest), "max-init-ms/op")
}

// startupTraceRuns is how many traced runs BenchmarkStartup takes the
// initialisers' times from.
const startupTraceRuns = 7

// initClock sums the clock times of the package initialisers in a
// GODEBUG=inittrace=1 trace ("init pkg @0.5 ms, 1.2 ms clock, …") and
// returns the sum and the largest, in milliseconds.
func initClock(trace []byte) (sum, top float64, err error) {
	n := 0
	for line := range strings.Lines(string(trace)) {
		f := strings.Fields(line)
		if len(f) < 7 || f[0] != "init" || f[6] != "clock," {
			continue
		}
		ms, err := strconv.ParseFloat(f[4], 64)
		if err != nil {
			return 0, 0, err
		}
		sum, top, n = sum+ms, max(top, ms), n+1
	}
	if n == 0 {
		return 0, 0, errors.New("no init lines in the GODEBUG=inittrace=1 output")
	}
	return sum, top, nil
}

// median returns the middle value of xs (the upper one of an even count).
func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	return s[len(s)/2]
}

func TestInitClock(t *testing.T) {
	trace := []byte(`init internal/bytealg @0.26 ms, 0.004 ms clock, 0 bytes, 0 allocs
init github.com/alecthomas/chroma/v2/lexers @4.5 ms, 12 ms clock, 2737248 bytes, 31433 allocs
sineng 0.1.0-dev
init github.com/yuin/goldmark/extension @21 ms, 1.5 ms clock, 264240 bytes, 2049 allocs
`)
	sum, top, err := initClock(trace)
	if err != nil {
		t.Fatal(err)
	}
	if sum != 0.004+12+1.5 || top != 12 {
		t.Errorf("initClock = %v, %v; want %v, 12", sum, top, 0.004+12+1.5)
	}
	if _, _, err := initClock([]byte("sineng 0.1.0-dev\n")); err == nil {
		t.Error("initClock of a trace without init lines: no error")
	}
}
