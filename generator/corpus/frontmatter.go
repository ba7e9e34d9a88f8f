package corpus

import (
	"strconv"
	"strings"
)

// frontMatter writes one page's front matter as TOML (+++) or, for flat
// pages, YAML (---). Tables and arrays of tables are TOML only; keys must be
// written before the first table.
type frontMatter struct {
	b    strings.Builder
	yaml bool
}

// newFrontMatter opens a front-matter block.
func newFrontMatter(yaml bool) *frontMatter {
	f := &frontMatter{yaml: yaml}
	f.b.Grow(512)
	f.b.WriteString(f.fence())
	return f
}

func (f *frontMatter) fence() string {
	if f.yaml {
		return "---\n"
	}
	return "+++\n"
}

func (f *frontMatter) key(k string) {
	f.b.WriteString(k)
	if f.yaml {
		f.b.WriteString(": ")
	} else {
		f.b.WriteString(" = ")
	}
}

// str writes a string value.
func (f *frontMatter) str(k, v string) {
	f.key(k)
	f.b.WriteString(quote(v))
	f.b.WriteByte('\n')
}

// strs writes an inline array of strings.
func (f *frontMatter) strs(k string, vs []string) {
	f.key(k)
	f.b.WriteByte('[')
	for i, v := range vs {
		if i > 0 {
			f.b.WriteString(", ")
		}
		f.b.WriteString(quote(v))
	}
	f.b.WriteString("]\n")
}

// num writes an integer value.
func (f *frontMatter) num(k string, n int) {
	f.key(k)
	f.b.WriteString(strconv.Itoa(n))
	f.b.WriteByte('\n')
}

// money writes an amount given in fen (1/100 yuan) as an integer when whole
// and as a decimal otherwise.
func (f *frontMatter) money(k string, fen int) {
	f.key(k)
	f.b.WriteString(formatMoney(fen))
	f.b.WriteByte('\n')
}

// date writes a bare date (a TOML local date; a YAML timestamp).
func (f *frontMatter) date(k string, d day) {
	f.key(k)
	f.b.WriteString(d.String())
	f.b.WriteByte('\n')
}

// boolean writes a boolean value.
func (f *frontMatter) boolean(k string, v bool) {
	f.key(k)
	f.b.WriteString(strconv.FormatBool(v))
	f.b.WriteByte('\n')
}

// table opens a TOML table such as [consent].
func (f *frontMatter) table(name string) {
	f.b.WriteString("\n[" + name + "]\n")
}

// arrayTable opens one element of a TOML array of tables such as [[budget]].
func (f *frontMatter) arrayTable(name string) {
	f.b.WriteString("\n[[" + name + "]]\n")
}

// page closes the block and appends body, returning the file bytes.
func (f *frontMatter) page(body string) []byte {
	f.b.WriteString(f.fence())
	f.b.WriteByte('\n')
	f.b.WriteString(body)
	return []byte(f.b.String())
}

// quote returns s as a double-quoted string valid in both TOML and YAML.
func quote(s string) string {
	if !strings.ContainsAny(s, "\"\\") {
		return `"` + s + `"`
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r == '"' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// formatMoney renders fen as yuan: "1200" or "12.5".
func formatMoney(fen int) string {
	s := strconv.Itoa(fen / 100)
	if c := fen % 100; c != 0 {
		frac := strings.TrimRight(strconv.Itoa(100 + c)[1:], "0")
		s += "." + frac
	}
	return s
}
