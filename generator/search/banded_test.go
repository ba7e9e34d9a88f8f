package search

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestBands checks that bands tile the shared ids.
func TestBands(t *testing.T) {
	for id := uint32(0); id < 5<<listBandBits; id += 7 {
		b := bandOf(id)
		if bandStart(b) > id || id >= bandStart(b+1) || bandStart(b+1)-bandStart(b) != 1<<listBandBits {
			t.Fatalf("id %d is in band %d, [%d, %d)", id, b, bandStart(b), bandStart(b+1))
		}
	}
}

// TestBandedList encodes random term lists as banded lists and reads
// them back as measureLists and regroup do: by band, each part from its
// band's first id.
func TestBandedList(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	for k := range 300 {
		spread := 1 + r.IntN(3000)
		if k%3 == 0 {
			spread = 2 // dense: parts longer than 127 bytes
		}
		var terms []uint64
		for id := uint32(r.IntN(50)); id < 1<<16; id += 1 + uint32(r.ExpFloat64()*float64(spread)) {
			w := []uint32{1, 1, 1, 2, 5, 127, 128, 300, 70000}[r.IntN(9)]
			terms = append(terms, uint64(id)<<32|uint64(w))
		}
		list := append(appendBanded(nil, terms), make([]byte, streamPad)...)
		var got []uint64
		band := uint32(0)
		for at := 0; at < len(list)-streamPad; {
			var delta, length int
			delta, at = readCount(list, at)
			length, at = readCount(list, at)
			band += uint32(delta)
			prev := bandStart(band)
			partEnd := at + length
			for at < partEnd {
				var id, w uint32
				id, w, at = readTerm(list, at, prev)
				if bandOf(id) != band {
					t.Fatalf("term %d is in the part of band %d", id, band)
				}
				got = append(got, uint64(id)<<32|uint64(w))
				prev = id
			}
			if at != partEnd {
				t.Fatalf("band %d's part ends at %d, its length says %d", band, at, partEnd)
			}
		}
		if !slices.Equal(got, terms) {
			t.Fatalf("read back %d terms, want %d: %x", len(got), len(terms), list)
		}
	}
}

// TestDecodeTerm holds decodeTerm to readTerm on every gap it handles,
// with weights on either side of its limit.
func TestDecodeTerm(t *testing.T) {
	for gap := uint32(0); gap < 1<<14; gap++ {
		for _, w := range []uint32{1, 2, 127, 128, 5000} {
			enc := append(appendTerm(nil, 100, 100+gap, w), 0xFF, 0xFF, 0xFF)
			id, wantW, next := readTerm(enc, 0, 100)
			if id != 100+gap || wantW != w {
				t.Fatalf("readTerm(gap %d, weight %d) = %d, %d", gap, w, id-100, wantW)
			}
			g, gotW, n, ok := decodeTerm(termBytes(enc, 0))
			if want := gap < 1<<13 && w < 128; ok != want {
				t.Fatalf("decodeTerm(gap %d, weight %d): ok %v, want %v", gap, w, ok, want)
			}
			if ok && (g != gap || gotW != w || int(n) != next) {
				t.Fatalf("decodeTerm(gap %d, weight %d) = %d, %d, %d; want length %d", gap, w, g, gotW, n, next)
			}
		}
	}
}

// TestShortTerm holds shortTerm to readTerm on gaps and weights on either
// side of its limits, followed by any byte: a term it reads must be
// exactly readTerm's, and it must read every term of gap below 64 and
// weight below 128.
func TestShortTerm(t *testing.T) {
	for gap := uint32(0); gap < 300; gap++ {
		for _, w := range []uint32{1, 2, 63, 64, 127, 128, 129, 255, 256, 5000} {
			for _, after := range []byte{0, 0x7F, 0x80, 0xFF} {
				enc := append(appendTerm(nil, 100, 100+gap, w), after, after, after)
				id, wantW, next := readTerm(enc, 0, 100)
				g, gotW, n, ok := shortTerm(termBytes(enc, 0))
				if want := gap < 64 && w < 128; ok != want {
					t.Fatalf("shortTerm(gap %d, weight %d, then %#x): ok %v, want %v", gap, w, after, ok, want)
				}
				if ok && (100+g != id || gotW != wantW || int(n) != next) {
					t.Fatalf("shortTerm(gap %d, weight %d, then %#x) = %d, %d, %d; want length %d", gap, w, after, g, gotW, n, next)
				}
			}
		}
	}
}

func TestCompareToText(t *testing.T) {
	words := []string{"", "a", "ab", "b", "é", "电", "电梯", "\xff", "z"}
	for _, a := range words {
		for _, b := range words {
			if got, want := compareToText([]byte(a), b), bytes.Compare([]byte(a), []byte(b)); got != want {
				t.Errorf("compareToText(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	}
}

func TestArena(t *testing.T) {
	var a arena
	var kept [][]byte
	for i := range 5000 {
		b := bytes.Repeat([]byte{byte(i)}, i%40)
		if i == 77 {
			b = make([]byte, arenaChunk) // too large to share a chunk
		}
		k := a.keep(b)
		if !bytes.Equal(k, b) || cap(k) != len(k) {
			t.Fatalf("keep of %d bytes gave %d bytes, cap %d", len(b), len(k), cap(k))
		}
		kept = append(kept, k)
	}
	for i, k := range kept {
		if len(k) > 0 && i != 77 && k[0] != byte(i) {
			t.Fatalf("slice %d was overwritten", i)
		}
	}
}
