#include "textflag.h"

// func cloneTeardown(args *cloneArgs, size uintptr, rfd int, buf *byte) (pid int, errno int)
//
// clone3(args, size); in the parent it returns the helper's pid or the
// errno. The helper shares the parent's memory and runs on the parent's
// stack pointer, so from the clone on it uses registers and system calls
// only: it closes every descriptor but rfd, blocks in read(rfd, buf, 1)
// until the pipe's last writer (the parent) is gone, and exits.
TEXT ·cloneTeardown(SB), NOSPLIT, $0-48
	MOVQ	args+0(FP), DI
	MOVQ	size+8(FP), SI
	MOVQ	rfd+16(FP), R12	// R12 and R13 survive into the helper
	MOVQ	buf+24(FP), R13
	MOVQ	$435, AX	// SYS_clone3
	SYSCALL
	CMPQ	AX, $0
	JEQ	helper
	JLT	failed
	MOVQ	AX, pid+32(FP)
	MOVQ	$0, errno+40(FP)
	RET

failed:
	NEGQ	AX
	MOVQ	$-1, pid+32(FP)
	MOVQ	AX, errno+40(FP)
	RET

helper:
	// close_range(0, rfd-1, 0) when rfd > 0
	CMPQ	R12, $0
	JEQ	above
	MOVQ	$0, DI
	MOVQ	R12, SI
	DECQ	SI
	MOVQ	$0, DX
	MOVQ	$436, AX	// SYS_close_range
	SYSCALL
	CMPQ	AX, $0
	JNE	quit

above:
	// close_range(rfd+1, ~0U, 0)
	MOVQ	R12, DI
	INCQ	DI
	MOVL	$0xffffffff, SI
	MOVQ	$0, DX
	MOVQ	$436, AX	// SYS_close_range
	SYSCALL
	CMPQ	AX, $0
	JNE	quit

	// read(rfd, buf, 1): end of file once the parent has exited; nothing
	// is ever written to the pipe, so buf is never written either
	MOVQ	R12, DI
	MOVQ	R13, SI
	MOVQ	$1, DX
	MOVQ	$0, AX	// SYS_read
	SYSCALL

quit:
	// A helper that could not close the parent's descriptors leaves at
	// once: the parent then frees the memory at its own exit, as without
	// a helper.
	MOVQ	$0, DI
	MOVQ	$60, AX	// SYS_exit
	SYSCALL
	JMP	quit
