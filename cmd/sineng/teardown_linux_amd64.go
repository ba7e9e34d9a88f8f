package main

import (
	"syscall"
	"unsafe"
)

// A process's exit frees its memory before its parent hears of it: the
// kernel unmaps every page on the exiting thread, and only then does the
// shell (or the bench) return. For a build that is 10–20 ms on one core
// at 1k pages (≈120 MB resident, mostly in 4 KiB pages) and ≈35 ms at 10k
// (≈270 MB), time the user waits for although every output file is
// already written.
//
// handOffTeardown takes that work off the parent's exit path, much as the
// mold linker lets a forked child outlive the process the shell waits
// for: just before the process exits it starts a helper process that
// shares its memory (clone3 with CLONE_VM) and holds the read end of a
// pipe whose write end only the parent holds. The parent's exit then only
// drops its reference to the memory (the helper holds another) and closes
// the pipe; the helper reads the end of file and exits, and the kernel
// frees the memory on the helper's exit, alongside the rest of the
// parent's exit or after it. The helper runs no Go code (see
// teardown_linux_amd64.s), starts with every handled signal back at its
// default action (CLONE_CLEAR_SIGHAND), and is reaped by whichever
// process adopts it (the nearest subreaper, or init). It closes every
// descriptor it inherited before it waits, and the parent waits for that
// (a second pipe, closed by the helper's close_range), so no pipe the
// parent's caller reads stays open after the parent. While the helper
// lives, ps shows it with the parent's command line.
//
// As the helper frees the memory, the rusage the parent's caller reads
// (time's "sys") no longer counts the unmapping.
//
// Alternated 1k builds (10 each): from the last line of output to the
// exit reported, 15.7 → 1.1 ms median; 10k (4 each): 34.3 → 3.7 ms.
//
// It returns the helper's pid, or 0 when none started: kernels before 5.3
// (no clone3) or 5.5 (no CLONE_CLEAR_SIGHAND) and sandboxes that refuse
// clone3 get no helper, and the process exits as it always did. On a
// kernel from 5.5 to 5.8 (no close_range) the helper leaves at once,
// which comes to the same. A sandbox that traps clone3 with a signal
// instead of refusing it would end the process there.
func handOffTeardown() int {
	var hold, ready [2]int
	if err := syscall.Pipe2(hold[:], syscall.O_CLOEXEC); err != nil {
		return 0
	}
	if err := syscall.Pipe2(ready[:], syscall.O_CLOEXEC); err != nil {
		syscall.Close(hold[0])
		syscall.Close(hold[1])
		return 0
	}
	args := &cloneArgs{flags: syscall.CLONE_VM | cloneClearSighand, exitSignal: uint64(syscall.SIGCHLD)}
	// The helper's read needs a buffer but never fills it: nothing is
	// written to the pipe. It points at read-only memory all the same,
	// so that a write from elsewhere makes the read fail (EFAULT) and
	// the helper leave, instead of writing into the parent.
	buf := unsafe.StringData(readOnlyByte)
	pid, errno := cloneTeardown(args, unsafe.Sizeof(*args), hold[0], buf)
	syscall.Close(hold[0])
	syscall.Close(ready[1])
	if errno != 0 || pid <= 0 {
		syscall.Close(ready[0])
		syscall.Close(hold[1])
		return 0
	}
	// The end of file on ready comes when the helper has closed the
	// descriptors it inherited (or has left).
	var b [1]byte
	for {
		n, err := syscall.Read(ready[0], b[:])
		if err == syscall.EINTR {
			continue
		}
		if n <= 0 {
			break
		}
	}
	syscall.Close(ready[0])
	// hold[1] stays open: the helper's read returns when the process exits.
	return pid
}

// readOnlyByte is a constant, so its byte is in the binary's read-only
// data.
const readOnlyByte = "\x00"

// cloneClearSighand is CLONE_CLEAR_SIGHAND: the new process starts with
// every signal at its default action instead of the parent's handlers.
const cloneClearSighand = 0x100000000

// cloneArgs is the kernel's struct clone_args up to tls (the size clone3
// knows since Linux 5.3). Go code sets only flags and exitSignal; the
// others are there for the layout the kernel reads.
//
//lint:ignore U1000 the kernel reads every field
type cloneArgs struct {
	flags, pidfd, childTID, parentTID, exitSignal, stack, stackSize, tls uint64
}

// cloneTeardown starts the helper (teardown_linux_amd64.s): it returns the
// helper's pid, or -1 and the errno of clone3.
//
//go:noescape
func cloneTeardown(args *cloneArgs, size uintptr, rfd int, buf *byte) (pid int, errno int)
