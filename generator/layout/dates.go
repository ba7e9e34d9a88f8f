package layout

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/sineng/sineng/generator/dates"
)

// dateFormat is the "dateFormat" template function: dateFormat LAYOUT DATE
// formats a time.Time (or *time.Time, or text in a form of package dates)
// with a Go time layout such as "2006-01-02". A zero or missing date gives
// "", so an undated page prints nothing.
func dateFormat(layout string, v any) (string, error) {
	var t time.Time
	switch x := v.(type) {
	case nil:
		return "", nil
	case time.Time:
		t = x
	case *time.Time:
		if x == nil {
			return "", nil
		}
		t = *x
	default:
		rv := reflect.ValueOf(v)
		if rv.Kind() != reflect.String {
			return "", fmt.Errorf("dateFormat: %T is not a date", v)
		}
		s := strings.TrimSpace(rv.String())
		if s == "" {
			return "", nil
		}
		var err error
		if t, err = parseDate(s); err != nil {
			return "", fmt.Errorf("dateFormat: %w", err)
		}
	}
	if t.IsZero() {
		return "", nil
	}
	return t.Format(layout), nil
}

// parseDate reads a date given as text in one of the forms of package
// dates.
func parseDate(s string) (time.Time, error) {
	t, err := dates.Parse(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD or RFC 3339)", s)
	}
	return t, nil
}
