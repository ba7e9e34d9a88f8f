package frontmatter

import (
	"reflect"
	"strings"
	"testing"
)

// fastDecoder is a format's one-pass decoder, which may decline its input;
// the checks here run it without a Decoder.
type fastDecoder func(d *Decoder, text []byte, firstLine int) (map[string]any, map[string]Position, bool)

// generalDecoder is a format's authoritative decoder.
type generalDecoder func(file string, text []byte, firstLine int) (map[string]any, map[string]Position, error)

// matterBlock returns the text between the delim lines of a file that opens
// with one.
func matterBlock(src, delim string) string {
	src = strings.TrimPrefix(src, delim+"\n")
	return src[:strings.Index(src, delim+"\n")]
}

// checkFastPath fails unless fast accepts src exactly when wantFast says
// so, and then agrees with general on values and positions.
func checkFastPath(t *testing.T, fast fastDecoder, general generalDecoder, src string, wantFast bool) {
	t.Helper()
	data, pos, ok := fast(nil, []byte(src), 2)
	if ok != wantFast {
		t.Fatalf("fast path on %q: ok = %v, want %v", src, ok, wantFast)
	}
	if ok {
		checkGeneralAgrees(t, general, []byte(src), 2, data, pos)
	}
}

// fuzzFastPath checks that whatever fast accepts, general accepts too, with
// the same values and positions.
func fuzzFastPath(f *testing.F, fast fastDecoder, general generalDecoder, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if data, pos, ok := fast(nil, src, 1); ok {
			checkGeneralAgrees(t, general, src, 1, data, pos)
		}
	})
}

// checkGeneralAgrees fails unless general decodes src to data and pos, what
// the fast path made of it.
func checkGeneralAgrees(t *testing.T, general generalDecoder, src []byte, firstLine int, data map[string]any, pos map[string]Position) {
	t.Helper()
	gData, gPos, err := general("f.md", src, firstLine)
	if err != nil {
		t.Fatalf("fast path accepted %q, general decoder says %v", src, err)
	}
	if !reflect.DeepEqual(data, gData) {
		t.Errorf("values of %q:\nfast    %#v\ngeneral %#v", src, data, gData)
	}
	if !reflect.DeepEqual(pos, gPos) {
		t.Errorf("positions of %q:\nfast    %v\ngeneral %v", src, pos, gPos)
	}
}
