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

// smallTOML and smallYAML are the front matter most pages have: a title, a
// date, tags and a field or two.
const (
	smallTOML = "+++\ntitle = \"小组成员公益创投申请：形成了议事规则\"\ndate = 2022-02-23\nsummary = \"社区领袖议事规则，增强了邻里信任。\"\ntags = [\"社区参与\", \"volunteering\"]\n+++\nBody.\n"
	smallYAML = "---\ntitle: \"小组成员公益创投申请：形成了议事规则\"\ndate: 2022-02-23\nsummary: \"社区领袖议事规则，增强了邻里信任。\"\ntags: [\"社区参与\", \"volunteering\"]\n---\nBody.\n"
)

func BenchmarkParseSmallTOML(b *testing.B) {
	src := []byte(smallTOML)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Parse("p.md", src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseSmallYAML(b *testing.B) {
	src := []byte(smallYAML)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Parse("p.md", src); err != nil {
			b.Fatal(err)
		}
	}
}
