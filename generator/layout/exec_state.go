package layout

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
)

// maxCallDepth is text/template's limit on nested template calls.
const maxCallDepth = 100000

// Control flow of a range body, passed up as errors by the compiled
// nodes: they are caught by the innermost range and never leave it.
var (
	errBreak    = errors.New("break")
	errContinue = errors.New("continue")
)

// runFn executes a compiled node with dot as dot.
type runFn func(st *execState, dot reflect.Value) error

// evalFn evaluates a compiled pipeline or argument.
type evalFn func(st *execState, dot reflect.Value) (reflect.Value, error)

// cmdFn evaluates a compiled command of a pipeline; final is the value of
// the command before it, when the command has one.
type cmdFn func(st *execState, dot, final reflect.Value) (reflect.Value, error)

// tmplCode is one compiled template: its body and how many variable
// slots a call of it needs; slot 0 is $.
type tmplCode struct {
	name  string
	body  runFn
	slots int
}

// execState is one compiled execution: where output goes, the variables
// of the templates being executed (a frame per call), and the depth of
// template calls. It is owned by one goroutine.
type execState struct {
	set *Set
	out *bytes.Buffer
	// sink is the Rewinder a top-level execution streams to: once top,
	// its own output buffer, holds spillSize bytes they are written to
	// sink (spilled) and top starts again. nil when output is held whole.
	sink    Rewinder
	top     *bytes.Buffer
	spilled bool
	sinkErr error
	// holding counts the keyed partials streaming into out whose output
	// is taken from out once they end: top is not spilled meanwhile, so
	// where their output starts stays valid.
	holding int
	vars    []reflect.Value
	base    int // where the current frame starts in vars
	depth   int
	stack   []reflect.Value // arguments of the calls being made
	args    [4]any          // scratch arguments of escaper calls
	// dicts are emptied maps given back by the template calls that
	// reuse their dict (see reusedDictCall).
	dicts []map[string]any
	// date is where a printed date is formatted (see dateAction).
	date [64]byte
}

// maxSpareDicts is how many emptied dict maps an execution keeps.
const maxSpareDicts = 16

// takeDict returns an empty map for a dict a template call reuses.
func (st *execState) takeDict() map[string]any {
	if n := len(st.dicts); n > 0 {
		m := st.dicts[n-1]
		st.dicts = st.dicts[:n-1]
		return m
	}
	return make(map[string]any, 8)
}

// giveDict empties m, whose call has returned, and keeps it for another.
func (st *execState) giveDict(m map[string]any) {
	clear(m)
	if len(st.dicts) < maxSpareDicts {
		st.dicts = append(st.dicts, m)
	}
}

// exec runs code with dot as both dot and $, as a top-level execution. A
// panic in the code or in a function it calls becomes an error, which
// sends the execution back to html/template.
func (st *execState) exec(code *tmplCode, dot reflect.Value) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: panic: %v", errExec, r)
		}
	}()
	depth := st.depth
	st.depth = 0
	err = st.call(code, dot)
	st.depth = depth
	return err
}

// nested runs code with data as dot and $ inside this execution, as a
// separate execution (a partial called from a template) would: its depth
// of template calls starts at 0.
func (st *execState) nested(code *tmplCode, data any) error {
	depth := st.depth
	st.depth = 0
	err := st.call(code, dataValue(data))
	st.depth = depth
	return err
}

// call runs code in a new frame whose only variable is $ = dot, as
// {{ template }} does.
func (st *execState) call(code *tmplCode, dot reflect.Value) error {
	if st.depth == maxCallDepth {
		return execErrorf("exceeded maximum template depth (%v)", maxCallDepth)
	}
	base := st.base
	top := len(st.vars)
	// Slots past the end are zero: call clears what it used.
	st.vars = slices.Grow(st.vars, code.slots)[:top+code.slots]
	st.vars[top] = dot
	st.base = top
	st.depth++
	err := code.body(st, dot)
	st.depth--
	clear(st.vars[top:])
	st.vars = st.vars[:top]
	st.base = base
	if err == errBreak || err == errContinue {
		// break and continue are parse errors outside a range.
		return execErrorf("%v outside range", err)
	}
	return err
}

// variable returns the variable in slot i of the current frame.
func (st *execState) variable(i int) reflect.Value { return st.vars[st.base+i] }

// setVariable sets the variable in slot i of the current frame.
func (st *execState) setVariable(i int, v reflect.Value) { st.vars[st.base+i] = v }
