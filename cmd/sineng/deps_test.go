package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBinaryLeavesOutSlowInits checks that the binary does not link
// packages whose initialisation a build pays for before main and no
// longer needs: chroma's style registry parses all its styles at start
// (the highlighter keeps them as a table, generator/highlight/styles.go).
func TestBinaryLeavesOutSlowInits(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "github.com/alecthomas/chroma/v2/styles" {
			t.Errorf("sineng links %s again: its init parses every chroma style before main", pkg)
		}
	}
}
