package content

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/diag"
)

func TestBodySpanKeepsOffsetAndSize(t *testing.T) {
	tests := []struct {
		at, size         int
		ok               bool
		wantAt, wantSize int
	}{
		{0, 1, true, 0, 1},
		{20, 100, true, 20, 100},
		{maxSpanAt, maxSpanSize, true, maxSpanAt, maxSpanSize},
		{5, maxSpanSize + 1, true, 5, 0}, // too big to record: unknown
		{maxSpanAt, 1 << 40, true, maxSpanAt, 0},
		{maxSpanAt + 1, maxSpanAt + 10, false, 0, 0},
		{-1, 3, false, 0, 0},
	}
	for _, tt := range tests {
		s, ok := newBodySpan(tt.at, tt.size)
		if ok != tt.ok {
			t.Errorf("newBodySpan(%d, %d) ok = %v, want %v", tt.at, tt.size, ok, tt.ok)
			continue
		}
		if !ok {
			if s.lazy() {
				t.Errorf("newBodySpan(%d, %d) refused but lazy", tt.at, tt.size)
			}
			continue
		}
		if !s.lazy() || s.at() != tt.wantAt || s.size() != tt.wantSize {
			t.Errorf("newBodySpan(%d, %d) = lazy %v, at %d, size %d; want true, %d, %d",
				tt.at, tt.size, s.lazy(), s.at(), s.size(), tt.wantAt, tt.wantSize)
		}
	}
	if (bodySpan{}).lazy() {
		t.Error("the zero span is lazy")
	}
}

func TestReadBodyOfAFileChangedSinceLoad(t *testing.T) {
	const file = "content/news/a.md"
	const src = "+++\ntitle = \"A\"\n+++\nBody of *A*.\n"
	big := "+++\ntitle = \"Big\"\n+++\n" + strings.Repeat("四能 notes\n", maxSpanSize/10)
	longMatter := "+++\nsummary = \"" + strings.Repeat("x", maxSpanAt) + "\"\n+++\nBody.\n"
	tests := []struct {
		name    string
		src     string // what Load reads
		now     string // the file when the body is read again; "" for unchanged
		want    string // the body; "" for the changed-file error
		kept    bool   // Load keeps the body
		unknown bool   // the size is not recorded
	}{
		{name: "unchanged", src: src, want: "Body of *A*.\n"},
		{name: "same size, other bytes", src: src, now: strings.Replace(src, "A*", "B*", 1)},
		{name: "grew", src: src, now: src + "More.\n"},
		{name: "grew a lot", src: src, now: src + strings.Repeat("More.\n", 10000)},
		{name: "shrank", src: src, now: src[:len(src)-3]},
		{name: "shrank to a byte", src: src, now: " "},
		{name: "unchanged, too big to record", src: big, want: big[len("+++\ntitle = \"Big\"\n+++\n"):], unknown: true},
		{name: "grew, too big to record", src: big, now: big + "x", unknown: true},
		{name: "long front matter kept", src: longMatter, now: "changed", want: "Body.\n", kept: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := writeSite(t, map[string]string{file: tt.src})
			var errs diag.List
			tree, err := Load(context.Background(), Options{Source: root, LazyBodies: true}, &errs)
			if err != nil || errs.HasErrors() {
				t.Fatal(err, errs.Err())
			}
			p, _ := tree.ByFile(file)
			if kept := p.Body != nil; kept != tt.kept {
				t.Fatalf("body kept = %v, want %v", kept, tt.kept)
			}
			if unknown := p.span.lazy() && p.span.size() == 0; unknown != tt.unknown {
				t.Fatalf("size unknown = %v, want %v", unknown, tt.unknown)
			}
			if tt.now != "" {
				if err := os.WriteFile(filepath.Join(root, file), []byte(tt.now), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			buf := make([]byte, 0, 8) // too small: ReadBody grows it
			got, err := tree.ReadBody(p, &buf)
			switch {
			case tt.want == "" && (err == nil || !strings.Contains(err.Error(), "changed")):
				t.Errorf("ReadBody = %d bytes, %v; want a changed-file error", len(got), err)
			case tt.want != "" && (err != nil || string(got) != tt.want):
				t.Errorf("ReadBody = %.40q (%d bytes), %v; want %.40q (%d bytes)", got, len(got), err, tt.want, len(tt.want))
			}
		})
	}
}
