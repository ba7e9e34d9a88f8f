package jsonenc

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestAppendString holds AppendString to encoding/json on every
// ASCII byte, bytes that are not UTF-8, the separators JavaScript rejects
// and random strings of them.
func TestAppendString(t *testing.T) {
	in := []string{"", "plain", "电梯 Straße", "\u2028\u2029", "<a href=\"x\">&amp;</a>", "\xff\xfe", "\xe4\xb8", "\xed\xa0\x80", "😀"}
	for c := range 256 {
		in = append(in, string([]byte{byte(c)}), "x"+string([]byte{byte(c)})+"y")
	}
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "\\", "\"", "\x00", "\x1f", "\u2028", "\u2029", "\xe2\x80", "电", "\xc3", "é", "\t", "<", "\x7f", "𠀀"}
	for range 2000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		in = append(in, b.String())
	}
	for _, s := range in {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSuffix(buf.String(), "\n")
		if got := string(AppendString(nil, s)); got != want {
			t.Errorf("AppendString(%q) = %s, want %s", s, got, want)
		}
	}
}

// TestAppendFloat holds AppendFloat to encoding/json around the exponent
// cut-offs, at zero and negative zero, and on random values.
func TestAppendFloat(t *testing.T) {
	in := []float64{0, 1, -1, 0.5, 1e-6, 9.99e-7, 1e-7, -1e-7, 1e20, 1e21, 9.99e20, -1e21, 1.5e300, 5e-324, 23541.5, 0.1234, 123456789012345678}
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		in = append(in, r.NormFloat64()*float64(r.IntN(1<<20)), r.Float64()*1e-9, r.Float64()*1e25)
	}
	for _, f := range append(in, -in[0]) {
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(AppendFloat(nil, f)); got != string(want) {
			t.Errorf("AppendFloat(%v) = %s, want %s", f, got, want)
		}
	}
}
