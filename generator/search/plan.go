package search

import (
	"cmp"
	"slices"
)

// fill is the share of Options.ShardBytes the routed shards hold on
// average; the slack absorbs the unevenness of hashing.
const fill = 0.75

// layout says which entries go into which shard file.
type layout struct {
	routed int         // the first routed files are found by hash
	files  [][]int     // by file: ascending positions in token order
	spill  map[int]int // position in token order → file, for tokens moved out of their hashed shard
}

// plan assigns entries to shards of at most limit bytes, given each
// entry's size and token hash by position in token order. It picks the
// number of hash-routed shards from the total size, then moves the largest
// entries out of any routed shard that is still too big into spill shards,
// packed first-fit by decreasing size. Every step orders by size and then
// token, so the result depends only on the entries.
func plan(sizes []int, hashes []uint32, limit int) layout {
	n := len(sizes)
	total := 1 // "{" and "}" less the comma the first entry does not need
	for _, size := range sizes {
		total += size + 1
	}
	routed := routedFor(total, limit)
	lay := layout{routed: routed, files: make([][]int, routed), spill: map[int]int{}}
	used := make([]int, routed) // by file: sum of entry sizes plus one comma each
	for i := range n {
		f := int(hashes[i] % uint32(routed))
		lay.files[f] = append(lay.files[f], i)
		used[f] += sizes[i] + 1
	}
	var moved []int
	for f := range lay.files {
		if 1+used[f] <= limit {
			continue
		}
		big := slices.Clone(lay.files[f])
		slices.SortFunc(big, func(a, b int) int { return bySizeDown(sizes, a, b) })
		out := map[int]bool{}
		for _, i := range big {
			if 1+used[f] <= limit {
				break
			}
			out[i] = true
			used[f] -= sizes[i] + 1
			moved = append(moved, i)
		}
		lay.files[f] = slices.DeleteFunc(lay.files[f], func(i int) bool { return out[i] })
	}
	slices.SortFunc(moved, func(a, b int) int { return bySizeDown(sizes, a, b) })
	var spillUsed []int
	for _, i := range moved {
		need := sizes[i] + 1
		k := slices.IndexFunc(spillUsed, func(u int) bool { return 1+u+need <= limit })
		if k < 0 {
			k = len(spillUsed)
			spillUsed = append(spillUsed, 0)
			lay.files = append(lay.files, nil)
		}
		spillUsed[k] += need
		lay.files[routed+k] = append(lay.files[routed+k], i)
		lay.spill[i] = routed + k
	}
	for f := routed; f < len(lay.files); f++ {
		slices.Sort(lay.files[f])
	}
	return lay
}

// routedFor returns the number of hash-routed shards for entries whose
// sizes plus a comma each, plus one, add up to total.
func routedFor(total, limit int) int {
	if total <= limit {
		return 1
	}
	return int(float64(total)/(fill*float64(limit))) + 1
}

// bySizeDown orders entry positions by decreasing size, then by token.
func bySizeDown(sizes []int, a, b int) int {
	if c := cmp.Compare(sizes[b], sizes[a]); c != 0 {
		return c
	}
	return cmp.Compare(a, b)
}
