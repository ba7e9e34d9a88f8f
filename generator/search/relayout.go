package search

import (
	"bytes"
	"cmp"
	"hash/crc32"
	"runtime"
	"slices"
)

// filePlan is one shard file of the layout after an edit: its members in
// token order, and whether it must be written anew; a file that need not
// be keeps its bytes.
type filePlan struct {
	members []uint32
	write   bool
}

// relayout puts the changed entries in their shards. While the number of
// routed shards stays, it plans again only the routed shards the changed
// terms hash to, and the spill shards when what they hold changes;
// otherwise it plans every shard as plan does. It writes the shards whose
// members or entries changed, commits the new layout and returns, by new
// file, whether the file was written.
func (x *Index) relayout(changes []change) []bool {
	if routedFor(x.total, x.limit) == x.routed {
		return x.assemble(x.planSome(changes), x.routed)
	}
	plans, routed := x.planAll()
	return x.assemble(plans, routed)
}

// size returns the size of term id's entry, after the edit.
func (x *Index) size(id uint32) int {
	return int(x.lex.terms[id].size)
}

// isPending reports whether the edit changed term id's entry and no file
// holds the new one yet.
func (x *Index) isPending(id uint32) bool {
	return x.lex.terms[id].file == pending
}

// planSome plans the shards again with the number of routed shards
// unchanged. A routed shard's members depend only on the terms that hash
// to it, so only those of the changed terms are planned again; the spill
// shards are packed again only when the set of spilled terms or one of
// their sizes changes.
func (x *Index) planSome(changes []change) []filePlan {
	routed := uint32(x.routed)
	plans := make([]filePlan, len(x.files))
	for f := range x.files {
		plans[f].members = x.files[f].members
	}
	byHome := map[uint32][]change{} // the routed shards to plan again, and their changed terms
	for _, c := range changes {
		f := x.lex.terms[c.id].hash % routed
		byHome[f] = append(byHome[f], c)
	}
	var moved []uint32 // the spilled terms after the edit
	oldMoved := map[uint32][]uint32{}
	for f := int(routed); f < len(x.files); f++ {
		for _, id := range x.files[f].members {
			h := x.lex.terms[id].hash % routed
			if _, ok := byHome[h]; ok {
				oldMoved[h] = append(oldMoved[h], id)
			} else {
				moved = append(moved, id)
			}
		}
	}
	homes := make([]uint32, 0, len(byHome))
	for f := range byHome {
		homes = append(homes, f)
	}
	slices.Sort(homes)
	repack := false
	var spilledPending []uint32 // changed terms that stay or become spilled
	for _, f := range homes {
		if x.keepsMembers(f, byHome[f], oldMoved[f]) {
			plans[f].write = true
			continue
		}
		// The terms that hash to f but are not among its members: spilled
		// ones, and ones no document held before.
		var more []uint32
		for _, id := range oldMoved[f] {
			if x.size(id) > 0 {
				more = append(more, id)
			}
		}
		for _, c := range byHome[f] {
			if c.oldSize == 0 {
				more = append(more, c.id)
			}
		}
		slices.SortFunc(more, x.lex.compare)
		members, out := x.fit(x.mergeLive(x.files[f].members, more))
		plans[f] = filePlan{members: members, write: !slices.Equal(members, x.files[f].members) || x.anyPending(members)}
		moved = append(moved, out...)
		old := oldMoved[f]
		slices.Sort(out)
		slices.Sort(old)
		repack = repack || !slices.Equal(out, old)
		for _, id := range out {
			if x.isPending(id) {
				spilledPending = append(spilledPending, id)
			}
		}
	}
	if !repack && len(spilledPending) > 0 {
		// The packing depends on the spilled terms' sizes.
		oldSize := make(map[uint32]uint32, len(changes))
		for _, c := range changes {
			oldSize[c.id] = c.oldSize
		}
		for _, id := range spilledPending {
			repack = repack || oldSize[id] != x.lex.terms[id].size
		}
	}
	if !repack {
		for f := int(routed); f < len(x.files); f++ {
			plans[f].write = x.anyPending(plans[f].members)
		}
		return plans
	}
	plans = plans[:routed]
	for k, members := range x.pack(moved) {
		f := int(routed) + k
		p := filePlan{members: members, write: true}
		if f < len(x.files) && slices.Equal(members, x.files[f].members) {
			p.write = x.anyPending(members)
		}
		plans = append(plans, p)
	}
	return plans
}

