package search

// fnv1a32 returns the 32-bit FNV-1a hash of the UTF-8 bytes of s. The
// client reimplements it to find a token's shard.
func fnv1a32(s string) uint32 {
	return fnvAppend(fnvOffset, s)
}

// shardOf returns the index of the shard that holds token: its spill entry
// when it has one, else its hash modulo the number of routed shards.
func shardOf(token string, routed int, spill map[string]int) int {
	if i, ok := spill[token]; ok {
		return i
	}
	return int(fnv1a32(token) % uint32(routed))
}
