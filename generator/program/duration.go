package program

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ParseDuration parses a session length written as hours and minutes, "90m",
// "1h30m", "2h", "1.5h" or "1h 30m", and returns it in whole minutes. Hours
// come before minutes, each at most once; the result must be a positive whole
// number of minutes.
func ParseDuration(s string) (int, error) {
	rest := strings.TrimSpace(s)
	if rest == "" {
		return 0, fmt.Errorf("empty duration")
	}
	var total float64
	lastUnit := 0 // 0 none, 1 hours, 2 minutes
	for rest != "" {
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.') {
			i++
		}
		if i == 0 {
			return 0, fmt.Errorf("%q: expected a number at %q", s, rest)
		}
		n, err := strconv.ParseFloat(rest[:i], 64)
		if err != nil {
			return 0, fmt.Errorf("%q: bad number %q", s, rest[:i])
		}
		rest = rest[i:]
		var unit int
		switch {
		case strings.HasPrefix(rest, "h"):
			unit, total = 1, total+n*60
		case strings.HasPrefix(rest, "m"):
			unit, total = 2, total+n
		default:
			return 0, fmt.Errorf("%q: a number needs a unit, h or m", s)
		}
		if unit <= lastUnit {
			return 0, fmt.Errorf("%q: write hours before minutes, each once", s)
		}
		lastUnit = unit
		rest = strings.TrimLeft(rest[1:], " ")
	}
	whole := math.Round(total)
	if math.Abs(total-whole) > 1e-9 {
		return 0, fmt.Errorf("%q is not a whole number of minutes", s)
	}
	total = whole
	if total <= 0 || total > 100000 {
		return 0, fmt.Errorf("%q is not a positive session length", s)
	}
	return int(total), nil
}
