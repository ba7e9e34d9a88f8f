//go:build !linux

package main

// reserveHugeHeap does nothing: transparent huge pages are a Linux feature
// (see hugepages_linux.go).
func reserveHugeHeap() bool { return false }
