// Package dates reads the dates of front matter and templates, the one set
// of forms the content model allows: a decoded TOML or YAML date, or text
// written YYYY-MM-DD, YYYY-MM-DD hh:mm[:ss], YYYY-MM-DDThh:mm:ss or RFC 3339.
// A date written without a zone is UTC, so a build means the same on every
// machine.
package dates

import (
	"fmt"
	"strings"
	"time"
)

// layouts are the text forms, tried in order. RFC 3339 also takes
// fractional seconds when parsing.
var layouts = [...]string{
	time.DateOnly,
	time.RFC3339,
	"2006-01-02T15:04:05",
	time.DateTime,
	"2006-01-02 15:04",
}

// Parse reads a date: a time.Time as a TOML or YAML decoder gives it (a
// local date or date-time becomes the same wall clock in UTC), or text in
// one of the forms of the package comment, spaces around it ignored.
func Parse(v any) (time.Time, error) {
	switch t := v.(type) {
	case time.Time:
		if isLocal(t) {
			return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC), nil
		}
		return t, nil
	case string:
		s := strings.TrimSpace(t)
		for _, layout := range layouts {
			if tm, err := time.Parse(layout, s); err == nil {
				return tm, nil
			}
		}
		return time.Time{}, fmt.Errorf("not a date: %q", t)
	}
	return time.Time{}, fmt.Errorf("not a date: %v", v)
}

// isLocal reports whether t came from a TOML local date or date-time, which
// the decoder places in a zone named after the local form.
func isLocal(t time.Time) bool {
	switch t.Location().String() {
	case "date-local", "datetime-local", "time-local", "Local":
		return true
	}
	return false
}
