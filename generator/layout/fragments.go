package layout

import (
	"fmt"
	"hash/maphash"
	"html/template"
	"reflect"
	"sync"
	"sync/atomic"
)

// maxFragmentKeys is the number of keys a keyed partial call may give.
const maxFragmentKeys = 4

// Default limits of the outputs a Set keeps for keyed partial calls. Once
// either is reached, a new output takes the place of the oldest ones.
//
// A site keeps about one output a page (its list item) and a little more
// (≈1.2 KB a page for the theme). Until 2026-12-01 the limits were 65,536
// outputs and 64 MiB, which a 50k-page site (68,756 pages) passed: the
// lists then printed the items made first after they had made way, and
// ran their partials again, so that the keyed partials' CPU per page at
// 50k was 9× that at 10k for 5× the pages. With these limits, 50k pages,
// 4 paired builds: wall time ×0.955, peak RSS 1010 → 973 MB; 100k pages,
// 2 each: 15.7 and 16.7 s → 14.9 and 16.4 s, peak RSS ≈2.0 GB either way.
// Both still bound the memory of a site of hundreds of thousands of pages.
const (
	defaultMaxFragments     = 1 << 18   // outputs kept
	defaultMaxFragmentBytes = 256 << 20 // bytes of output kept
)

// fragments keeps the outputs of keyed partial calls ({{ partial NAME
// CONTEXT KEY... }}): the first call with a name and keys runs the partial,
// later calls with equal keys reuse its output. It is bounded by
// maxCount outputs and maxBytes bytes (the defaults when zero): at a
// limit, the outputs kept longest make way for new ones, so that a site
// with more outputs than the limits still reuses each soon after it is
// made (a list's items are printed again by the next lists that show
// them) instead of running the partial at every call for the keys that
// come after the limit. It is safe for concurrent use: two goroutines
// that miss the same key at once both run the partial and keep one
// output, which is the same bytes.
type fragments struct {
	maxCount, maxBytes int64

	// m maps a key's hash (see fragmentHash) to the outputs kept under
	// keys of that hash: its slots hold eight-byte words, not the wide
	// keys with their values, so that a build's thousands of outputs
	// keep it small enough to stay in cache. seed is made with m. mu
	// guards both; it is a plain mutex because every hold is a lookup or
	// an insert of a few hundred nanoseconds: a sync.RWMutex's readers
	// park as soon as a writer waits, where a Mutex spins first (at 10k
	// pages, ≈1,300 goroutine parks while lists render, none with Mutex).
	mu   sync.Mutex
	m    map[uint64]*fragmentEntry
	seed maphash.Seed
	// oldest and newest are the ends of the kept outputs in the order
	// they were kept (fragmentEntry.newer); count and size are how many
	// outputs are kept and their bytes. mu guards all four.
	oldest, newest *fragmentEntry
	count, size    int64
	gen            atomic.Uint64 // counts clears, so copies of outputs kept elsewhere know they are stale
}

// fragmentEntry is an output kept under key, of hash hash, chained to
// the next one whose key has the same hash and to the one kept after it.
type fragmentEntry struct {
	key   fragmentKey
	h     template.HTML
	hash  uint64
	next  *fragmentEntry
	newer *fragmentEntry
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
		if key != nil && !comparableKey(key) {
			return k, fmt.Errorf("key %d is %T, which cannot be compared: use text, numbers, booleans or pointers", i+1, key)
		}
		k.keys[i] = key
	}
	return k, nil
}

// comparableKey reports whether key, not nil, can key a map, as
// reflect.Value.Comparable does, without a reflect.Value for the common
// kinds.
func comparableKey(key any) bool {
	t := reflect.TypeOf(key)
	switch t.Kind() {
	case reflect.Array, reflect.Struct:
		if holdsInterface(t) {
			return reflect.ValueOf(key).Comparable()
		}
	}
	return t.Comparable()
}

// holdsInterface reports whether values of t hold interface values, whose
// dynamic types decide whether they compare: in fields or elements of
// structs and arrays.
func holdsInterface(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Array:
		return holdsInterface(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if holdsInterface(t.Field(i).Type) {
				return true
			}
		}
	}
	return false
}

