package frontmatter

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestBlocksCloneKeepsEveryString(t *testing.T) {
	var in []string
	for _, n := range []int{0, 1, 7, 100, maxBlockText - 1, maxBlockText, maxBlockText + 1, textBlock, 3} {
		for i := range 20 {
			in = append(in, strings.Repeat(string(rune('a'+i)), n))
		}
	}
	in = append(in, "社区领袖议事规则，增强了邻里信任。", "四能")
	var b blocks
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = b.clone(s)
	}
	for i := range in { // checked once every string is cloned: none was overwritten
		if out[i] != in[i] {
			t.Fatalf("clone %d = %.20q (%d bytes), want %.20q (%d bytes)", i, out[i], len(out[i]), in[i], len(in[i]))
		}
	}
	short := strings.Repeat("x", 40)
	allocs := testing.AllocsPerRun(10, func() {
		var b blocks
		for range textBlock / len(short) {
			b.clone(short)
		}
	})
	if allocs > 2 { // the builder and its one block
		t.Errorf("%d short clones made %v allocations, want at most 2", textBlock/len(short), allocs)
	}
}

func TestBlocksListIsExact(t *testing.T) {
	var b blocks
	var ins, outs [][]any
	for _, n := range []int{0, 1, 2, 5, maxBlockElems, maxBlockElems + 1, elemBlock, 3, 3} {
		in := make([]any, n)
		for i := range in {
			in[i] = fmt.Sprintf("%d-%d", n, i)
		}
		ins, outs = append(ins, in), append(outs, b.list(in))
	}
	for i, out := range outs {
		if out == nil || len(out) != cap(out) || !reflect.DeepEqual(out, ins[i]) {
			t.Fatalf("list %d = %v (len %d, cap %d), want %v exactly", i, out, len(out), cap(out), ins[i])
		}
	}
	grown := append(outs[len(outs)-2], "more") // must not write into the next list
	if !reflect.DeepEqual(outs[len(outs)-1], ins[len(ins)-1]) || len(grown) != 4 {
		t.Errorf("appending to a list changed the next one: %v", outs[len(outs)-1])
	}
	elems := []any{"a", "b", "c"}
	allocs := testing.AllocsPerRun(10, func() {
		var b blocks
		for range elemBlock / len(elems) {
			b.list(elems)
		}
	})
	if allocs > 1 {
		t.Errorf("%d short lists made %v allocations, want 1", elemBlock/len(elems), allocs)
	}
}

func TestDecoderNumbersEqualTheirValues(t *testing.T) {
	var d Decoder
	for _, v := range []any{nil, int64(-300), int64(-1), int64(0), int64(255), int64(256), int64(12060), int64(1 << 40), 1.5, "300"} {
		for round := range 2 {
			if got := d.number(v); got != v {
				t.Errorf("round %d: number(%#v) = %#v", round, v, got)
			}
		}
	}
	if len(d.nums) != 5 {
		t.Errorf("%d integers kept, want the 5 the runtime boxes anew", len(d.nums))
	}
}
