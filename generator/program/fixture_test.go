package program

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sineng/sineng/generator/diag"
)

// page builds an Entry for a content file; lines gives the line of each key
// path (column 1), and keys not listed have no position.
func page(file, typ string, data map[string]any, lines map[string]int) Entry {
	p := strings.TrimSuffix(strings.TrimPrefix(file, "content/"), ".md")
	return Entry{
		File:  file,
		Path:  p,
		Type:  typ,
		Data:  data,
		URL:   "/" + strings.TrimSuffix(p, "/index") + "/",
		Title: "Title of " + p,
		Pos: func(key string) (int, int) {
			if l, ok := lines[key]; ok {
				return l, 1
			}
			return 0, 0
		},
	}
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func list(vals ...any) []any { return vals }

type table = map[string]any

// messages returns each problem of err on its own, as printed.
func messages(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var all *diag.Errors
	if !errors.As(err, &all) {
		t.Fatalf("error is %T, want *diag.Errors: %v", err, err)
	}
	out := make([]string, len(all.List))
	for i, e := range all.List {
		var one *diag.Error
		if !errors.As(e, &one) {
			t.Fatalf("problem %q is %T, want *diag.Error", e, e)
		}
		out[i] = one.Error()
	}
	return out
}

func mustDecode(t *testing.T, e Entry) Item {
	t.Helper()
	it, err := Decode(e)
	if err != nil {
		t.Fatalf("Decode(%s): %v", e.File, err)
	}
	if it == nil {
		t.Fatalf("Decode(%s): no item", e.File)
	}
	return it
}
