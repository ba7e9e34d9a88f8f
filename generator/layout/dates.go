package layout

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/sineng/sineng/generator/dates"
)

// dateFormatFunc is the type the "dateFormat" function is registered
// with: a name of its own lets a compiled call recognise it (a site's own
// "dateFormat" has another type) and hand it a time.Time without boxing.
type dateFormatFunc func(layout string, v any) (string, error)

// formatDateValue is dateFormat for an argument value v: a time.Time is
// read out of v in place, as copying it into an interface would cost an
// allocation per call; any other value goes through dateFormat.
func formatDateValue(layout string, v reflect.Value) (string, error) {
	if v.IsValid() {
		if t, ok := reflect.TypeAssert[time.Time](v); ok {
			return formatTime(layout, t), nil
		}
	}
	return dateFormat(layout, anyOf(v))
}

// formatTime is t in layout, or "" for the zero time.
func formatTime(layout string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(layout)
}

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
	return formatTime(layout, t), nil
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
