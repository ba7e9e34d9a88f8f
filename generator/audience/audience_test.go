package audience

import (
	"testing"
	"time"
)

func TestDecide(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	date := now.AddDate(-1, 0, 0)
	ok := Consent{Publish: true, Date: date, Scope: []string{"portfolio", "name"}}
	withdrawn := ok
	withdrawn.Withdrawn = now.AddDate(0, -1, 0)
	later := ok
	later.Withdrawn = now.AddDate(0, 1, 0)
	story := Consent{Publish: true, ReviewedBy: "社工 李"}
	cases := []struct {
		name string
		in   Input
		want Level
	}{
		{"plain page defaults public", Input{}, Public},
		{"plain page field team", Input{Field: "team"}, Team},
		{"site default funders", Input{Default: Funders}, Funders},
		{"field widens site default", Input{Default: Funders, Field: "public"}, Public},
		{"section narrows page", Input{Field: "public", Inherits: Team}, Team},
		{"leader without consent", Input{Kind: "leader", Field: "public"}, Team},
		{"leader with consent", Input{Kind: "leader", Consent: ok}, Public},
		{"leader consent without date", Input{Kind: "leader", Consent: Consent{Publish: true, Scope: []string{"portfolio"}}}, Team},
		{"leader without portfolio scope", Input{Kind: "leader", Consent: Consent{Publish: true, Date: date, Scope: []string{"name"}}}, Team},
		{"leader withdrawn", Input{Kind: "leader", Field: "public", Consent: withdrawn}, Team},
		// The contract: a withdrawal date, whatever it is, unpublishes from
		// the next build on; a date after the build's clock is no reason to
		// keep publishing someone who has withdrawn.
		{"leader withdrawal dated later", Input{Kind: "leader", Consent: later}, Team},
		{"case withdrawal dated later", Input{Kind: "case", Field: "public", Consent: Consent{Publish: true, ReviewedBy: "社工 李", Withdrawn: now.AddDate(0, 0, 1)}}, Team},
		{"leader with consent, field funders", Input{Kind: "leader", Field: "funders", Consent: ok}, Funders},
		{"case default", Input{Kind: "case", Field: "public"}, Team},
		{"case consent not reviewed", Input{Kind: "case", Field: "public", Consent: Consent{Publish: true}}, Team},
		{"case story", Input{Kind: "case", Consent: story}, Funders},
		{"case story public", Input{Kind: "case", Field: "public", Consent: story}, Public},
		{"case story field team", Input{Kind: "case", Field: "team", Consent: story}, Team},
		// Consent is needed, not enough: the site's default for the type
		// still applies to a page whose file names no audience.
		{"leader with consent, site default team", Input{Kind: "leader", Default: Team, Consent: ok}, Team},
		{"leader with consent, site default funders", Input{Kind: "leader", Default: Funders, Consent: ok}, Funders},
		{"case story, site default team", Input{Kind: "case", Default: Team, Consent: story}, Team},
		{"case story, site default public", Input{Kind: "case", Default: Public, Consent: story}, Funders},
		{"case story public, site default team", Input{Kind: "case", Default: Team, Field: "public", Consent: story}, Public},
		{"case withdrawn", Input{Kind: "case", Field: "public", Consent: Consent{Publish: true, ReviewedBy: "社工 李", Withdrawn: now.AddDate(0, -1, 0)}}, Team},
	}
	for _, c := range cases {
		d, err := Decide(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
		if d.Level != c.want {
			t.Errorf("%s: %v (%s), want %v", c.name, d.Level, d.Reason, c.want)
		}
	}
}

func TestUnknownAudienceFailsClosed(t *testing.T) {
	d, err := Decide(Input{Field: "pubic"})
	if err == nil {
		t.Fatal("want an error for an unknown audience")
	}
	if d.Level != Team {
		t.Errorf("unknown audience decided %v, want team", d.Level)
	}
}

func TestParseRoundTrip(t *testing.T) {
	for _, l := range []Level{Public, Funders, Team} {
		got, err := Parse(l.String())
		if err != nil || got != l {
			t.Errorf("%v: %v %v", l, got, err)
		}
	}
}
