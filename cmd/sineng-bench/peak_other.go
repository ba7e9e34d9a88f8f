//go:build !linux

package main

// resetPeakRSS does nothing where a child's peak memory is its own.
func resetPeakRSS() error { return nil }
