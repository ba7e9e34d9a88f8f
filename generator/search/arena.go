package search

// arenaChunk is the size of the arrays an arena carves slices from.
const arenaChunk = 64 << 10

// arena keeps many small byte slices back to back in a few large arrays,
// so that each costs its length and no more: a slice of its own would be
// rounded up to the allocator's next size class. An arena is for one
// goroutine at a time.
type arena struct {
	chunk []byte
}

// keep returns a copy of b in the arena, with no room to grow.
func (a *arena) keep(b []byte) []byte {
	if len(a.chunk)+len(b) > cap(a.chunk) {
		if len(b) > arenaChunk/4 {
			return append([]byte(nil), b...)
		}
		a.chunk = make([]byte, 0, arenaChunk)
	}
	start := len(a.chunk)
	a.chunk = append(a.chunk, b...)
	return a.chunk[start:len(a.chunk):len(a.chunk)]
}
