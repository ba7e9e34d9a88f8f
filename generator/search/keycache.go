package search

// keyCacheBits sets the size of an adder's keyCache: 1<<keyCacheBits
// slots.
const keyCacheBits = 14

// keyCache remembers the shared ids of the CJK keys an adder has looked
// up, so that a key met again, in this document or a later one, is
// answered from one slot of the adder's own instead of from the shared
// table, whose lookup goes through its shard and the shard's current
// table to a slot, three loads that each tend to miss the cache. It is
// direct-mapped: a key has one slot, which the last key looked up there
// holds, so it needs no room beyond its array, and the keys a corpus
// repeats most stay.
//
// A slot holds key<<localBits | local number, as a shard's keySlots does:
// the shard, and so the shared id, follows from the key's hash. An empty
// slot is 0, which no key matches, as no key is 0.
type keyCache [1 << keyCacheBits]uint64

// slot returns the slot of the key whose hash is h: bits of the hash
// below those that pick the shard.
func (c *keyCache) slot(h uint64) *uint64 {
	return &c[h>>(64-sharedBits-keyCacheBits)&(1<<keyCacheBits-1)]
}

// hit returns the shared id of CJK key k, whose hash is h, when the
// cache holds k.
func (c *keyCache) hit(k cjkKey, h uint64) (uint32, bool) {
	if v := *c.slot(h); cjkKey(v>>localBits) == k {
		return uint32(v&localMask)<<sharedBits | uint32(h>>(64-sharedBits)), true
	}
	return 0, false
}

// miss returns the shared id of CJK key k, whose hash is h, from t,
// adding the term to t when it is new, and keeps it in the key's slot: it
// is what hit does not answer.
func (c *keyCache) miss(t *sharedTable, k cjkKey, h uint64) (uint32, error) {
	id, err := t.key(k, h)
	if err == nil {
		*c.slot(h) = uint64(k)<<localBits | uint64(id>>sharedBits)
	}
	return id, err
}
