package output

import "sync"

// pathMap is a map from slash paths to V that many goroutines may use at
// once. A Stage keeps one entry for every file and folder of a build (tens
// of thousands at 10k pages): a plain map behind a lock holds them in a few
// large tables, where a sync.Map makes several small objects for each entry
// (its trie nodes and the boxed key and value), which every collection
// during the build has to mark.
type pathMap[V any] struct {
	mu sync.RWMutex
	m  map[string]V
}

// Load returns the value stored for key and whether there is one.
func (p *pathMap[V]) Load(key string) (V, bool) {
	p.mu.RLock()
	v, ok := p.m[key]
	p.mu.RUnlock()
	return v, ok
}

// Store sets the value for key.
func (p *pathMap[V]) Store(key string, v V) {
	p.mu.Lock()
	if p.m == nil {
		p.m = map[string]V{}
	}
	p.m[key] = v
	p.mu.Unlock()
}

// LoadOrStore returns the value already stored for key and true, or stores
// v and returns it and false.
func (p *pathMap[V]) LoadOrStore(key string, v V) (V, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if prior, ok := p.m[key]; ok {
		return prior, true
	}
	if p.m == nil {
		p.m = map[string]V{}
	}
	p.m[key] = v
	return v, false
}

// Range calls f for each entry, in no order, until f returns false. f
// must not use p.
func (p *pathMap[V]) Range(f func(key string, v V) bool) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	for k, v := range p.m {
		if !f(k, v) {
			return
		}
	}
}
