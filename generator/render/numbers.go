package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/sineng/sineng/generator/text"
)

// The numbers of the program views as the theme prints them, worked out in
// Go so a template prints one value instead of making several calls. Each
// gives the same text as the theme's template code it replaces (number.html,
// progress-bar.html and outcome-summary.html): formatNumber's grouping and
// rounding, and the same floating-point steps in the same order.

// number formats x the way partials/number.html does: a whole number
// without decimals, any other number with two, "," between groups of three
// digits. NaN and infinities are an error, as there.
func number(x float64) (string, error) {
	if math.IsNaN(x) || x > math.MaxInt64 || x < math.MinInt64 {
		return "", fmt.Errorf("int: %v is out of range", x)
	}
	if float64(int64(x)) == x {
		return grouped(x, 0), nil
	}
	return grouped(x, 2), nil
}

// grouped writes x with the given number of decimals and "," between
// groups of three digits, as the formatNumber template function writes a
// float; "-0" and "-0.00" lose their sign.
func grouped(x float64, decimals int) string {
	out := text.GroupDigits(strconv.FormatFloat(x, 'f', decimals, 64))
	if strings.Trim(out, "-0.,") == "" {
		out = strings.TrimPrefix(out, "-")
	}
	return out
}

// share returns x as a percentage clamped to 0..100, as the percent
// template function computes x of 1.
func share(x float64) float64 { return math.Min(100, math.Max(0, x/1*100)) }

// ProgressBar is a share (1 = the whole) ready to draw, as
// partials/progress-bar.html draws it.
type ProgressBar struct {
	Width   string // the bar's width in percent of the track, clamped to 0..100, two decimals: "62.50"
	Percent string // the share in percent as printed beside the bar, not clamped: "63"
	Reached bool   // the share is 1 or more
}

// NewProgressBar returns the bar of a share.
func NewProgressBar(x float64) ProgressBar {
	return ProgressBar{Width: grouped(share(x), 2), Percent: grouped(x*100, 0), Reached: x >= 1.0}
}

// QuantityText returns the line's quantity as partials/number.html prints
// it.
func (b BudgetLine) QuantityText() (string, error) { return number(b.Quantity) }

// BaselineText returns the baseline as partials/number.html prints it.
func (o Outcome) BaselineText() (string, error) { return number(o.Baseline) }

// TargetText returns the target as partials/number.html prints it.
func (o Outcome) TargetText() (string, error) { return number(o.Target) }

// ActualText returns the actual value as partials/number.html prints it;
// see Measured.
func (o Outcome) ActualText() (string, error) { return number(o.Actual) }

// ProgressBar returns the outcome's progress ready to draw.
func (o Outcome) ProgressBar() ProgressBar { return NewProgressBar(o.Progress) }

// OutcomeSummary is how far a project's measured outcomes are, as
// partials/outcome-summary.html prints it.
type OutcomeSummary struct {
	Total    int // outcome indicators
	Measured int // indicators with an actual value
	Reached  int // measured indicators at or past their target
	// Mean is the mean progress of the measured indicators, each capped
	// at its target; zero when none is measured.
	Mean ProgressBar
}

// OutcomeSummary returns how far the project's outcomes are.
func (p *ProjectView) OutcomeSummary() OutcomeSummary {
	s := OutcomeSummary{Total: len(p.Outcomes)}
	sum := 0.0
	for _, o := range p.Outcomes {
		if !o.Measured {
			continue
		}
		s.Measured++
		sum += share(o.Progress)
		if o.Progress >= 1.0 {
			s.Reached++
		}
	}
	if s.Measured > 0 {
		s.Mean = NewProgressBar(sum / (float64(s.Measured) * 100.0))
	}
	return s
}
