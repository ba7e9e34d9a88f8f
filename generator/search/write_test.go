package search

import (
	"strconv"
	"testing"
)

func TestPutUint(t *testing.T) {
	numbers := []uint32{0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 1234, 9999, 10000, 65535,
		99999, 100000, 999999, 1000000, 123456789, 999999999, 1000000000, 4294967295}
	for n := uint32(0); n < 300000; n += 13 {
		numbers = append(numbers, n)
	}
	buf := make([]byte, 16)
	for _, n := range numbers {
		want := strconv.FormatUint(uint64(n), 10)
		end := putUint(buf, 2, n)
		if got := string(buf[2:end]); got != want {
			t.Fatalf("putUint(%d) wrote %q", n, got)
		}
		if digits(n) != len(want) {
			t.Fatalf("digits(%d) = %d, want %d", n, digits(n), len(want))
		}
	}
}

func TestAppendJSONString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"电梯", `"电梯"`},
		{"train", `"train"`},
		{"a\"b\\c\x01", `"a\"b\\c\u0001"`},
	}
	for _, tc := range tests {
		if got := string(appendJSONString(nil, []byte(tc.in))); got != tc.want {
			t.Errorf("appendJSONString(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
