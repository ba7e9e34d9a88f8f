package program

// Scope is one thing a leader's consent lets the site show beyond the team.
type Scope string

// The consent scopes.
const (
	ScopePortfolio Scope = "portfolio" // the leader's portfolio page and evidence
	ScopeName      Scope = "name"      // the real name
	ScopePhoto     Scope = "photo"     // the photo
	ScopeQuotes    Scope = "quotes"    // testimonials
)

// Scopes returns the allowed consent scopes in a fresh slice.
func Scopes() []Scope { return []Scope{ScopePortfolio, ScopeName, ScopePhoto, ScopeQuotes} }

// Status is where a project stands.
type Status string

// The project statuses, in the order a project moves through them.
const (
	StatusDrafting   Status = "drafting"
	StatusSubmitted  Status = "submitted"
	StatusFunded     Status = "funded"
	StatusDelivering Status = "delivering"
	StatusCompleted  Status = "completed"
	StatusDeclined   Status = "declined"
)

// Statuses returns the project statuses in order, in a fresh slice.
func Statuses() []Status {
	return []Status{StatusDrafting, StatusSubmitted, StatusFunded, StatusDelivering, StatusCompleted, StatusDeclined}
}

// Scheme is the kind of funding a project applies for.
type Scheme string

// The funding schemes.
const (
	SchemePublicWelfareVenture Scheme = "public-welfare-venture" // 公益创投
	SchemeMicroVenture         Scheme = "micro-venture"          // 社区微创投
	SchemeOther                Scheme = "other"
)

// Schemes returns the funding schemes in a fresh slice.
func Schemes() []Scheme { return []Scheme{SchemePublicWelfareVenture, SchemeMicroVenture, SchemeOther} }

// FundSource is where the money for a budget line comes from.
type FundSource string

// The budget line sources. SourceUnspecified is a line that names none.
const (
	SourceRequested   FundSource = "requested" // asked of the funder
	SourceSelf        FundSource = "self"      // raised by the team
	SourceInKind      FundSource = "in-kind"   // goods, rooms or time given
	SourcePartner     FundSource = "partner"   // from a partner organisation
	SourceUnspecified FundSource = ""
)

// FundSources returns the allowed budget line sources in a fresh slice.
func FundSources() []FundSource {
	return []FundSource{SourceRequested, SourceSelf, SourceInKind, SourcePartner}
}

// ExchangeKind is the format of a peer-learning exchange.
type ExchangeKind string

// The exchange kinds.
const (
	ExchangeThematic   ExchangeKind = "thematic"
	ExchangeMobile     ExchangeKind = "mobile"
	ExchangeStudyVisit ExchangeKind = "study-visit"
	ExchangeSharing    ExchangeKind = "sharing"
)

// ExchangeKinds returns the exchange kinds in a fresh slice.
func ExchangeKinds() []ExchangeKind {
	return []ExchangeKind{ExchangeThematic, ExchangeMobile, ExchangeStudyVisit, ExchangeSharing}
}

// Topic is the subject of a peer-learning exchange.
type Topic string

// The exchange topics.
const (
	TopicProjectDesign      Topic = "project-design"
	TopicProjectApplication Topic = "project-application"
	TopicCommunication      Topic = "communication"
	TopicTeamLeadership     Topic = "team-leadership"
	TopicBottleneck         Topic = "bottleneck"
)

// Topics returns the exchange topics in a fresh slice.
func Topics() []Topic {
	return []Topic{TopicProjectDesign, TopicProjectApplication, TopicCommunication, TopicTeamLeadership, TopicBottleneck}
}
