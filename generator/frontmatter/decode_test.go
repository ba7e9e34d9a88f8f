package frontmatter

import (
	"reflect"
	"testing"
	"time"
)

// projectTOML and projectYAML are one project page written both ways.
const projectTOML = `+++
title = "River clean-up"
date = 2024-03-01
draft = false
beneficiaries = 120
score = 4.5
tags = ["environment", "youth"]
leaders = ["li-wei"]

[funding]
scheme = "micro-venture"
requested = 3000
currency = "CNY"

[[budget]]
item = "gloves"
quantity = 50
unit_cost = 10
source = "requested"

[[budget]]
item = "bags"
quantity = 100
unit_cost = 20
total = 2000
source = "requested"

[[outcomes]]
indicator = "volunteers trained"
baseline = 0
target = 30
+++
Body.
`

const projectYAML = `---
title: River clean-up
date: 2024-03-01
draft: false
beneficiaries: 120
score: 4.5
tags: [environment, youth]
leaders:
  - li-wei
funding:
  scheme: micro-venture
  requested: 3000
  currency: CNY
budget:
  - item: gloves
    quantity: 50
    unit_cost: 10
    source: requested
  - item: bags
    quantity: 100
    unit_cost: 20
    total: 2000
    source: requested
outcomes:
  - indicator: volunteers trained
    baseline: 0
    target: 30
---
Body.
`

func TestTOMLAndYAMLDecodeAlike(t *testing.T) {
	want := map[string]any{
		"title":         "River clean-up",
		"date":          time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
		"draft":         false,
		"beneficiaries": int64(120),
		"score":         4.5,
		"tags":          []any{"environment", "youth"},
		"leaders":       []any{"li-wei"},
		"funding":       map[string]any{"scheme": "micro-venture", "requested": int64(3000), "currency": "CNY"},
		"budget": []any{
			map[string]any{"item": "gloves", "quantity": int64(50), "unit_cost": int64(10), "source": "requested"},
			map[string]any{"item": "bags", "quantity": int64(100), "unit_cost": int64(20), "total": int64(2000), "source": "requested"},
		},
		"outcomes": []any{map[string]any{"indicator": "volunteers trained", "baseline": int64(0), "target": int64(30)}},
	}
	for _, src := range []string{projectTOML, projectYAML} {
		m, body, err := Parse("p.md", []byte(src))
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
		if string(body) != "Body.\n" {
			t.Errorf("%v body = %q", m.Format, body)
		}
		if !reflect.DeepEqual(m.Data, want) {
			t.Errorf("%v data =\n%#v\nwant\n%#v", m.Format, m.Data, want)
		}
		// The date is the same instant in both, whatever the machine's zone.
		if d := m.Data["date"].(time.Time); d.Location() != time.UTC {
			t.Errorf("%v date zone = %v, want UTC", m.Format, d.Location())
		}
	}
}

func TestKeyPositions(t *testing.T) {
	tests := []struct {
		src  string
		want map[string]Position
	}{
		{projectTOML, map[string]Position{
			"title": {2, 1}, "tags[1]": {7, 24}, "funding": {10, 2}, "funding.requested": {12, 1},
			"budget[0]": {15, 3}, "budget[1].total": {25, 1}, "outcomes[0].target": {31, 1},
		}},
		{projectYAML, map[string]Position{
			"title": {2, 1}, "tags[1]": {7, 21}, "leaders[0]": {9, 5}, "funding": {10, 1}, "funding.requested": {12, 3},
			"budget[0]": {15, 5}, "budget[1].total": {22, 5}, "outcomes[0].target": {27, 5},
		}},
		// Columns count characters: 乙 is the eighth of its line.
		{"---\n标题: 中文\nk: [甲, 乙]\n---\n", map[string]Position{"标题": {2, 1}, "k[1]": {3, 8}}},
		{"+++\n\"标题\" = \"中文\"\nk = [\"甲\", \"乙\"]\nt = {a = \"甲\", b = 2}\n+++\n", map[string]Position{"标题": {2, 1}, "k[1]": {3, 11}, "t.b": {4, 15}}},
	}
	for _, tt := range tests {
		m, _, err := Parse("p.md", []byte(tt.src))
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
		for path, p := range tt.want {
			if got := m.Pos[path]; got != p {
				t.Errorf("%v %s at %v, want %v", m.Format, path, got, p)
			}
		}
	}
}

