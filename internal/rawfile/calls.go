package rawfile

// Calls says how the package's system calls for the files of one tree
// enter the kernel. For picks it from the file system the tree is on.
//
// A call through package syscall tells the runtime that it may block, and
// when it lasts longer than one tick of the runtime's monitor (20 µs and
// up) the thread's processor is taken from it and handed to another
// thread, and the goroutine queues for a processor again when the call
// returns. That keeps a program running while a disk makes a thread wait;
// but on a file system held in memory a call rarely waits (only when the
// kernel must reclaim memory or swap), while creating a file there often
// outlasts a tick. Then the hand-overs are pure cost, and with every
// processor busy they also keep the monitor waking every 20 µs. Corpus and
// output on tmpfs, Direct calls for the content and the output against
// Announced: 10k pages, 20 paired builds, wall time ×0.930 and CPU time
// ×0.946 (medians of the pairs' ratios), nanosleep calls 34k → 5.5k and
// futex calls 8.2k → 0.8k (counted under strace); 1k pages, each build
// after a Hugo build as in the benchmark, 20 pairs: wall time ×0.956.
type Calls uint8

const (
	// Announced calls go through package syscall: the runtime may run other
	// goroutines on the thread's processor while one waits. Right for
	// any file system that can make a call wait for a device.
	Announced Calls = iota
	// Direct calls enter the kernel without telling the runtime
	// (syscall.RawSyscall), keeping the thread's processor: for trees on
	// a file system held in memory (tmpfs, ramfs) with nothing else
	// mounted below them. A goroutine in a direct call cannot be preempted
	// or stopped for a collection until the call returns, so one that
	// blocks (a reclaim, a large write) holds up every goroutine at the
	// next collection. The race detector and the sanitizers do not see
	// the memory a direct read or write touches. Where the platform has
	// no direct calls (directCalls), Direct makes announced calls.
	Direct
)

// For returns the Calls for the files under dir, which must exist: Direct
// when dir is on a file system held in memory, no other file system is
// mounted below it (a network or FUSE mount there could block a direct
// call indefinitely), and the platform has direct calls (Linux on amd64
// and arm64); else Announced.
func For(dir string) Calls {
	if directCalls && inMemory(dir) {
		return Direct
	}
	return Announced
}

// String names c.
func (c Calls) String() string {
	if c == Direct {
		return "direct"
	}
	return "announced"
}
