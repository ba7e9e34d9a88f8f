package frontmatter

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unsafe"
)

// decoderFiles are whole files a Decoder must read exactly as Parse does:
// both fast paths, the general decoders, errors and files without front
// matter, with keys, values and dates repeated between them.
var decoderFiles = []string{
	projectTOML,
	projectYAML,
	smallTOML,
	smallYAML,
	"+++\ntitle = \"A\"\ndate = 2024-03-01\nweight = 300\nratio = 1.5\ntags = [\"社区参与\", \"volunteering\"]\n+++\nBody\n",
	"+++\ntitle = \"B\"\ndate = 2024-03-01\nweight = 300\nratio = 1.5\ntags = [\"volunteering\", \"社区参与\", \"社区参与\"]\n+++\n",
	"+++\nesc = \"a\\tb\"\nlit = 'a\\tb'\nempty = \"\"\nnest = [[1, 2], [], [[\"x\"]]]\nat = 2024-03-01T10:20:30Z\n+++\n",
	"+++\n[[budget]]\nitem = \"茶歇\"\n[[budget]]\nitem = \"茶歇\"\n[[budget]]\nitem = \"保险\"\n[funding]\nawarded = 12060\n+++\n",
	"+++\na.b = 1\n\"q\" = { c = [1, 2] }\n+++\n", // the general TOML decoder
	"+++\na = 1\na = 2\n+++\n",                    // a TOML error
	"---\ntitle: 社区\ndate: 2024-03-01\nn: 300\nf: 1.5\nnothing:\nflag: true\ntags:\n  - a\n  - [b, c]\n  - k: v\n    l: [1, 2]\nempty: []\n---\n",
	"---\ntitle: 社区\ndate: 2024-03-01\nn: 300\nf: 1.5\nnothing: null\nflag: true\n---\n",
	"---\na: &x [1]\nb: *x\n---\n", // the general YAML decoder
	"---\na: 1\na: 2\n---\n",       // a YAML error
	"---\na:\na: 2\n---\n",         // a key defined twice, null the first time
	"+++\ntitle = \"never closed\"\n",
	"# 居民议事会\n\nNo front matter.\n",
}

func TestDecoderMatchesParse(t *testing.T) {
	var d Decoder // shared by every file and round, as a Load worker's is
	for round := 0; round < 2; round++ {
		for i, src := range decoderFiles {
			wantM, wantBody, wantErr := Parse("f.md", []byte(src))
			m, body, err := d.Parse("f.md", []byte(src))
			if fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Fatalf("round %d, file %d: error %v, want %v", round, i, err, wantErr)
			}
			if !reflect.DeepEqual(m, wantM) {
				t.Errorf("round %d, file %d:\ngot  %#v\nwant %#v", round, i, m, wantM)
			}
			if string(body) != string(wantBody) || (body == nil) != (wantBody == nil) {
				t.Errorf("round %d, file %d: body %q, want %q", round, i, body, wantBody)
			}
		}
	}
}

func TestDecoderSharesRepeats(t *testing.T) {
	long := strings.Repeat("长", maxSharedLen) // over maxSharedLen bytes
	src := func(title string) []byte {
		return []byte("+++\ntitle = \"" + title + "\"\nstage = \"activate\"\nsummary = \"" + long + "\"\ntags = ['社区参与']\n[[budget]]\nitem = \"茶歇\"\n+++\n")
	}
	var d Decoder
	a, _, errA := d.Parse("a.md", src("A"))
	b, _, errB := d.Parse("b.md", src("B"))
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	budgetItem := func(m Matter) string {
		return m.Data["budget"].([]any)[0].(map[string]any)["item"].(string)
	}
	tests := []struct {
		name  string
		a, b  string
		share bool
	}{
		{"key", keyOf(a.Data, "stage"), keyOf(b.Data, "stage"), true},
		{"table key", keyOf(a.Data, "budget"), keyOf(b.Data, "budget"), true},
		{"short value", a.Data["stage"].(string), b.Data["stage"].(string), true},
		{"list element", a.Data["tags"].([]any)[0].(string), b.Data["tags"].([]any)[0].(string), true},
		{"value in a table", budgetItem(a), budgetItem(b), true},
		{"element path", keyOf(a.Pos, "tags[0]"), keyOf(b.Pos, "tags[0]"), true},
		{"table path", keyOf(a.Pos, "budget[0].item"), keyOf(b.Pos, "budget[0].item"), true},
		{"long value", a.Data["summary"].(string), b.Data["summary"].(string), false},
		{"different values", a.Data["title"].(string), b.Data["title"].(string), false},
	}
	for _, tt := range tests {
		if tt.share && tt.a != tt.b {
			t.Errorf("%s: %q and %q differ", tt.name, tt.a, tt.b)
		}
		if same := unsafe.StringData(tt.a) == unsafe.StringData(tt.b); same != tt.share {
			t.Errorf("%s: shared = %v, want %v", tt.name, same, tt.share)
		}
	}
}

