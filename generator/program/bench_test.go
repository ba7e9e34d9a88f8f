package program

import (
	"fmt"
	"testing"
)

// benchItems decodes a program of n leaders, each attending sessions and
// leading a project.
func benchItems(b *testing.B, n int) []Item {
	b.Helper()
	var items []Item
	add := func(e Entry) {
		it, err := Decode(e)
		if err != nil {
			b.Fatal(err)
		}
		items = append(items, it)
	}
	for i := range n {
		id := fmt.Sprintf("leader-%04d", i)
		add(page("content/leaders/"+id+"/index.md", "leaders", table{"stage": string(StageIDs()[i%4])}, nil))
		add(page(fmt.Sprintf("content/curricula/s%04d.md", i), "curricula", table{
			"stage": "empower", "phase": "initial", "duration": "90m",
			"attendees": list(id, fmt.Sprintf("leader-%04d", (i+1)%n)),
		}, nil))
		add(page(fmt.Sprintf("content/projects/p%04d.md", i), "projects", table{
			"leaders": list(id), "funding": table{"currency": "CNY"},
			"budget": list(table{"quantity": int64(2), "unit_cost": 10.5, "source": "requested"}),
		}, nil))
	}
	return items
}

func BenchmarkBuild(b *testing.B) {
	items := benchItems(b, 1000)
	b.ResetTimer()
	for range b.N {
		if _, err := Build(items); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFilter(b *testing.B) {
	m, err := Build(benchItems(b, 1000))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		m.Filter(func(path string) bool { return len(path)%2 == 0 })
	}
}
