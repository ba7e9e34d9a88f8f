package layout

import (
	"hash/maphash"
	"html/template"
	"math/bits"
	"reflect"
)

// fragmentMix is an odd constant that spreads the bits of the values
// fragmentHash combines.
const fragmentMix = 0x9e3779b97f4a7c15

// fragmentHash is the hash of k under seed by which fragments finds the
// outputs kept under k. Equal keys have equal hashes: text is hashed by
// its bytes, pointers by their address, numbers and booleans by value,
// and the kinds it does not read (floats, structs, arrays, ...) add only
// their kind, so keys that differ only there share a hash and are told
// apart by comparing them whole.
func fragmentHash(seed maphash.Seed, k *fragmentKey) uint64 {
	h := maphash.String(seed, k.rel) ^ uint64(k.n)
	for _, key := range k.keys[:k.n] {
		h = bits.RotateLeft64(h, 23) ^ fragmentKeyHash(seed, key)
		h *= fragmentMix
	}
	return h
}

// fragmentKeyHash is the part of fragmentHash that one key gives.
func fragmentKeyHash(seed maphash.Seed, key any) uint64 {
	switch x := key.(type) {
	case nil:
		return 0
	case string:
		return maphash.String(seed, x)
	case template.HTML:
		return maphash.String(seed, string(x))
	case int:
		return uint64(x) * fragmentMix
	case bool:
		if x {
			return 1
		}
		return 2
	}
	v := reflect.ValueOf(key)
	switch v.Kind() {
	case reflect.Pointer, reflect.Chan, reflect.UnsafePointer:
		return uint64(v.Pointer()) * fragmentMix
	case reflect.String:
		return maphash.String(seed, v.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return uint64(v.Int()) * fragmentMix
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() * fragmentMix
	}
	return uint64(v.Kind())
}
