package layout

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/htmlesc"
)

// setPair is the same layouts loaded twice: interpreted by html/template
// only, and with the compiled executor using html/template's own
// escapers (so every escaper is available, whatever htmlesc implements)
// or those of loadPairWith.
type setPair struct {
	interp, comp *Set
}

func loadPair(tb testing.TB, opts Options) setPair {
	tb.Helper()
	lookup, err := htmlTemplateEscapers()
	if err != nil {
		tb.Fatal(err)
	}
	return loadPairWith(tb, opts, lookup)
}

// loadBuildPair is loadPair with the compiled Set's escapers as a build
// has them: htmlesc's, and their text forms.
func loadBuildPair(tb testing.TB, opts Options) setPair {
	tb.Helper()
	p := loadPairWith(tb, opts, htmlesc.Lookup)
	p.comp.textEscapers = htmlesc.LookupText
	return p
}

// loadPairWith is loadPair with the compiled Set's escapers from lookup.
func loadPairWith(tb testing.TB, opts Options, lookup func(string) (htmlesc.Func, bool)) setPair {
	tb.Helper()
	opts.Interpret = true
	interp, err := Load(opts)
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	opts.Interpret = false
	comp, err := Load(opts)
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	comp.escapers = lookup
	// Text forms would bypass lookup's escapers.
	comp.textEscapers = nil
	return setPair{interp: interp, comp: comp}
}

// outcome is what one execution gave.
type outcome struct {
	out string
	err error
}

func (o outcome) String() string {
	if o.err != nil {
		return "error: " + o.err.Error()
	}
	return o.out
}

// same reports whether two executions agree: the same bytes when both
// succeed, the same message when both fail.
func (o outcome) same(p outcome) bool {
	if (o.err == nil) != (p.err == nil) {
		return false
	}
	if o.err != nil {
		return o.err.Error() == p.err.Error()
	}
	return o.out == p.out
}

func executePage(s *Set, kind string, data any) outcome {
	tmpl, ok := s.Lookup(kind, "", "")
	if !ok {
		return outcome{err: errors.New("no template")}
	}
	var b bytes.Buffer
	b.WriteString("kept|")
	err := s.Execute(&b, tmpl, data)
	if err == nil && !strings.HasPrefix(b.String(), "kept|") {
		return outcome{err: errors.New("output before the call was lost")}
	}
	return outcome{out: strings.TrimPrefix(b.String(), "kept|"), err: err}
}

// pageStatus is how the page template of kind executes on s.
func pageStatus(s *Set, kind string) string {
	tmpl, ok := s.Lookup(kind, "", "")
	if !ok {
		return "no template"
	}
	return tmpl.exec.status()
}

// requireCompiledSame executes the page template of opts on data with both
// kinds of pair (loaded, and loaded as a build loads) and fails unless the
// compiled output equals html/template's, with no error, every compiled run
// staying compiled.
func requireCompiledSame(t *testing.T, opts Options, data any) {
	t.Helper()
	for _, p := range []setPair{loadPair(t, opts), loadBuildPair(t, opts)} {
		want := executePage(p.interp, "page", data)
		got := executePage(p.comp, "page", data)
		if !want.same(got) {
			t.Fatalf("compiled:\n%s\ninterpreted:\n%s", got, want)
		}
		if want.err != nil {
			t.Fatalf("unexpected error: %v", want.err)
		}
		if status := pageStatus(p.comp, "page"); status != "compiled (0 fallbacks)" {
			t.Errorf("status %q, want every run compiled", status)
		}
	}
}
