package program

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// decodeSkeleton parses a skeleton's TOML and decodes it as a page of kind.
func decodeSkeleton(t *testing.T, kind, text string) (Item, error) {
	t.Helper()
	body, ok := strings.CutPrefix(text, "+++\n")
	if !ok {
		t.Fatalf("%s skeleton does not open with +++", kind)
	}
	front, rest, ok := strings.Cut(body, "+++\n")
	if !ok || rest != "" {
		t.Fatalf("%s skeleton does not close with +++", kind)
	}
	var data map[string]any
	if _, err := toml.Decode(front, &data); err != nil {
		t.Fatalf("%s skeleton is not TOML: %v\n%s", kind, err, front)
	}
	return Decode(Entry{File: "content/new.md", Path: "x/new/index", Type: kind, Data: data})
}

func TestSkeletons(t *testing.T) {
	fields := map[string][]string{
		"leader": {"title", "id", "community", "stage", "joined", "skills", "photo", "pseudonym",
			"[consent]", "publish", "date", "scope", "withdrawn", "[[milestones]]", "note", "[[testimonials]]", "quote", "source"},
		"case":    {"title", "leader", "stage", "step", "date", "worker", "audience", "[consent]", "publish", "[disguise]", "reviewed_by"},
		"session": {"title", "stage", "phase", "duration", "date", "weight", "objectives", "materials", "attendees", "facilitators", "[[activities]]", "name", "minutes", "method"},
		"project": {"title", "leaders", "community", "stage", "status", "beneficiaries", "[funding]", "scheme", "funder", "currency",
			"requested", "awarded", "matched", "[period]", "start", "end", "[[budget]]", "item", "category", "quantity", "unit_cost", "total", "source",
			"[[outcomes]]", "indicator", "baseline", "target", "actual"},
		"exchange": {"title", "kind", "topic", "stage", "leaders", "date"},
	}
	// A commented-out field or table: "# key = value" or "# [table]".
	example := regexp.MustCompile(`^# (\[\[?[a-z_]+\]\]?|[a-z_]+ = .*)$`)
	for kind, keys := range fields {
		t.Run(kind, func(t *testing.T) {
			text, err := Skeleton(kind)
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range keys {
				if !strings.Contains(text, k+" = ") && !strings.Contains(text, k+"\n") {
					t.Errorf("skeleton has no %s", k)
				}
			}
			for line := range strings.Lines(text) {
				line = strings.TrimSuffix(line, "\n")
				if line != "+++" && line != "" && !strings.HasPrefix(line, "[") && !strings.Contains(line, "#") {
					t.Errorf("field without a comment: %q", line)
				}
			}
			it, err := decodeSkeleton(t, kind, text)
			if err != nil || it == nil || string(it.ItemKind()) != kind {
				t.Fatalf("skeleton does not decode cleanly: %v, %v", it, err)
			}

			// Filled in as the comments show, the examples decode too.
			var filled strings.Builder
			for line := range strings.Lines(text) {
				if example.MatchString(strings.TrimSuffix(line, "\n")) {
					line = strings.TrimPrefix(line, "# ")
				}
				filled.WriteString(line)
			}
			it, err = decodeSkeleton(t, kind, filled.String())
			got := messages(t, err)
			var want []string
			if kind == "leader" {
				want = []string{"content/new.md: testimonials[0].quote is required"}
			}
			if !slices.Equal(got, want) {
				t.Errorf("uncommented skeleton: problems %q, want %q\n%s", got, want, filled.String())
			}
			switch x := it.(type) {
			case nil:
				t.Fatal("uncommented skeleton decodes to nothing")
			case *Project:
				if len(x.Budget) != 1 || len(x.Outcomes) != 1 || !x.Outcomes[0].Measured || x.Period.End.IsZero() {
					t.Errorf("uncommented project examples missing: %+v", x)
				}
			case *Session:
				if len(x.Activities) != 1 || x.Date.IsZero() {
					t.Errorf("uncommented session examples missing: %+v", x)
				}
			}
		})
	}
}

func TestSkeletonUnknownKind(t *testing.T) {
	if _, err := Skeleton("page"); err == nil {
		t.Error("Skeleton(page) did not fail")
	}
	if _, err := Skeleton("projects"); err != nil {
		t.Errorf("Skeleton(projects): %v", err)
	}
}
