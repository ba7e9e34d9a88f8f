package program

// Exchange is a peer-learning material (content/exchange/...).
type Exchange struct {
	Page

	Kind    ExchangeKind // "" when not given
	Topic   Topic        // "" when not given
	Stage   Stage        // "" when not given
	Leaders []string     // ids of the leaders who contributed

	leadersAt []int // see writtenAt
}

// Base returns the page the exchange was decoded from.
func (x *Exchange) Base() Page { return x.Page }

// ItemKind returns KindExchange.
func (x *Exchange) ItemKind() Kind { return KindExchange }

func (x *Exchange) sealed() {}

func decodeExchange(page Page, f fields) *Exchange {
	x := &Exchange{
		Page:  page,
		Kind:  enum(f, "kind", ExchangeKinds()),
		Topic: enum(f, "topic", Topics()),
		Stage: f.stage("stage"),
	}
	leaders := f.list("leaders")
	x.Leaders = elementValues(leaders)
	x.leadersAt = writtenAt(leaders)
	return x
}
