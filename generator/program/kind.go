package program

// Kind is the kind of a program item.
type Kind string

// The five kinds of program items.
const (
	KindLeader   Kind = "leader"
	KindCase     Kind = "case"
	KindSession  Kind = "session"
	KindProject  Kind = "project"
	KindExchange Kind = "exchange"
)

// Kinds returns the five kinds in a fresh slice.
func Kinds() []Kind {
	return []Kind{KindLeader, KindCase, KindSession, KindProject, KindExchange}
}

// TypeNames returns the page types of kind k: its section's name and its
// singular, as KindOf reads them ("leaders" and "leader").
func TypeNames(k Kind) []string {
	switch k {
	case KindLeader:
		return []string{"leaders", "leader"}
	case KindCase:
		return []string{"cases", "case"}
	case KindSession:
		return []string{"curricula", "session"}
	case KindProject:
		return []string{"projects", "project"}
	case KindExchange:
		return []string{"exchange"}
	}
	return nil
}

// KindOf maps a page type (its top-level section or its `type` field) to the
// kind of program item it is: "leaders" and "leader" are leaders, "cases" and
// "case" cases, "curricula" and "session" sessions, "projects" and "project"
// projects, "exchange" exchanges. Any other type is not a program page and
// KindOf returns false.
func KindOf(typ string) (Kind, bool) {
	switch typ {
	case "leaders", "leader":
		return KindLeader, true
	case "cases", "case":
		return KindCase, true
	case "curricula", "session":
		return KindSession, true
	case "projects", "project":
		return KindProject, true
	case "exchange":
		return KindExchange, true
	}
	return "", false
}
