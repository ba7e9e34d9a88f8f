package render

import "sync"

// interned keeps one copy of each distinct value of a comparable view
// type, so that equal values are handed out as the same pointer: a
// template can then key a partial by the pointer (compared and hashed as
// one word) and call its methods without reflection, where a value
// returned by a method costs a reflective call and a copy boxed per use.
// The zero value is ready to use; it is safe for concurrent use.
type interned[T comparable] struct {
	mu sync.RWMutex
	m  map[T]*T
}

// get returns the kept copy of v, keeping v on first sight.
func (in *interned[T]) get(v T) *T {
	in.mu.RLock()
	p := in.m[v]
	in.mu.RUnlock()
	if p != nil {
		return p
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if p = in.m[v]; p != nil {
		return p
	}
	if in.m == nil {
		in.m = make(map[T]*T)
	}
	// A copy made here, not &v: taking v's address would move v to the
	// heap on every call.
	p = new(T)
	*p = v
	in.m[v] = p
	return p
}
