package frontmatter

import "testing"

func BenchmarkParseTOML(b *testing.B) {
	src := []byte(projectTOML)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Parse("p.md", src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseYAML(b *testing.B) {
	src := []byte(projectYAML)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Parse("p.md", src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTOMLPositions(b *testing.B) {
	src := []byte(projectTOML)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		TOMLPositions(src, 1)
	}
}
