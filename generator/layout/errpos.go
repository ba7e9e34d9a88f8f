package layout

import (
	"strconv"
	"strings"

	"github.com/sineng/sineng/generator/diag"
)

// position is a place in a template file named in an error message.
type position struct {
	file      string
	line, col int
	start     int // where the location begins in the message
	end       int // where the text after "name:line[:col]: " begins
}

// locate finds every "template: NAME:LINE[:COL]: " (text/template) and
// "html/template:NAME:LINE:COL: " (escaper) location in msg whose NAME is a
// known template, in order. files maps template names to their file paths.
// Columns in those messages count bytes from 0; positions count from 1.
func locate(msg string, files map[string]string) []position {
	var out []position
	for i := 0; i < len(msg); {
		k := strings.Index(msg[i:], "template:")
		if k < 0 {
			break
		}
		at := i + k
		rest := strings.TrimPrefix(msg[at+len("template:"):], " ")
		i = at + len("template:")
		name, file := longestKnownPrefix(rest, files)
		if name == "" {
			continue
		}
		nums := rest[len(name):]
		line, n := leadingNumber(nums)
		if n == 0 {
			continue
		}
		nums = nums[n:]
		col := 0
		if c, m := leadingNumber(nums); m > 0 {
			col, nums = c+1, nums[m:]
		}
		if !strings.HasPrefix(nums, ": ") {
			continue
		}
		end := len(msg) - len(nums) + len(": ")
		out = append(out, position{file: file, line: line, col: col, start: at, end: end})
		i = end
	}
	return out
}

// String formats the position as "file:line:col", leaving out unknown parts.
func (p position) String() string {
	s := p.file + ":" + strconv.Itoa(p.line)
	if p.col > 0 {
		s += ":" + strconv.Itoa(p.col)
	}
	return s
}

// leadingNumber reads ":123" at the start of s; it returns the number and how
// many bytes it took, or 0 bytes when s does not start so.
func leadingNumber(s string) (int, int) {
	if !strings.HasPrefix(s, ":") {
		return 0, 0
	}
	j := 1
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == 1 {
		return 0, 0
	}
	v, err := strconv.Atoi(s[1:j])
	if err != nil {
		return 0, 0
	}
	return v, j
}

func longestKnownPrefix(s string, files map[string]string) (string, string) {
	best, file := "", ""
	for name, f := range files {
		if len(name) > len(best) && strings.HasPrefix(s, name) && strings.HasPrefix(s[len(name):], ":") {
			best, file = name, f
		}
	}
	return best, file
}

// positioned turns a template error into a *diag.Error at the innermost
// position its message names; outer positions (the callers of a partial)
// follow the message as "via FILE:LINE:COL". Without any position the error
// is put on fallback, the file being executed or parsed.
func positioned(err error, files map[string]string, fallback string) *diag.Error {
	msg := err.Error()
	locs := locate(msg, files)
	if len(locs) == 0 {
		return &diag.Error{File: fallback, Err: err}
	}
	in := locs[len(locs)-1]
	text := msg[in.end:]
	for i := len(locs) - 2; i >= 0; i-- {
		text += "; via " + locs[i].String()
	}
	return &diag.Error{File: in.file, Line: in.line, Col: in.col, Err: &templateError{msg: text, cause: err}}
}

// templateError is a template failure re-worded for its position; it still
// unwraps to the original error.
type templateError struct {
	msg   string
	cause error
}

func (e *templateError) Error() string { return e.msg }
func (e *templateError) Unwrap() error { return e.cause }

// guessColumn finds the column of an undefined function's name on the line a
// parse error names, since parse errors carry a line but no column. It
// returns 0 when the message is of another kind or the name is not found.
func guessColumn(text string, line int, msg string) int {
	const head, tail = `function "`, `" not defined`
	i := strings.Index(msg, head)
	if i < 0 || !strings.HasSuffix(msg, tail) {
		return 0
	}
	name := msg[i+len(head) : len(msg)-len(tail)]
	lines := strings.Split(text, "\n")
	if name == "" || line < 1 || line > len(lines) {
		return 0
	}
	l := lines[line-1]
	for from := 0; ; {
		k := strings.Index(l[from:], name)
		if k < 0 {
			return 0
		}
		at := from + k
		end := at + len(name)
		before := at == 0 || !isIdentByte(l[at-1])
		after := end == len(l) || !isIdentByte(l[end])
		if before && after && strings.LastIndex(l[:at], "{{") > strings.LastIndex(l[:at], "}}") {
			return at + 1
		}
		from = end
	}
}

func isIdentByte(b byte) bool {
	return b == '_' || b == '.' || b == '$' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}
