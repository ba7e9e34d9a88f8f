package config

// Audience is who may see a page. The levels are ordered: Public < Funders
// < Team, and a build for one audience includes everything at or below it.
type Audience string

// The audiences, lowest first.
const (
	// Public is anyone on the internet.
	Public Audience = "public"
	// Funders are the program's funders and partners.
	Funders Audience = "funders"
	// Team is the program team; it may see everything.
	Team Audience = "team"
)

// Audiences lists the valid audiences, lowest first.
func Audiences() []Audience { return []Audience{Public, Funders, Team} }

// Valid reports whether a is one of Public, Funders and Team.
func (a Audience) Valid() bool {
	return a == Public || a == Funders || a == Team
}

// Rank returns the audience's level: 0 for Public, 1 for Funders, 2 for
// Team, and -1 for an invalid audience.
func (a Audience) Rank() int {
	switch a {
	case Public:
		return 0
	case Funders:
		return 1
	case Team:
		return 2
	}
	return -1
}
