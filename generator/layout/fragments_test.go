package layout

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// counter counts how often a template reads it, so a test sees whether a
// partial ran or its kept output was reused.
type counter struct{ n atomic.Int64 }

// Next returns how often it was read, this time included.
func (c *counter) Next() int64 { return c.n.Add(1) }

// execHome loads templates whose index.html is home and executes it with
// data.
func execHome(t *testing.T, set *Set, data any) (string, error) {
	t.Helper()
	tmpl, ok := set.Lookup("home", "", "")
	if !ok {
		t.Fatal("no home template")
	}
	var b strings.Builder
	err := set.Execute(&b, tmpl, data)
	return b.String(), err
}

func loadKeyed(t *testing.T, home string) *Set {
	t.Helper()
	set, err := Load(Options{SiteLayouts: mapFS(map[string]string{
		"index.html":        home,
		"partials/n.html":   `{{ .C.Next }}`,
		"partials/key.html": `[{{ . }}]`,
		"partials/bad.html": `{{ if .Fail }}{{ index .List 3 }}{{ end }}ok`,
	})})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestKeyedPartialReuse(t *testing.T) {
	type data struct {
		C, D *counter
	}
	cases := []struct {
		name, home, want string
	}{
		{"without keys every call runs", `{{ partial "n.html" . }}{{ partial "n.html" . }}`, "12"},
		{"equal keys reuse the first output", `{{ partial "n.html" . "a" }}{{ partial "n.html" . "a" }}{{ partial "n" . "a" }}`, "111"},
		{"other keys run again", `{{ partial "n.html" . "a" }}{{ partial "n.html" . "b" }}{{ partial "n.html" . "a" 1 }}`, "123"},
		{"keys of other types differ", `{{ partial "n.html" . 1 }}{{ partial "n.html" . "1" }}{{ partial "n.html" . 1.0 }}{{ partial "n.html" . true }}`, "1234"},
		{"pointers compare by identity", `{{ partial "n.html" . .C }}{{ partial "n.html" . .D }}{{ partial "n.html" . .C }}`, "121"},
		{"nil is a key", `{{ partial "n.html" . nil }}{{ partial "n.html" . nil }}`, "11"},
		{"the key is per partial", `{{ partial "n.html" . "a" }}{{ partial "key.html" "x" "a" }}{{ partial "n.html" . "a" }}`, "1[x]1"},
		{"a dict context keyed by its values", `{{ partial "key.html" (dict "v" 1) 1 }}{{ partial "key.html" (dict "v" 2) 1 }}`, "[map[v:1]][map[v:1]]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			set := loadKeyed(t, c.home)
			got, err := execHome(t, set, data{C: new(counter), D: new(counter)})
			if err != nil || got != c.want {
				t.Errorf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

func TestKeyedPartialErrors(t *testing.T) {
	cases := []struct {
		name, home, want string
	}{
		{"a list cannot be a key", `{{ partial "key.html" 1 (slice 1 2) }}`, `key 1 is []interface {}, which cannot be compared`},
		{"a dict cannot be a key", `{{ partial "key.html" 1 "a" (dict "k" 1) }}`, `key 2 is map[string]interface {}, which cannot be compared`},
		{"at most four keys", `{{ partial "key.html" 1 1 2 3 4 5 }}`, "at most 4 keys, got 5"},
		{"a missing partial", `{{ partial "none.html" 1 "k" }}`, `partial "none.html" not found`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := execHome(t, loadKeyed(t, c.home), nil)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want %q", err, c.want)
			}
		})
	}
}

// A failing run keeps nothing: the next call with the same keys runs again.
func TestKeyedPartialKeepsNoError(t *testing.T) {
	set := loadKeyed(t, `{{ partial "bad.html" . "k" }}`)
	if _, err := execHome(t, set, map[string]any{"Fail": true, "List": []int{1}}); err == nil || !strings.Contains(err.Error(), "out of range") {
		t.Fatalf("error %v, want the partial's index error", err)
	}
	got, err := execHome(t, set, map[string]any{"Fail": false})
	if err != nil || got != "ok" {
		t.Errorf("after an error: %q, %v; want ok", got, err)
	}
}

func TestClearFragments(t *testing.T) {
	set := loadKeyed(t, `{{ partial "n.html" . "k" }}`)
	data := map[string]any{"C": new(counter)}
	var got []string
	for _, clear := range []bool{false, false, true, false} {
		if clear {
			set.ClearFragments()
		}
		out, err := execHome(t, set, data)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, out)
	}
	if want := "1 1 2 2"; strings.Join(got, " ") != want {
		t.Errorf("outputs %v, want %s", got, want)
	}
}

func TestFragmentLimits(t *testing.T) {
	key := func(i int) fragmentKey {
		k, err := newFragmentKey("partials/x.html", []any{i})
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	cases := []struct {
		name       string
		f          *fragments
		sizes      []int
		wantKept   []int // the indexes of sizes kept at the end
		wantLength int64
	}{
		{"defaults keep small outputs", &fragments{}, []int{3, 3, 3}, []int{0, 1, 2}, 9},
		{"the oldest make way at the output count", &fragments{maxCount: 2}, []int{1, 1, 1, 1}, []int{2, 3}, 2},
		{"the oldest make way at the byte size", &fragments{maxBytes: 10}, []int{4, 4, 4, 1}, []int{1, 2, 3}, 9},
		{"several make way for a large output", &fragments{maxBytes: 10}, []int{3, 3, 3, 9}, []int{3}, 9},
		{"an output over the byte size is not kept", &fragments{maxBytes: 10}, []int{4, 11, 4}, []int{0, 2}, 8},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for i, n := range c.sizes {
				h := template.HTML(strings.Repeat("x", n))
				if got, _ := c.f.put(key(i), h); got != h {
					t.Errorf("put %d returned %q, want its own output", i, got)
				}
			}
			var kept []int
			for i, n := range c.sizes {
				if h, ok := c.f.get(key(i)); ok {
					if len(h) != n {
						t.Errorf("get %d = %q, want its own output", i, h)
					}
					kept = append(kept, i)
				}
			}
			if !slices.Equal(kept, c.wantKept) || c.f.size != c.wantLength || c.f.count != int64(len(c.wantKept)) {
				t.Errorf("kept %v (%d outputs) of %d bytes, want %v of %d", kept, c.f.count, c.f.size, c.wantKept, c.wantLength)
			}
		})
	}
}

// Many goroutines share keyed outputs; each sees the output of its keys,
// also when the outputs are cleared meanwhile (safe, though it would risk
// keeping outputs of old data if the data changed). Run with -race.
func TestKeyedPartialConcurrent(t *testing.T) {
	set := loadKeyed(t, `{{ range .Keys }}{{ partial "key.html" . . }}{{ end }}`)
	tmpl, _ := set.Lookup("home", "", "")
	const workers, rounds = 8, 40
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := range workers {
		wg.Go(func() {
			for r := range rounds {
				keys := []any{r % 5, fmt.Sprint(w % 3), r % 5}
				want := fmt.Sprintf("[%v][%v][%v]", keys...)
				var b strings.Builder
				if err := set.Execute(&b, tmpl, map[string]any{"Keys": keys}); err != nil || b.String() != want {
					errs[w] = fmt.Errorf("round %d: %q, %v; want %q", r, b.String(), err, want)
					return
				}
				if r == rounds/2 && w == 0 {
					set.ClearFragments()
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}
