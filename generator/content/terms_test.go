package content

import (
	"reflect"
	"testing"
)

func TestTermSetsShareEqualTerms(t *testing.T) {
	taxes := []string{"tags", "skills"}
	var s termSets
	first := s.share(map[string][]string{"tags": {"a", "b"}}, taxes)
	tests := []struct {
		name  string
		terms map[string][]string
		share bool
	}{
		{"same terms", map[string][]string{"tags": {"a", "b"}}, true},
		{"other order", map[string][]string{"tags": {"b", "a"}}, false},
		{"other taxonomy", map[string][]string{"skills": {"a", "b"}}, false},
		{"one more taxonomy", map[string][]string{"tags": {"a", "b"}, "skills": {"c"}}, false},
		{"terms split differently", map[string][]string{"tags": {"a"}, "skills": {"b"}}, false},
		{"a 0 byte in a term", map[string][]string{"tags": {"a\x00b"}}, false},
	}
	for _, tt := range tests {
		want := map[string][]string{}
		for k, v := range tt.terms {
			want[k] = append([]string(nil), v...)
		}
		got := s.share(tt.terms, taxes)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: share = %v, want %v", tt.name, got, want)
		}
		if shared := reflect.ValueOf(got).UnsafePointer() == reflect.ValueOf(first).UnsafePointer(); shared != tt.share {
			t.Errorf("%s: shared = %v, want %v", tt.name, shared, tt.share)
		}
		for tax, list := range got {
			if cap(list) != len(list) {
				t.Errorf("%s: %s has room to append into", tt.name, tax)
			}
		}
	}
	if got := s.share(nil, taxes); got != nil {
		t.Errorf("no terms: %v", got)
	}
}

func TestPagesWithEqualTermsShareThem(t *testing.T) {
	tree, errs := load(t, map[string]string{
		"content/notes/a.md": "+++\ntags = [\"社区\", \" 青年 \"]\n+++\n",
		"content/notes/b.md": "---\ntags: [社区, 青年, 社区]\n---\n",
		"content/notes/c.md": "+++\ntags = [\"社区\"]\n+++\n",
	}, Options{Taxonomies: []string{"tags"}})
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	a, _ := tree.ByFile("content/notes/a.md")
	b, _ := tree.ByFile("content/notes/b.md")
	c, _ := tree.ByFile("content/notes/c.md")
	ptr := func(p *Page) uintptr { return uintptr(reflect.ValueOf(p.Terms).UnsafePointer()) }
	if !reflect.DeepEqual(a.Terms, map[string][]string{"tags": {"社区", "青年"}}) || !reflect.DeepEqual(c.Terms, map[string][]string{"tags": {"社区"}}) {
		t.Fatalf("terms %v, %v", a.Terms, c.Terms)
	}
	if ptr(a) != ptr(b) || ptr(a) == ptr(c) {
		t.Errorf("a and b should share their terms, c not: %x %x %x", ptr(a), ptr(b), ptr(c))
	}
}
