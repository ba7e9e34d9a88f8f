package layout

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"sync"
	"sync/atomic"
	"text/template/parse"

	"github.com/sineng/sineng/generator/htmlesc"
)

// The compiled executor. Every template a Set executes by name (a page
// template's entry, a partial, a shortcode) is an entry. Before its first
// execution, html/template escapes the entry in a copy of the templates it
// calls (exec_escape.go), the escaped trees are compiled (compile*.go) and
// the compiled code (exec_*.go) executes it from then on. Whatever the
// compiler does not handle leaves the entry on html/template for good; an
// execution of compiled code that fails is run again by html/template,
// whose output and error are then the result.

// entry is a template the Set executes by name.
type entry struct {
	ns   *namespace
	name string

	once      sync.Once
	tried     atomic.Bool              // prepare has run
	code      atomic.Pointer[tmplCode] // nil until compiled, and for good when not supported
	trees     map[string]*parse.Tree   // a partial's or shortcode's: the escaped trees code runs, set with code
	why       atomic.Pointer[string]   // why the entry stays on html/template
	fallbacks atomic.Int64             // compiled executions html/template ran again
}

// prepare escapes and compiles the entry the first time it is called and
// returns its code, or nil when it stays on html/template.
func (e *entry) prepare(s *Set) *tmplCode {
	e.once.Do(func() {
		defer e.tried.Store(true)
		code, trees, err := e.ns.compile(s, e.name)
		if err != nil {
			why := err.Error()
			e.why.Store(&why)
			return
		}
		if e.ns == s.shared {
			e.trees = trees // for the entries that share its code
		}
		e.code.Store(code)
	})
	return e.code.Load()
}

// compiled returns the entry's code and the escaped trees it was compiled
// from, compiling it first, or nil when it stays on html/template. Only
// compilations call it, so never in a Set that interprets.
func (e *entry) compiled(s *Set) (*tmplCode, map[string]*parse.Tree) {
	code := e.prepare(s) // e.trees is set before prepare's Once returns
	return code, e.trees
}

// run executes the entry with data into w. On an error, what was written
// to w is unspecified, as with html/template.
func (s *Set) run(w io.Writer, e *entry, data any) error {
	if code := s.prepared(e); code != nil {
		if done, err := s.runCompiled(w, code, data); done {
			return err
		}
		e.fallbacks.Add(1)
		t, err := e.ns.html(s)
		if err != nil {
			return err
		}
		buf := s.buffer()
		defer s.recycle(buf)
		if err := t.ExecuteTemplate(buf, e.name, data); err != nil {
			return err
		}
		_, err = w.Write(buf.Bytes())
		return err
	}
	t, err := e.ns.html(s)
	if err != nil {
		return err
	}
	return t.ExecuteTemplate(w, e.name, data)
}

// Rewinder is a writer that can drop everything written to it. Execute
// streams a compiled execution's output to one as it is made, in pieces of
// about spillSize bytes, instead of holding a whole page (the printable
// handbook of a big program is tens of megabytes); when a compiled run
// fails, the writer is rewound before html/template runs the template
// again.
type Rewinder interface {
	io.Writer
	// Rewind drops everything written so far; the next Write starts the
	// output again.
	Rewind() error
}

// spillSize is how much output a compiled execution holds before writing
// it to a Rewinder. The output of a keyed partial printed straight into
// the page is held whole, however long, since it is kept from there.
const spillSize = 256 << 10

// spill writes the output held so far to the sink.
func (st *execState) spill() {
	if st.sinkErr == nil {
		_, st.sinkErr = st.sink.Write(st.out.Bytes())
	}
	st.spilled = true
	st.out.Reset()
}

// runCompiled executes code with data and writes its output to w only
// when the execution succeeds, or, for a Rewinder, as it goes. done is
// false when the execution failed and nothing was written (or w was
// rewound); err is then nil, else it is the error writing.
func (s *Set) runCompiled(w io.Writer, code *tmplCode, data any) (done bool, err error) {
	st := s.state()
	defer s.release(st)
	if rw, ok := w.(Rewinder); ok {
		buf := s.buffer()
		defer s.recycle(buf)
		st.out, st.top, st.sink = buf, buf, rw
		if err := st.exec(code, dataValue(data)); err != nil {
			if st.spilled {
				if err := rw.Rewind(); err != nil {
					return true, err
				}
			}
			return false, nil
		}
		if st.sinkErr != nil {
			return true, st.sinkErr
		}
		_, err = w.Write(buf.Bytes())
		return true, err
	}
	if b, ok := w.(*bytes.Buffer); ok {
		n := b.Len()
		st.out = b
		if err := st.exec(code, dataValue(data)); err != nil {
			b.Truncate(n)
			return false, nil
		}
		return true, nil
	}
	buf := s.buffer()
	defer s.recycle(buf)
	st.out = buf
	if err := st.exec(code, dataValue(data)); err != nil {
		return false, nil
	}
	_, err = w.Write(buf.Bytes())
	return true, err
}

