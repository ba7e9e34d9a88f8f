package text

import (
	"strings"
	"testing"
)

// pageText is plain text like a generated site's pages: Chinese sentences
// with their punctuation, English ones, list items.
var pageText = strings.Repeat("这位志愿者做事善于沟通，在居民议事会上协调了社区花园。通过楼道清洁，社区明确了下一步分工。\n"+
	"Floor captains tested a needs survey before the funding deadline. Residents agreed on the volunteer rota over several home visits.\n"+
	"议事代表策划项目，让更多居民愿意站出来\n详见传能工作坊：老年人助餐。\n", 20)

func BenchmarkMeasurePage(b *testing.B) {
	b.SetBytes(int64(len(pageText)))
	for b.Loop() {
		Measure(pageText)
	}
}

func BenchmarkSummaryPage(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Summary(pageText, 160)
	}
}
