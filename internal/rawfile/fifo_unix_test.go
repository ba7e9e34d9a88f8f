//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package rawfile

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadFileDoesNotWaitForAFIFO checks that a FIFO put where a file was
// expected is read without blocking: a direct call that blocked would hold
// up every goroutine at the next collection.
func TestReadFileDoesNotWaitForAFIFO(t *testing.T) {
	forEachCalls(t, func(t *testing.T, c Calls) {
		p := filepath.Join(t.TempDir(), "page.md")
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skip("mkfifo:", err)
		}
		done := make(chan []byte, 1)
		go func() {
			data, _ := c.ReadFile(p, nil)
			done <- data
		}()
		select {
		case data := <-done:
			if len(data) != 0 {
				t.Errorf("read %q from a FIFO nobody writes", data)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("ReadFile of a FIFO with no writer is still waiting after 5 s")
		}
	})
}