// keepsMembers reports the common case of an edit for routed shard f: the
// changed terms that hash to it, cs, were all members before and still
// are, none of its terms is spilled, and it stays within the limit.
func (x *Index) keepsMembers(f uint32, cs []change, spilled []uint32) bool {
	if len(spilled) > 0 {
		return false
	}
	used := len(x.files[f].data) // 1 + Σ(size + 1) for a shard with members
	for _, c := range cs {
		size := x.lex.terms[c.id].size
		if c.oldSize == 0 || size == 0 {
			return false
		}
		used += int(size) - int(c.oldSize)
	}
	return used <= x.limit
}

// mergeLive merges members, sorted by token, less the terms no document
// holds after the edit, with more, sorted by token.
func (x *Index) mergeLive(members, more []uint32) []uint32 {
	out := make([]uint32, 0, len(members)+len(more))
	j := 0
	for _, id := range members {
		if x.size(id) == 0 {
			continue
		}
		for j < len(more) && x.lex.compare(more[j], id) < 0 {
			out = append(out, more[j])
			j++
		}
		out = append(out, id)
	}
	return append(out, more[j:]...)
}

// fit splits the terms that hash to one routed shard, in token order, into
// the shard's members and the terms moved out to spill shards: as plan
// does, the largest entries go first, ties in token order, until the
// shard is within the limit. It picks them one at a time, as few go.
func (x *Index) fit(home []uint32) (members, out []uint32) {
	used := 1
	for _, id := range home {
		used += x.size(id) + 1
	}
	for used > x.limit {
		best := -1
		for k, id := range home {
			if !slices.Contains(out, id) && (best < 0 || x.bySizeDown(id, home[best]) < 0) {
				best = k
			}
		}
		out = append(out, home[best])
		used -= x.size(home[best]) + 1
	}
	if len(out) == 0 {
		return home, nil
	}
	return slices.DeleteFunc(home, func(id uint32) bool { return slices.Contains(out, id) }), out
}

// pack packs the spilled terms into spill shards first-fit by decreasing
// size, as plan does, and returns each shard's members in token order.
func (x *Index) pack(moved []uint32) [][]uint32 {
	slices.SortFunc(moved, x.bySizeDown)
	var lists [][]uint32
	var used []int
	for _, id := range moved {
		need := x.size(id) + 1
		k := slices.IndexFunc(used, func(u int) bool { return 1+u+need <= x.limit })
		if k < 0 {
			k = len(used)
			used = append(used, 0)
			lists = append(lists, nil)
		}
		used[k] += need
		lists[k] = append(lists[k], id)
	}
	for _, l := range lists {
		slices.SortFunc(l, x.lex.compare)
	}
	return lists
}

// bySizeDown orders terms by decreasing entry size, then by token.
func (x *Index) bySizeDown(a, b uint32) int {
	if c := cmp.Compare(x.size(b), x.size(a)); c != 0 {
		return c
	}
	return x.lex.compare(a, b)
}

// anyPending reports whether the edit changed an entry of members.
func (x *Index) anyPending(members []uint32) bool {
	for _, id := range members {
		if x.isPending(id) {
			return true
		}
	}
	return false
}

