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

// benchmarkDecoder parses src again and again with one Decoder, as a Load
// worker does with a site's pages.
func benchmarkDecoder(b *testing.B, src string) {
	data := []byte(src)
	var d Decoder
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := d.Parse("p.md", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecoderTOML(b *testing.B)      { benchmarkDecoder(b, projectTOML) }
func BenchmarkDecoderYAML(b *testing.B)      { benchmarkDecoder(b, projectYAML) }
func BenchmarkDecoderSmallTOML(b *testing.B) { benchmarkDecoder(b, smallTOML) }
func BenchmarkDecoderSmallYAML(b *testing.B) { benchmarkDecoder(b, smallYAML) }
