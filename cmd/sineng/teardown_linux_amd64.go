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
// handOffTeardown moves that work off the user's clock, as the mold
// linker does with its forked child: just before the process exits it
// starts a helper process that shares its memory (clone3 with CLONE_VM)
// and holds the read end of a pipe whose write end only the parent holds.
// The parent's exit then only drops its reference to the memory (the
// helper holds another) and closes the pipe; the helper reads the end of
// file and exits, and the kernel frees the memory on the helper's exit,
// after the parent's has been reported. The helper runs no Go code (see
// teardown_linux_amd64.s), has default signal handlers
// (CLONE_CLEAR_SIGHAND), closes every inherited descriptor before it
// waits, so no pipe the parent's caller reads stays open, and is reaped by
// whichever process adopts it (init).
//
// Alternated 1k builds (10 each): from the last line of output to the
// exit reported, 15.7 → 1.1 ms median; 10k (4 each): 34.3 → 3.7 ms.
//
// It returns the helper's pid, or 0 when none started: kernels before 5.3
// (no clone3) or 5.5 (no CLONE_CLEAR_SIGHAND) and sandboxes that refuse
// clone3 get no helper, and the process exits as it always did. On a
// kernel from 5.5 to 5.8 (no close_range) the helper leaves at once,
// which comes to the same.
func handOffTeardown() int {
	var p [2]int
	if err := syscall.Pipe2(p[:], syscall.O_CLOEXEC); err != nil {
		return 0
	}
	args := &cloneArgs{flags: syscall.CLONE_VM | cloneClearSighand, exitSignal: uint64(syscall.SIGCHLD)}
	buf := new(byte)
	pid, errno := cloneTeardown(args, unsafe.Sizeof(*args), p[0], buf)
	syscall.Close(p[0])
	if errno != 0 || pid <= 0 {
		syscall.Close(p[1])
		return 0
	}
	// p[1] stays open: the helper's read returns when the process exits.
	return pid
}

// cloneClearSighand is CLONE_CLEAR_SIGHAND: the new process starts with
// every signal at its default action instead of the parent's handlers.
const cloneClearSighand = 0x100000000

// cloneArgs is the kernel's struct clone_args up to tls (the size clone3
// knows since Linux 5.3).
type cloneArgs struct {
	flags, pidfd, childTID, parentTID, exitSignal, stack, stackSize, tls uint64
}

// cloneTeardown starts the helper (teardown_linux_amd64.s): it returns the
// helper's pid, or -1 and the errno of clone3.
//
//go:noescape
func cloneTeardown(args *cloneArgs, size uintptr, rfd int, buf *byte) (pid int, errno int)