// planAll plans every shard with plan, from the terms any document holds
// in token order, and returns the plans and the number of routed shards.
func (x *Index) planAll() ([]filePlan, int) {
	live := x.liveTerms()
	sizes := make([]int, len(live))
	hashes := make([]uint32, len(live))
	for i, id := range live {
		sizes[i] = x.size(id)
		hashes[i] = x.lex.terms[id].hash
	}
	lay := plan(sizes, hashes, x.limit)
	plans := make([]filePlan, len(lay.files))
	for f, positions := range lay.files {
		members := make([]uint32, len(positions))
		for k, i := range positions {
			members[k] = live[i]
		}
		plans[f] = filePlan{members: members, write: true}
	}
	return plans, lay.routed
}

// liveTerms returns the terms that some document holds after the edit, in
// token order: CJK terms sorted by key, words by their bytes, then merged.
func (x *Index) liveTerms() []uint32 {
	var cjk []keyedTerm
	var words []uint32
	for id, t := range x.lex.terms {
		switch {
		case x.size(uint32(id)) == 0:
		case t.ref&wordRef != 0:
			words = append(words, uint32(id))
		default:
			cjk = append(cjk, keyedTerm{t.ref, uint32(id)})
		}
	}
	radixSort(cjk)
	slices.SortFunc(words, x.lex.compare)
	out := make([]uint32, 0, len(cjk)+len(words))
	i, j := 0, 0
	for i < len(cjk) || j < len(words) {
		if j == len(words) || i < len(cjk) && x.lex.compare(cjk[i].id, words[j]) < 0 {
			out = append(out, cjk[i].id)
			i++
		} else {
			out = append(out, words[j])
			j++
		}
	}
	return out
}

// assemble writes the files plans mark, reading each unchanged entry from
// where it lies now and each changed one from x.entries, then commits the
// new layout: files, names, the routed count and every written entry's
// place. It returns, by file, whether the file was written.
func (x *Index) assemble(plans []filePlan, routed int) []bool {
	var todo []int
	for f, p := range plans {
		if p.write {
			todo = append(todo, f)
		}
	}
	built := make([]shardFile, len(todo))
	ats := make([][]uint32, len(todo))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(todo)/8))
	inParallel(workers, func(k int) {
		for j := k; j < len(todo); j += workers {
			built[j], ats[j] = x.writeFile(plans[todo[j]].members)
		}
	})
	files := make([]shardFile, len(plans))
	written := make([]bool, len(plans))
	copy(files, x.files)
	for j, f := range todo {
		// The same bytes keep the old ones, which callers may hold; the
		// entries lie at the same places in both.
		if f >= len(x.files) || !bytes.Equal(built[j].data, x.files[f].data) {
			files[f] = built[j]
			written[f] = true
		}
		for k, id := range built[j].members {
			t := &x.lex.terms[id]
			t.file, t.at = uint32(f), ats[j][k]
		}
	}
	if len(files) != len(x.names) {
		x.names = shardNames(len(files))
	}
	x.files, x.routed = files, routed
	return written
}

// writeFile writes a shard file of members, and returns it and where each
// member's entry starts in it.
func (x *Index) writeFile(members []uint32) (shardFile, []uint32) {
	size := 2 + max(len(members)-1, 0)
	for _, id := range members {
		size += x.size(id)
	}
	buf := make([]byte, size)
	ats := make([]uint32, len(members))
	buf[0] = '{'
	at := 1
	for k, id := range members {
		if k > 0 {
			buf[at] = ','
			at++
		}
		ats[k] = uint32(at)
		at += copy(buf[at:], x.entry(id))
	}
	buf[at] = '}'
	return shardFile{data: buf, members: members, crc: crc32.ChecksumIEEE(buf)}, ats
}

// entry returns term id's entry after the edit.
func (x *Index) entry(id uint32) []byte {
	t := &x.lex.terms[id]
	if t.file == pending {
		return x.entries[t.at : t.at+t.size]
	}
	return x.files[t.file].data[t.at : t.at+t.size]
}
