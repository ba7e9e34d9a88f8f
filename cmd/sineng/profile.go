package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"strings"
)

// Heap profiles sample one allocation in every 512 KiB by default, which
// costs a build more than it seems: each sample unwinds the stack and
// records it in the runtime's bucket table, whose pages are read before
// they are first written, so on a virtual machine each new page is two
// faults and a TLB flush sent to the other core. Sampled objects also
// carry a record the sweeper must visit. In CPU profiles of the 1k and
// 10k corpora the sampling took ≈11 ms of CPU a 1k build (2%, half of it
// in those faults) and ≈45 ms a 10k build. Only --memprofile reads the
// samples, so every other command line turns sampling off before the
// build allocates.

// keepMemProfile reports whether allocations stay sampled: when the
// command line args (after the program name) asks for a heap profile
// (--memprofile or -memprofile, its value after = or next), or godebug
// (GODEBUG's value) sets the sampling rate itself.
func keepMemProfile(args []string, godebug string) bool {
	if strings.Contains(godebug, "memprofilerate=") {
		return true
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && name == "memprofile" {
			return true
		}
	}
	return false
}

// startProfile starts a CPU profile into cpuPath and an execution trace
// into tracePath ("" for none) and returns the function that stops both.
func startProfile(cpuPath, tracePath string) (func(), error) {
	stopCPU, err := startRecorder(cpuPath, "cpu profile", pprof.StartCPUProfile, pprof.StopCPUProfile)
	if err != nil {
		return nil, err
	}
	stopTrace, err := startRecorder(tracePath, "trace", trace.Start, trace.Stop)
	if err != nil {
		stopCPU()
		return nil, err
	}
	return func() { stopTrace(); stopCPU() }, nil
}

// startRecorder creates path and starts a recorder writing to it; the
// returned function stops the recorder and closes the file. An empty path
// records nothing.
func startRecorder(path, what string, start func(io.Writer) error, stop func()) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	if err := start(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return func() { stop(); f.Close() }, nil
}

// writeHeapProfile writes the live heap after a collection.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	return nil
}
