//go:build !linux

package main

import "os"

// diskFolder returns the system temp folder, assumed to be on a disk.
func diskFolder() string { return os.TempDir() }