func TestDecoderSharesPositions(t *testing.T) {
	long := "+++\n" // a key more than a shared map holds
	for i := range maxSharedPos + 1 {
		long += fmt.Sprintf("k%d = %d\n", i, i)
	}
	long += "+++\n"
	tests := []struct {
		name  string
		a, b  string
		share bool
	}{
		{"same places", "+++\ntitle = \"A\"\ntags = [\"x\", \"y\"]\n+++\n", "+++\ntitle = \"B\"\ntags = [\"u\", \"v\"]\n+++\n", true},
		{"yaml, same places", "---\ntitle: A\ntags: [x, y]\n---\n", "---\ntitle: B\ntags: [u, v]\n---\n", true},
		{"another column", "+++\ntitle = \"A\"\ntags = [\"x\", \"y\"]\n+++\n", "+++\ntitle = \"A\"\ntags = [\"xx\", \"y\"]\n+++\n", false},
		{"another line", "+++\ntitle = \"A\"\ntags = [\"x\"]\n+++\n", "+++\ntitle = \"A\"\n\ntags = [\"x\"]\n+++\n", false},
		{"another key", "+++\ntitle = \"A\"\n+++\n", "+++\nTitle = \"A\"\n+++\n", false},
		{"more keys than are shared", long, long, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d Decoder
			a, _, errA := d.Parse("a.md", []byte(tt.a))
			b, _, errB := d.Parse("b.md", []byte(tt.b))
			if errA != nil || errB != nil {
				t.Fatal(errA, errB)
			}
			for _, m := range []struct {
				got Matter
				src string
			}{{a, tt.a}, {b, tt.b}} {
				want, _, _ := Parse("f.md", []byte(m.src))
				if !reflect.DeepEqual(m.got.Pos, want.Pos) {
					t.Errorf("positions of %q: %v, want %v", m.src, m.got.Pos, want.Pos)
				}
			}
			if same := reflect.ValueOf(a.Pos).Pointer() == reflect.ValueOf(b.Pos).Pointer(); same != tt.share {
				t.Errorf("shared = %v, want %v", same, tt.share)
			}
		})
	}
}

