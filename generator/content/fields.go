package content

import (
	"fmt"
	"time"

	"github.com/sineng/sineng/generator/dates"
	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/frontmatter"
)

// fieldDecoder reads typed values out of a page's front matter and reports
// a wrong type at the key's position.
type fieldDecoder struct {
	page   *Page
	errs   *[]error
	failed bool
}

func (d *fieldDecoder) fail(key, want string, v any) {
	line, col := d.page.Position(key)
	*d.errs = append(*d.errs, diag.Errorf(d.page.File, line, col, "%s must be %s, not %s", key, want, describe(v)))
	d.failed = true
}

func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("the string %q", v)
	case bool:
		return fmt.Sprintf("the boolean %v", v)
	case int64, float64:
		return fmt.Sprintf("the number %v", v)
	case time.Time:
		return "a date"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

func (d *fieldDecoder) str(key string) string {
	v, ok := d.page.Matter.Data[key]
	if !ok || v == nil {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		d.fail(key, "a string", v)
	}
	return s
}

func (d *fieldDecoder) boolean(key string) bool {
	v, ok := d.page.Matter.Data[key]
	if !ok || v == nil {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		d.fail(key, "true or false", v)
	}
	return b
}

func (d *fieldDecoder) integer(key string) int {
	v, ok := d.page.Matter.Data[key]
	if !ok || v == nil {
		return 0
	}
	switch n := v.(type) {
	case int64:
		return int(n)
	case float64:
		if n == float64(int(n)) {
			return int(n)
		}
	}
	d.fail(key, "a whole number", v)
	return 0
}

func (d *fieldDecoder) date(key string) time.Time {
	v, ok := d.page.Matter.Data[key]
	if !ok || v == nil {
		return time.Time{}
	}
	t, err := dates.Parse(v)
	if err != nil {
		d.fail(key, "a date (YYYY-MM-DD)", v)
	}
	return t
}

func (d *fieldDecoder) strings(key string) []string {
	v, ok := d.page.Matter.Data[key]
	if !ok || v == nil {
		return nil
	}
	switch l := v.(type) {
	case string:
		return []string{l}
	case []any:
		out := make([]string, 0, len(l))
		for i, e := range l {
			s, ok := e.(string)
			if !ok {
				d.fail(frontmatter.JoinIndex(key, i), "a string", e)
				continue
			}
			out = append(out, s)
		}
		return out
	}
	d.fail(key, "a list of strings", v)
	return nil
}
