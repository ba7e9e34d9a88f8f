package search

import (
	"encoding/binary"
	"testing"
)

// TestSlotTerm writes chain record terms of gaps and weights on both
// sides of the two-byte form's limits back to back, and reads them back:
// each must come back as written, in two bytes exactly when both fit a
// byte.
func TestSlotTerm(t *testing.T) {
	gaps := []uint32{0, 1, 127, 128, 255, 256, 8191, 1 << 20, 1<<32 - 1}
	weights := []uint32{1, 2, 127, 128, 255, 256, 70000, 1<<32 - 1}
	var rec []byte
	var ends []int
	for _, g := range gaps {
		for _, w := range weights {
			start := len(rec)
			rec = appendSlotTerm(rec, g, w)
			if short := g < 256 && w < 256; (len(rec)-start == 2) != short {
				t.Errorf("appendSlotTerm(gap %d, weight %d) takes %d bytes", g, w, len(rec)-start)
			}
			ends = append(ends, len(rec))
		}
	}
	at, k := 0, 0
	for _, g := range gaps {
		for _, w := range weights {
			var gotG, gotW uint32
			gotG, gotW, at = readSlotTerm(rec, at)
			if gotG != g || gotW != w || at != ends[k] {
				t.Fatalf("term %d: read gap %d, weight %d, next %d; want %d, %d, %d", k, gotG, gotW, at, g, w, ends[k])
			}
			k++
		}
	}
}

// TestSlotUvarint holds slotUvarint, which a run's writer reads long
// terms with, to binary.Uvarint on values of one to five bytes.
func TestSlotUvarint(t *testing.T) {
	for _, v := range []uint32{0, 1, 127, 128, 16383, 16384, 1<<21 - 1, 1 << 21, 1<<28 - 1, 1 << 28, 1<<32 - 1} {
		enc := binary.AppendUvarint([]byte{0xFF}, uint64(v))
		want, n := binary.Uvarint(enc[1:])
		got, next := slotUvarint(append(enc, 0xFF), 1)
		if uint64(got) != want || next != 1+n {
			t.Errorf("slotUvarint(%d) = %d, next %d; want %d, %d", v, got, next, want, 1+n)
		}
	}
}

// readSlotTerm reads, as groupWriter.postings does inline, the chain
// record term that begins at at and returns its slot gap and weight and
// the offset after it.
func readSlotTerm(s []byte, at int) (gap, w uint32, next int) {
	gap, w = uint32(s[at]), uint32(s[at+1])
	if w != 0 {
		return gap, w, at + 2
	}
	// A term that did not fit two bytes: two zero bytes, then uvarints.
	gap, at = slotUvarint(s, at+2)
	w, at = slotUvarint(s, at)
	return gap, w, at
}