func TestDecoderSharesListsAndTables(t *testing.T) {
	src := func(tags, item string) []byte {
		return []byte("+++\ntags = " + tags + "\n[[budget]]\nitem = " + item + "\nquantity = 300\n[funding]\nawarded = 12060\n+++\n")
	}
	var d Decoder
	parse := func(tags, item string) Matter {
		m, _, err := d.Parse("f.md", src(tags, item))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	a := parse(`["社区参与", "volunteering"]`, `"茶歇"`)
	b := parse(`["社区参与", "volunteering"]`, `"茶歇"`)
	c := parse(`["社区参与","volunteering"]`, `"保险"`)
	list := func(m Matter) *any { return &m.Data["tags"].([]any)[0] }
	table := func(m Matter, key string) map[string]any {
		if l, ok := m.Data[key].([]any); ok {
			return l[0].(map[string]any)
		}
		return m.Data[key].(map[string]any)
	}
	same := func(x, y map[string]any) bool {
		return reflect.ValueOf(x).UnsafePointer() == reflect.ValueOf(y).UnsafePointer()
	}
	tests := []struct {
		name         string
		shared, want bool
	}{
		{"same list text", list(a) == list(b), true},
		{"other list text", list(a) == list(c), false},
		{"same [[table]] text", same(table(a, "budget"), table(b, "budget")), true},
		{"other [[table]] text", same(table(a, "budget"), table(c, "budget")), false},
		{"same [table] text", same(table(a, "funding"), table(c, "funding")), true},
		{"own top level", same(a.Data, b.Data), false},
	}
	for _, tt := range tests {
		if tt.shared != tt.want {
			t.Errorf("%s: shared = %v, want %v", tt.name, tt.shared, tt.want)
		}
	}
	if !reflect.DeepEqual(a.Data["tags"], c.Data["tags"]) || table(c, "budget")["item"] != "保险" {
		t.Errorf("values changed: %v, %v", c.Data["tags"], c.Data["budget"])
	}
	if len(a.Data["tags"].([]any)) != cap(a.Data["tags"].([]any)) {
		t.Error("a shared list has spare capacity")
	}
}

// keyOf returns m's own copy of the key k, "" when m lacks it.
func keyOf[V any](m map[string]V, k string) string {
	for key := range m {
		if key == k {
			return key
		}
	}
	return ""
}

func TestDecoderKeepsNoText(t *testing.T) {
	// A title and a list beside a comment of 1 MiB: Parse's strings keep
	// the block's text alive, a Decoder's keep only themselves.
	comment := "# " + strings.Repeat("x", 1<<20) + "\n"
	tests := []struct {
		name     string
		src      string
		decoder  bool
		atLeast  uint64
		lessThan uint64
	}{
		{"toml, Parse", "+++\n" + comment + "title = \"社区\"\ntags = [\"a\"]\n+++\n", false, 1 << 19, 1 << 30},
		{"toml, Decoder", "+++\n" + comment + "title = \"社区\"\ntags = [\"a\"]\n+++\n", true, 0, 64 << 10},
		{"yaml, Parse", "---\n" + comment + "title: 社区\ntags: [a]\n---\n", false, 1 << 19, 1 << 30},
		{"yaml, Decoder", "---\n" + comment + "title: 社区\ntags: [a]\n---\n", true, 0, 64 << 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d *Decoder
			if tt.decoder {
				d = &Decoder{}
			}
			before := liveHeap()
			m, _, err := parse(d, "f.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var kept uint64
			if after := liveHeap(); after > before {
				kept = after - before
			}
			if kept < tt.atLeast || kept >= tt.lessThan {
				t.Errorf("the Matter keeps %d bytes, want [%d, %d)", kept, tt.atLeast, tt.lessThan)
			}
			if m.Data["title"] != "社区" {
				t.Errorf("title = %v", m.Data["title"])
			}
			runtime.KeepAlive(m)
		})
	}
}

// liveHeap collects garbage and returns the bytes still allocated.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

func TestDecoderTablesStayBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("+++\nnames = [")
	n := maxSharedEntries + 100
	for i := range n {
		fmt.Fprintf(&b, "\"n%d\", ", i)
	}
	b.WriteString("]\n+++\n")
	var d Decoder
	m, _, err := d.Parse("f.md", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(m.Data["names"].([]any)); got != n {
		t.Fatalf("%d names, want %d", got, n)
	}
	if last := m.Data["names"].([]any)[n-1]; last != fmt.Sprintf("n%d", n-1) {
		t.Errorf("last name %v", last)
	}
	for name, size := range map[string]int{"names": len(d.names), "strs": len(d.strs)} {
		if size > maxSharedEntries {
			t.Errorf("%s holds %d entries, more than %d", name, size, maxSharedEntries)
		}
	}
}

// FuzzDecoder checks that a Decoder, fresh or holding what other files
// shared, reads any file exactly as Parse does.
func FuzzDecoder(f *testing.F) {
	for _, s := range decoderFiles {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		wantM, wantBody, wantErr := Parse("f.md", src)
		var d Decoder
		for round := 0; round < 2; round++ {
			m, body, err := d.Parse("f.md", src)
			if fmt.Sprint(err) != fmt.Sprint(wantErr) || !reflect.DeepEqual(m, wantM) || string(body) != string(wantBody) {
				t.Fatalf("round %d of %q:\ngot  %#v, %v\nwant %#v, %v", round, src, m, err, wantM, wantErr)
			}
		}
	})
}

// FuzzDecoderFastPaths checks that both fast paths accept the same blocks
// with a Decoder as without one, with equal values and positions, the
// second time too, when the Decoder holds what the first shared.
func FuzzDecoderFastPaths(f *testing.F) {
	for _, s := range []string{
		matterBlock(projectTOML, "+++"),
		matterBlock(projectYAML, "---"),
		matterBlock(smallTOML, "+++"),
		"a = [[1, 'x'], []]\n[[t]]\nb = \"\\t\"\n[[t]]\nb = 2024-03-01T10:20:30Z\n[u]\nc = -0.0\n",
		"a:\n  - k: [1, x]\n    l:\n  - 2024-03-01\nb: []\nc: ''\n",
	} {
		f.Add([]byte(s))
	}
	paths := []struct {
		name string
		fast fastDecoder
	}{
		{"toml", decodeTOMLFast},
		{"yaml", decodeYAMLFast},
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var d Decoder
		for round := 0; round < 2; round++ {
			for _, fp := range paths {
				data, pos, ok := fp.fast(&d, src, 1)
				wantData, wantPos, wantOK := fp.fast(nil, src, 1)
				if ok != wantOK || !reflect.DeepEqual(data, wantData) || !reflect.DeepEqual(pos, wantPos) {
					t.Fatalf("%s, round %d, %q:\nshared %v %#v %v\nplain  %v %#v %v", fp.name, round, src, ok, data, pos, wantOK, wantData, wantPos)
				}
			}
		}
	})
}
