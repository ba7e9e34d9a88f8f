package search

import (
	"slices"
	"testing"
)

// fixture is a small index that every search case runs against.
var fixture = []Document{
	{URL: "/projects/elevator/", Title: "加装电梯议事会", Section: "projects",
		Text: "居民代表讨论老楼改造的费用分摊。"},
	{URL: "/en/projects/elevator/", Title: "Elevator retrofit", Section: "projects",
		Text: "Residents agreed on how to share the cost."},
	{URL: "/en/cases/stairs/", Title: "A long climb", Section: "cases",
		Text: "Older residents asked for an elevator in building four."},
	{URL: "/en/handbook/garden/", Title: "Garden mapping", Section: "handbook",
		Text: "Walk the block with neighbours and draw what you find."},
	{URL: "/en/handbook/walks/", Title: "Neighbourhood walks", Section: "handbook",
		Text: "Walk the block and note the garden, the shops and the benches."},
	{URL: "/en/leaders/li/", Title: "Li Wei", Section: "leaders", Tags: []string{"volunteer"},
		Text: "Li runs the Tuesday meal service with her neighbours."},
	{URL: "/en/leaders/chen/", Title: "Chen Jing", Section: "leaders",
		Text: "Chen is a volunteer who runs the homework club with neighbours."},
}

func TestSearch(t *testing.T) {
	files, err := Build(fixture, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, query string
		want        []string // URLs, best first
	}{
		{"a word from the middle of a Chinese title", "电梯", []string{"/projects/elevator/"}},
		{"one Chinese character", "梯", []string{"/projects/elevator/"}},
		{"a Chinese phrase across words", "电梯议事", []string{"/projects/elevator/"}},
		{"Chinese from the body", "费用", []string{"/projects/elevator/"}},
		{"Chinese pair that is not in the text", "梯费", nil},
		{"an English stem", "elevators", []string{"/en/projects/elevator/", "/en/cases/stairs/"}},
		{"case does not matter", "ELEVATOR", []string{"/en/projects/elevator/", "/en/cases/stairs/"}},
		{"AND of two terms", "elevator residents", []string{"/en/projects/elevator/", "/en/cases/stairs/"}},
		{"AND excludes a page missing a term", "elevator building", []string{"/en/cases/stairs/"}},
		{"AND with an unknown term", "elevator zeppelin", nil},
		{"title above body", "garden", []string{"/en/handbook/garden/", "/en/handbook/walks/"}},
		{"tag above body", "volunteer", []string{"/en/leaders/li/", "/en/leaders/chen/"}},
		{"no tokens", "?!", nil},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := Search(files, tc.query)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.URL)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Search(%q) = %q, want %q", tc.query, got, tc.want)
			}
		})
	}
}

func TestSearchHitFields(t *testing.T) {
	files, err := Build(fixture[:2], Options{Summary: 12})
	if err != nil {
		t.Fatal(err)
	}
	hits, err := Search(files, "retrofit")
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 {
		t.Fatalf("got %d hits, want 1", len(hits))
	}
	h := hits[0]
	if h.ID != 1 || h.URL != "/en/projects/elevator/" || h.Title != "Elevator retrofit" ||
		h.Section != "projects" || h.Summary != "Residents…" || h.Score <= 0 {
		t.Errorf("hit = %+v", h)
	}
}

func TestSearchEmptyIndex(t *testing.T) {
	files, err := Build(nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	hits, err := Search(files, "elevator")
	if err != nil || hits != nil {
		t.Errorf("Search on an empty index = %v, %v; want no hits", hits, err)
	}
	if d, tok, _ := Stats(files); d != 0 || tok != 0 {
		t.Errorf("Stats = %d docs, %d tokens; want 0, 0", d, tok)
	}
}

func TestSearchUnpublishedIsAbsent(t *testing.T) {
	// The caller leaves an unpublished page out; nothing of it may remain.
	published := []Document{fixture[0], fixture[1]}
	files, err := Build(published, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"garden", "volunteer", "Chen"} {
		hits, err := Search(files, q)
		if err != nil || len(hits) != 0 {
			t.Errorf("Search(%q) = %v, %v; want nothing", q, hits, err)
		}
	}
}
