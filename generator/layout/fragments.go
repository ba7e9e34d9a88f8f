package layout

import (
	"fmt"
	"html/template"
	"reflect"
	"sync"
	"sync/atomic"
)

// maxFragmentKeys is the number of keys a keyed partial call may give.
const maxFragmentKeys = 4

// Default limits of the outputs a Set keeps for keyed partial calls. Once
// either is reached, keyed partials still run but new outputs are not kept.
const (
	defaultMaxFragments     = 1 << 16  // outputs kept
	defaultMaxFragmentBytes = 64 << 20 // bytes of output kept
)

// fragments keeps the outputs of keyed partial calls ({{ partial NAME
// CONTEXT KEY... }}): the first call with a name and keys runs the partial,
// later calls with equal keys reuse its output. It is bounded by
// maxCount outputs and maxBytes bytes (the defaults when zero), and safe
// for concurrent use: two goroutines that miss the same key at once both
// run the partial and keep one output, which is the same bytes.
type fragments struct {
	maxCount, maxBytes int64

	m     sync.Map // fragmentKey → template.HTML
	count atomic.Int64
	size  atomic.Int64
}

// fragmentKey is a partial's file name with the keys of one call.
type fragmentKey struct {
	rel  string
	n    int
	keys [maxFragmentKeys]any
}

// newFragmentKey checks that keys can key a map: nil, text, numbers,
// booleans, pointers, or structs and arrays of those. A dict or a list
// cannot; pass what it holds as keys instead.
func newFragmentKey(rel string, keys []any) (fragmentKey, error) {
	k := fragmentKey{rel: rel, n: len(keys)}
	if len(keys) > maxFragmentKeys {
		return k, fmt.Errorf("at most %d keys, got %d", maxFragmentKeys, len(keys))
	}
	for i, key := range keys {
		if key != nil && !reflect.ValueOf(key).Comparable() {
			return k, fmt.Errorf("key %d is %T, which cannot be compared: use text, numbers, booleans or pointers", i+1, key)
		}
		k.keys[i] = key
	}
	return k, nil
}

func (f *fragments) get(k fragmentKey) (template.HTML, bool) {
	v, ok := f.m.Load(k)
	if !ok {
		return "", false
	}
	return v.(template.HTML), true
}

// put keeps h under k unless a limit is reached, and returns the output
// kept under k: h, or what another goroutine kept first. The limits are
// checked before storing, so racing goroutines may pass them by a few
// outputs.
func (f *fragments) put(k fragmentKey, h template.HTML) template.HTML {
	maxCount, maxBytes := f.maxCount, f.maxBytes
	if maxCount == 0 {
		maxCount = defaultMaxFragments
	}
	if maxBytes == 0 {
		maxBytes = defaultMaxFragmentBytes
	}
	if f.count.Load() >= maxCount || f.size.Load()+int64(len(h)) > maxBytes {
		return h
	}
	v, loaded := f.m.LoadOrStore(k, h)
	if loaded {
		return v.(template.HTML)
	}
	f.count.Add(1)
	f.size.Add(int64(len(h)))
	return h
}

func (f *fragments) clear() {
	f.m.Clear()
	f.count.Store(0)
	f.size.Store(0)
}

// ClearFragments forgets the outputs of keyed partial calls ({{ partial
// NAME CONTEXT KEY... }}). They are reused for as long as the Set lives, on
// the promise that what the keys name does not change: call ClearFragments
// before executing templates again over data that changed in place since,
// such as views refilled after an edit. Call it while no template runs: a
// partial running at that moment could keep an output made from the old
// data.
func (s *Set) ClearFragments() { s.fragments.clear() }