func (f *fragments) get(k fragmentKey) (template.HTML, bool) {
	f.mu.Lock()
	var e *fragmentEntry
	if f.m != nil {
		e = f.m[fragmentHash(f.seed, &k)]
	}
	for ; e != nil; e = e.next {
		if e.key == k {
			break
		}
	}
	f.mu.Unlock()
	if e == nil {
		return "", false
	}
	return e.h, true
}

// put keeps h under k, forgetting the oldest outputs as far as the
// limits need, and returns the output kept under k: h, or what another
// goroutine kept first; kept is false when h alone is larger than the
// byte limit and is not kept (out is then h).
func (f *fragments) put(k fragmentKey, h template.HTML) (out template.HTML, kept bool) {
	maxCount, maxBytes := f.maxCount, f.maxBytes
	if maxCount == 0 {
		maxCount = defaultMaxFragments
	}
	if maxBytes == 0 {
		maxBytes = defaultMaxFragmentBytes
	}
	if int64(len(h)) > maxBytes {
		return h, false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.m == nil {
		f.m = make(map[uint64]*fragmentEntry)
		f.seed = maphash.MakeSeed()
	}
	hash := fragmentHash(f.seed, &k)
	first := f.m[hash]
	for e := first; e != nil; e = e.next {
		if e.key == k {
			return e.h, true
		}
	}
	for f.oldest != nil && (f.count >= maxCount || f.size+int64(len(h)) > maxBytes) {
		f.dropOldest()
	}
	e := &fragmentEntry{key: k, h: h, hash: hash, next: f.m[hash]}
	f.m[hash] = e
	if f.newest == nil {
		f.oldest = e
	} else {
		f.newest.newer = e
	}
	f.newest = e
	f.count++
	f.size += int64(len(h))
	return h, true
}

// dropOldest forgets the output kept longest, with f.mu held and at
// least one output kept.
func (f *fragments) dropOldest() {
	e := f.oldest
	f.oldest = e.newer
	if f.oldest == nil {
		f.newest = nil
	}
	if first := f.m[e.hash]; first == e {
		if e.next == nil {
			delete(f.m, e.hash)
		} else {
			f.m[e.hash] = e.next
		}
	} else {
		for p := first; p != nil; p = p.next {
			if p.next == e {
				p.next = e.next
				break
			}
		}
	}
	f.count--
	f.size -= int64(len(e.h))
}

func (f *fragments) clear() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.gen.Add(1)
	f.m = nil
	f.oldest, f.newest = nil, nil
	f.count, f.size = 0, 0
}

// ClearFragments forgets the outputs of keyed partial calls ({{ partial
// NAME CONTEXT KEY... }}). They are reused for as long as the Set lives, on
// the promise that what the keys name does not change: call ClearFragments
// before executing templates again over data that changed in place since,
// such as views refilled after an edit. Call it while no template runs: a
// partial running at that moment could keep an output made from the old
// data.
func (s *Set) ClearFragments() { s.fragments.clear() }

// fragmentSite remembers the first output a keyed partial call in
// compiled code reused or kept in the Set's current generation, with its
// key, so that later calls with equal keys (a partial whose keys are the
// same on every page) skip the lookup in the Set's map. A call whose keys
// change from call to call (one output per item of a list) keeps the
// first and adds no work. It only holds an output the map holds or held
// in the generation it was read in (an output the map has since made way
// for is still the output of its keys), and only for that generation.
type fragmentSite struct {
	kept atomic.Pointer[siteFragment]
}

// siteFragment is an output a fragmentSite remembers.
type siteFragment struct {
	gen uint64
	key fragmentKey
	h   template.HTML
}

// get returns the output kept under k when the site remembers it for
// generation gen.
func (s *fragmentSite) get(gen uint64, k fragmentKey) (template.HTML, bool) {
	if s == nil {
		return "", false
	}
	if p := s.kept.Load(); p != nil && p.gen == gen && p.key == k {
		return p.h, true
	}
	return "", false
}

// fill remembers h as the output kept under k in generation gen, unless
// the site remembers an output of that generation already.
func (s *fragmentSite) fill(gen uint64, k fragmentKey, h template.HTML) {
	if s == nil {
		return
	}
	if p := s.kept.Load(); p != nil && p.gen == gen {
		return
	}
	s.kept.Store(&siteFragment{gen: gen, key: k, h: h})
}