// dataValue is the value execution starts from: data, or the value data
// holds when it is a reflect.Value, as text/template has it.
func dataValue(data any) reflect.Value {
	if v, ok := data.(reflect.Value); ok {
		return v
	}
	return reflect.ValueOf(data)
}

// executePartial runs the partial rel with data as dot and returns its
// output. Called from compiled code (st not nil), a compiled partial runs
// in the same execution, so a failure sends the whole execution back to
// html/template.
func (s *Set) executePartial(st *execState, rel string, data any) (template.HTML, error) {
	buf := s.buffer()
	defer s.recycle(buf)
	e := s.entries[rel]
	if code := s.prepared(e); code != nil && st != nil {
		out := st.out
		st.out = buf
		err := st.nested(code, data)
		st.out = out
		if err != nil {
			return "", err
		}
		return template.HTML(buf.String()), nil
	}
	if err := s.run(buf, e, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// streamPartial runs the partial rel with data as dot from compiled code,
// writing its output to st.out.
func (s *Set) streamPartial(st *execState, rel string, data any) error {
	e := s.entries[rel]
	if code := s.prepared(e); code != nil {
		return st.nested(code, data)
	}
	buf := s.buffer()
	defer s.recycle(buf)
	if err := s.run(buf, e, data); err != nil {
		return err
	}
	st.out.Write(buf.Bytes())
	return nil
}

// prepared returns the entry's code, preparing it the first time, or nil
// when the entry runs on html/template.
func (s *Set) prepared(e *entry) *tmplCode {
	if code := e.code.Load(); code != nil || s.interpret || e.tried.Load() {
		return code
	}
	return e.prepare(s)
}

// escaper returns the function html/template inserts into escaped
// pipelines under name, when the Set's escapers provide it.
func (s *Set) escaper(name string) (func(...any) string, bool) {
	f, ok := s.escapers(name)
	if !ok || f == nil {
		return nil, false
	}
	return f, true
}

// textEscaper returns the escaper name applied to text, when the Set has
// one beside the escaper itself.
func (s *Set) textEscaper(name string) htmlesc.TextFunc {
	if s.textEscapers == nil {
		return nil
	}
	if f, ok := s.textEscapers(name); ok {
		return f
	}
	return nil
}

// maxPooledBuffer is the largest buffer kept for reuse.
const maxPooledBuffer = 4 << 20

func (s *Set) buffer() *bytes.Buffer {
	if b, ok := s.buffers.Get().(*bytes.Buffer); ok {
		return b
	}
	return new(bytes.Buffer)
}

func (s *Set) recycle(b *bytes.Buffer) {
	if b.Cap() > maxPooledBuffer {
		return
	}
	b.Reset()
	s.buffers.Put(b)
}

func (s *Set) state() *execState {
	if st, ok := s.states.Get().(*execState); ok {
		return st
	}
	return &execState{set: s}
}

// release returns st to the pool, emptied (an execution that panicked
// left its frames and arguments behind).
func (s *Set) release(st *execState) {
	st.out, st.top, st.sink, st.spilled, st.sinkErr, st.holding = nil, nil, nil, false, nil, 0
	clear(st.vars)
	st.vars = st.vars[:0]
	clear(st.stack)
	st.stack = st.stack[:0]
	clear(st.args[:])
	st.base, st.depth = 0, 0
	s.states.Put(st)
}

// status describes how an entry executes, for tests: whether it is
// compiled, why not, and how often html/template ran a compiled
// execution again.
func (e *entry) status() string {
	if e.code.Load() != nil {
		return fmt.Sprintf("compiled (%d fallbacks)", e.fallbacks.Load())
	}
	if why := e.why.Load(); why != nil {
		return "interpreted: " + *why
	}
	return "not yet compiled"
}
