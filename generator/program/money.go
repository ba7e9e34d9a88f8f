package program

import (
	"math"
	"strconv"

	"github.com/sineng/sineng/generator/text"
)

// Money is an amount in whole cents (hundredths of the currency unit). Keeping
// cents in an int64 makes budget sums and the equality checks exact, which
// float64 amounts would not be. The currency is carried beside it (see
// Funding.Currency).
type Money int64

// String formats the amount with thousands separators and two decimals, for
// example "12,345.00" or "-3.50".
func (m Money) String() string {
	n := int64(m)
	neg := n < 0
	u := uint64(n)
	if neg {
		u = uint64(-n) // two's complement: correct for MinInt64 as well
	}
	units, cents := u/100, u%100
	s := strconv.FormatUint(units, 10) + "." + string([]byte{byte('0' + cents/10), byte('0' + cents%10)})
	if neg {
		s = "-" + s
	}
	return text.GroupDigits(s)
}

// Units returns the amount in currency units, for arithmetic that needs a
// fraction (shares, charts); never use it to add amounts.
func (m Money) Units() float64 { return float64(m) / 100 }

// moneyError is a problem with an amount; a constant, so the package holds
// no mutable error values.
type moneyError string

func (e moneyError) Error() string { return string(e) }

const (
	errMoneyRange    moneyError = "is too large"
	errMoneyDecimals moneyError = "has more than two decimals"
)

// moneyFromInt returns a whole number of currency units as Money.
func moneyFromInt(v int64) (Money, error) {
	if v > math.MaxInt64/100 || v < math.MinInt64/100 {
		return 0, errMoneyRange
	}
	return Money(v * 100), nil
}

// moneyFromFloat returns an amount written with up to two decimals as Money.
func moneyFromFloat(v float64) (Money, error) {
	c := v * 100
	if math.IsNaN(c) || math.IsInf(c, 0) || math.Abs(c) >= 1<<62 {
		return 0, errMoneyRange
	}
	r := math.Round(c)
	if math.Abs(c-r) > 1e-6*math.Max(1, math.Abs(c)) {
		return 0, errMoneyDecimals
	}
	return Money(r), nil
}

// times returns quantity × m, rounded to the cent (half away from zero).
func (m Money) times(quantity float64) Money {
	return Money(math.Round(quantity * float64(m)))
}
