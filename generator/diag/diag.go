// Package diag carries build problems with their source positions.
//
// A problem in a file is an *Error with File, Line and Col; it prints as
// "path:line:col: message", the form editors and terminals link to. A List
// gathers the errors and warnings of one build from many goroutines, keeps the
// Cap of each that come first in file, line and column order, whatever order
// the goroutines report them in, and counts the rest.
//
// List is safe for concurrent use; Error is an immutable value.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Error is one problem at a position in a source file. Line and Col are
// 1-based; zero means unknown and is left out when printed.
type Error struct {
	File string // path as the user would type it, relative to the site where possible
	Line int
	Col  int
	Err  error
}

// Errorf returns an *Error at file:line:col with a formatted message.
func Errorf(file string, line, col int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Col: col, Err: fmt.Errorf(format, args...)}
}

// Error formats the problem as "path:line:col: message".
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
			if e.Col > 0 {
				fmt.Fprintf(&b, ":%d", e.Col)
			}
		}
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// DefaultCap is how many errors a List keeps when its Cap is zero.
const DefaultCap = 100

// List collects the errors and warnings of one build. Its zero value is ready
// to use and keeps DefaultCap of each.
type List struct {
	Cap int // how many of each kind to keep; 0 means DefaultCap

	mu       sync.Mutex
	errs     []error
	warns    []error
	errTotal int
	wrnTotal int
}

func (l *List) limit() int {
	if l.Cap > 0 {
		return l.Cap
	}
	return DefaultCap
}

// Add records err as an error. A nil err is ignored. An error that joins
// several (errors.Join, or a *List) is added one by one.
func (l *List) Add(err error) { l.record(err, &l.errs, &l.errTotal) }

// Warn records err as a warning; warnings never fail a build.
func (l *List) Warn(err error) { l.record(err, &l.warns, &l.wrnTotal) }

// record counts each error err holds in *total and keeps it in *kept
// while the cap allows; past the cap it takes the place of the last kept
// error in sorted order when it sorts before that one, so the kept errors
// are the first Cap in sorted order however the goroutines interleave.
// kept and total point into l and are guarded by l.mu.
func (l *List) record(err error, kept *[]error, total *int) {
	for _, e := range flatten(err) {
		l.mu.Lock()
		*total++
		if len(*kept) < l.limit() {
			*kept = append(*kept, e)
		} else if last := lastSorted(*kept); less(e, (*kept)[last]) {
			(*kept)[last] = e
		}
		l.mu.Unlock()
	}
}

// lastSorted returns the index of the error of list that sorts last.
func lastSorted(list []error) int {
	last := 0
	for i := 1; i < len(list); i++ {
		if less(list[last], list[i]) {
			last = i
		}
	}
	return last
}

// Errorf adds an *Error at a position.
func (l *List) Errorf(file string, line, col int, format string, args ...any) {
	l.Add(Errorf(file, line, col, format, args...))
}

// Warnf adds a warning at a position.
func (l *List) Warnf(file string, line, col int, format string, args ...any) {
	l.Warn(Errorf(file, line, col, format, args...))
}

// HasErrors reports whether any error was added.
func (l *List) HasErrors() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.errTotal > 0
}

// Errors returns the kept errors sorted by file, line and column, and how
// many more were dropped by the cap.
func (l *List) Errors() ([]error, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return sorted(l.errs), l.errTotal - len(l.errs)
}

// Warnings returns the kept warnings, sorted, and how many more were dropped.
func (l *List) Warnings() ([]error, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return sorted(l.warns), l.wrnTotal - len(l.warns)
}

// Err returns nil when no error was added, else an error whose message lists
// every kept error on its own line and the count of the rest.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	errs, more := l.Errors()
	return &Errors{List: errs, More: more}
}

// Errors is the error a failed build returns: every kept problem, in order.
type Errors struct {
	List []error
	More int // problems beyond the cap
}

// Error prints one problem a line.
func (e *Errors) Error() string {
	var b strings.Builder
	for i, err := range e.List {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(err.Error())
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "\n... and %d more errors", e.More)
	}
	return b.String()
}

// Unwrap returns the kept errors, so errors.As finds an *Error among them.
func (e *Errors) Unwrap() []error { return e.List }

func flatten(err error) []error {
	if err == nil {
		return nil
	}
	var many *Errors
	if errors.As(err, &many) && error(many) == err {
		return append([]error(nil), many.List...)
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

func sorted(in []error) []error {
	out := append([]error(nil), in...)
	sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
	return out
}

// less orders errors by file, line, column, then message.
func less(x, y error) bool {
	a, b := position(x), position(y)
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Col != b.Col {
		return a.Col < b.Col
	}
	return x.Error() < y.Error()
}

func position(err error) Error {
	var e *Error
	if errors.As(err, &e) {
		return Error{File: e.File, Line: e.Line, Col: e.Col}
	}
	return Error{}
}
