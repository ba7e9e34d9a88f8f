package config

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/frontmatter"
)

// decoder moves decoded TOML values into typed fields, reporting every
// problem at the position of its key. It is used by one goroutine.
type decoder struct {
	file string
	pos  map[string]frontmatter.Position
	list diag.List
}

// setter stores the value found at path.
type setter func(path string, v any)

// fields maps a table's keys, in lower case, to their setters.
type fields map[string]setter

func (d *decoder) at(path string) (line, col int) {
	if p, ok := frontmatter.Nearest(d.pos, path); ok {
		return p.Line, p.Col
	}
	return 1, 1
}

func (d *decoder) errorf(path, format string, args ...any) {
	line, col := d.at(path)
	d.list.Errorf(d.file, line, col, format, args...)
}

func (d *decoder) warnf(path, format string, args ...any) {
	line, col := d.at(path)
	d.list.Warnf(d.file, line, col, format, args...)
}

// table decodes v, found at path, as a table with the given keys.
func (d *decoder) table(f fields) setter {
	return func(path string, v any) {
		if m, ok := d.toTable(path, v); ok {
			d.fields(path, m, f)
		}
	}
}

// fields hands each key of m to its setter; keys match without regard to
// case, and a key without a setter is a warning.
func (d *decoder) fields(path string, m map[string]any, f fields) {
	seen := make(map[string]string, len(m))
	for _, k := range d.keysInFileOrder(path, m) {
		p := frontmatter.JoinKey(path, k)
		lower := strings.ToLower(k)
		set, ok := f[lower]
		if !ok {
			d.warnf(p, "unknown key %q", p)
			continue
		}
		if prev, dup := seen[lower]; dup {
			d.errorf(p, "key %q repeats %q (keys are not case-sensitive)", p, frontmatter.JoinKey(path, prev))
			continue
		}
		seen[lower] = k
		set(p, m[k])
	}
}

func (d *decoder) toTable(path string, v any) (map[string]any, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		d.errorf(path, "%s must be a table, not %s", path, describe(v))
	}
	return m, ok
}

func (d *decoder) toArray(path string, v any) ([]any, bool) {
	a, ok := v.([]any)
	if !ok {
		d.errorf(path, "%s must be an array, not %s", path, describe(v))
	}
	return a, ok
}

func (d *decoder) toString(path string, v any) (string, bool) {
	s, ok := v.(string)
	if !ok {
		d.errorf(path, "%s must be a string, not %s", path, describe(v))
	}
	return s, ok
}

func (d *decoder) toInt(path string, v any) (int, bool) {
	i, ok := v.(int64)
	if !ok {
		d.errorf(path, "%s must be an integer, not %s", path, describe(v))
		return 0, false
	}
	if int64(int(i)) != i {
		d.errorf(path, "%s is out of range", path)
		return 0, false
	}
	return int(i), true
}

func (d *decoder) toAudience(path string, v any) (Audience, bool) {
	s, ok := d.toString(path, v)
	if !ok {
		return "", false
	}
	if a := Audience(s); a.Valid() {
		return a, true
	}
	d.errorf(path, "%s: unknown audience %q (want public, funders or team)", path, s)
	return "", false
}

// str stores a string.
func (d *decoder) str(dst *string) setter {
	return func(path string, v any) {
		if s, ok := d.toString(path, v); ok {
			*dst = s
		}
	}
}

// boolean stores a boolean.
func (d *decoder) boolean(dst *bool) setter {
	return func(path string, v any) {
		if b, ok := v.(bool); ok {
			*dst = b
			return
		}
		d.errorf(path, "%s must be true or false, not %s", path, describe(v))
	}
}

// integer stores an integer.
func (d *decoder) integer(dst *int) setter {
	return func(path string, v any) {
		if i, ok := d.toInt(path, v); ok {
			*dst = i
		}
	}
}

// positive stores an integer above 0.
func (d *decoder) positive(dst *int) setter {
	return func(path string, v any) {
		i, ok := d.toInt(path, v)
		if !ok {
			return
		}
		if i <= 0 {
			d.errorf(path, "%s must be more than 0, not %d", path, i)
			return
		}
		*dst = i
	}
}

// audience stores an audience.
func (d *decoder) audience(dst *Audience) setter {
	return func(path string, v any) {
		if a, ok := d.toAudience(path, v); ok {
			*dst = a
		}
	}
}

// stringList stores an array of strings.
func (d *decoder) stringList(dst *[]string) setter {
	return func(path string, v any) {
		items, ok := d.toArray(path, v)
		if !ok {
			return
		}
		out := make([]string, 0, len(items))
		for i, item := range items {
			if s, ok := d.toString(frontmatter.JoinIndex(path, i), item); ok {
				out = append(out, s)
			}
		}
		*dst = out
	}
}

// freeForm stores a table as it is, for keys that are never checked.
func (d *decoder) freeForm(dst *map[string]any) setter {
	return func(path string, v any) {
		if m, ok := d.toTable(path, v); ok {
			*dst = m
		}
	}
}

// describe names a decoded TOML value's type for messages, with the value
// when it is short.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		if len(v) > 40 {
			return "a string"
		}
		return fmt.Sprintf("a string (%q)", v)
	case int64:
		return fmt.Sprintf("an integer (%d)", v)
	case float64:
		return fmt.Sprintf("a float (%g)", v)
	case bool:
		return fmt.Sprintf("a boolean (%t)", v)
	case time.Time:
		return "a date"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a %T", v)
}

// keysInFileOrder returns the keys of the table at path in the order they
// are written, so a repeated value is reported where it repeats.
func (d *decoder) keysInFileOrder(path string, m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		li, ci := d.at(frontmatter.JoinKey(path, keys[i]))
		lj, cj := d.at(frontmatter.JoinKey(path, keys[j]))
		if li != lj {
			return li < lj
		}
		if ci != cj {
			return ci < cj
		}
		return keys[i] < keys[j]
	})
	return keys
}
