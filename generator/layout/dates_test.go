package layout

import (
	"reflect"
	"testing"
	"time"
)

// TestFormatDateValueEqualsDateFormat wants the fast path for a
// time.Time argument to give what dateFormat gives for the boxed value,
// for addressable, interface-held and pointer dates and for the values
// that take the general path.
func TestFormatDateValueEqualsDateFormat(t *testing.T) {
	d := time.Date(2026, 6, 14, 9, 30, 0, 0, time.FixedZone("X", 3600))
	holder := struct {
		D    time.Time
		Z    time.Time
		A    any
		P    *time.Time
		NilP *time.Time
	}{D: d, A: d, P: &d}
	addr := reflect.ValueOf(&holder).Elem()
	tests := []struct {
		name string
		v    reflect.Value
	}{
		{"addressable time", addr.Field(0)},
		{"zero time", addr.Field(1)},
		{"interface field", addr.Field(2)},
		{"time in interface", addr.Field(2).Elem()},
		{"pointer", addr.Field(3)},
		{"nil pointer", addr.Field(4)},
		{"plain time", reflect.ValueOf(d)},
		{"text", reflect.ValueOf(" 2024-05-06 ")},
		{"bad text", reflect.ValueOf("soon")},
		{"number", reflect.ValueOf(3)},
		{"invalid", reflect.Value{}},
	}
	for _, layout := range []string{"2006-01-02", "Jan 2, 2006 15:04 MST", ""} {
		for _, tt := range tests {
			got, gotErr := formatDateValue(layout, tt.v)
			want, wantErr := dateFormat(layout, anyOf(tt.v))
			if got != want || (gotErr == nil) != (wantErr == nil) || (gotErr != nil && gotErr.Error() != wantErr.Error()) {
				t.Errorf("%s %q: formatDateValue = %q, %v; dateFormat = %q, %v", tt.name, layout, got, gotErr, want, wantErr)
			}
		}
	}
}

// TestFormatDateValueDoesNotBoxTime wants a time.Time field formatted
// with one allocation, the text itself: copying the date into an
// interface would make it two.
func TestFormatDateValueDoesNotBoxTime(t *testing.T) {
	holder := struct{ D time.Time }{D: time.Date(2026, 6, 14, 0, 0, 0, 0, time.UTC)}
	v := reflect.ValueOf(&holder).Elem().Field(0)
	if n := testing.AllocsPerRun(100, func() { _, _ = formatDateValue("2006-01-02", v) }); n > 1 {
		t.Errorf("formatDateValue allocates %v times per call, want at most 1", n)
	}
}

// TestDateFormatCallsTakeFastPath wants the registered dateFormat to be
// recognised by both the printed and the general direct call, and a
// site's own dateFormat (another type) not to be.
func TestDateFormatCallsTakeFastPath(t *testing.T) {
	if call, _ := textCallOf(dateFormatFunc(dateFormat)); call == nil {
		t.Error("textCallOf(dateFormatFunc) = nil, want a direct call")
	}
	if directCall(dateFormatFunc(dateFormat)) == nil {
		t.Error("directCall(dateFormatFunc) = nil, want a direct call")
	}
	own := func(string, any) (string, error) { return "own", nil }
	call, _ := textCallOf(own)
	if call == nil {
		t.Fatal("textCallOf(own dateFormat) = nil")
	}
	if s, err := call([]reflect.Value{reflect.ValueOf("2006"), reflect.ValueOf(time.Now())}); s != "own" || err != nil {
		t.Errorf("own dateFormat printed %q, %v; want its own text", s, err)
	}
}