func TestMatterPosition(t *testing.T) {
	m, _, err := Parse("p.md", []byte(projectTOML))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want Position
	}{
		{"funding.requested", Position{12, 1}},
		{"budget[1].missing", Position{21, 3}},    // nearest parent budget[1]
		{"budget[7].total", Position{15, 3}},      // budget
		{"funding.period.start", Position{10, 2}}, // funding
		{"nowhere", Position{1, 1}},               // opening delimiter
		{"", Position{1, 1}},
	}
	for _, tt := range tests {
		if got := m.Position(tt.path); got != tt.want {
			t.Errorf("Position(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
	var none Matter
	if got := none.Position("x"); got != (Position{1, 1}) {
		t.Errorf("zero Matter Position = %v, want 1:1", got)
	}
	shifted := Matter{Line: 3, Pos: map[string]Position{}}
	if got := shifted.Position("x"); got != (Position{3, 1}) {
		t.Errorf("Position falls back to %v, want the delimiter line 3:1", got)
	}
}

func TestYAMLValues(t *testing.T) {
	src := `---
hex: 0x1F
under: 1_000
octal: 0o17
yes_is_text: yes
flag: true
at: 2024-03-01T10:00:00+08:00
quoted_date: "2024-03-01"
inf: .inf
empty:
list: [1, ~, x]
base: &base {a: 1, b: 2}
child:
  <<: *base
  b: 3
ref: *base
---
`
	m, _, err := Parse("p.md", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	at := time.Date(2024, 3, 1, 10, 0, 0, 0, time.FixedZone("", 8*3600))
	checks := map[string]any{
		"hex": int64(31), "under": int64(1000), "octal": int64(15), "yes_is_text": "yes", "flag": true,
		"quoted_date": "2024-03-01", "list": []any{int64(1), nil, "x"},
		"child": map[string]any{"a": int64(1), "b": int64(3)},
		"ref":   map[string]any{"a": int64(1), "b": int64(2)},
	}
	for k, want := range checks {
		if got := m.Data[k]; !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", k, got, want)
		}
	}
	if got, ok := m.Data["at"].(time.Time); !ok || !got.Equal(at) {
		t.Errorf("at = %#v, want %v", m.Data["at"], at)
	}
	if _, ok := m.Data["empty"]; ok {
		t.Errorf("a null value should leave its key out")
	}
	if _, ok := m.Pos["empty"]; !ok {
		t.Errorf("a null key still has a position")
	}
	if got := m.Position("ref.a"); got != (Position{16, 1}) {
		t.Errorf("key inside an alias at %v, want where the alias is used (16:1)", got)
	}
}

func TestYAMLAliasBomb(t *testing.T) {
	src := "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h"} {
		src += name + ": &" + name + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n"
		prev = name
	}
	src += "---\n"
	if _, _, err := Parse("p.md", []byte(src)); err == nil {
		t.Fatalf("alias expansion to 10^8 values was accepted")
	}
}

func TestDecodeTOML(t *testing.T) {
	m, err := DecodeTOML("site.toml", []byte("\uFEFFtitle = 'x'\n[params]\nk = 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Format != TOML || m.Line != 0 || m.Data["title"] != "x" || m.Pos["params.k"] != (Position{3, 1}) {
		t.Errorf("DecodeTOML = %+v", m)
	}
	_, err = DecodeTOML("site.toml", []byte("a = 1\nb = \n"))
	if err == nil || err.Error() != "site.toml:2:5: toml: expected value but found '\\n' instead" {
		t.Errorf("error = %v", err)
	}
}
