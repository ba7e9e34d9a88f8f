package layout

import (
	"reflect"
	"text/template/parse"
)

// Reusing a dict. A template call whose dot is a dict of constant keys,
// {{ template "t" (dict "page" . "level" 2) }}, may fill a map it reuses
// once the call returns, instead of making one per call, when nothing
// can hold on to the map past the call. A map made for the call is
// reachable only through the callee's dot and $, so it is enough that
// the callee, and the templates it hands the map on to as their dot,
// use their dot and $ only to look up fields (.page, $.level) or to hand
// them on as the dot of such a template: never as a value in its own
// right, which a function, a method, a variable, a range or a with could
// keep.

// dotUseWalk checks the templates a value given as dot reaches.
type dotUseWalk struct {
	trees map[string]*parse.Tree
	// seen are the templates checked or being checked: a call back into
	// one of them hands the value on to a template whose other uses are
	// checked where it was first met.
	seen map[string]bool
}

// keepsDot reports whether a call of the template name may let the value
// it is given as dot be reached after the call returns; true also for a
// template not among the trees.
func (c *compiler) keepsDot(name string) bool {
	if kept, ok := c.kept[name]; ok {
		return kept
	}
	// Only the answer for name is kept: those for the templates met on
	// the way may rest on assuming name keeps no dot.
	w := &dotUseWalk{trees: c.trees, seen: map[string]bool{}}
	kept := !w.template(name)
	if c.kept == nil {
		c.kept = map[string]bool{}
	}
	c.kept[name] = kept
	return kept
}

// template reports whether the template name uses its dot only as
// described above.
func (w *dotUseWalk) template(name string) bool {
	if w.seen[name] {
		return true
	}
	w.seen[name] = true
	tree := w.trees[name]
	if tree == nil || tree.Root == nil {
		return false
	}
	return w.list(tree.Root, true)
}

// list reports whether the nodes of l use the value only as described;
// isDot is whether dot is the value there.
func (w *dotUseWalk) list(l *parse.ListNode, isDot bool) bool {
	if l == nil {
		return true
	}
	for _, n := range l.Nodes {
		if !w.node(n, isDot) {
			return false
		}
	}
	return true
}

func (w *dotUseWalk) node(n parse.Node, isDot bool) bool {
	switch n := n.(type) {
	case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
		return true
	case *parse.ActionNode:
		return w.pipe(n.Pipe, isDot)
	case *parse.IfNode:
		return w.pipe(n.Pipe, isDot) && w.list(n.List, isDot) && w.list(n.ElseList, isDot)
	case *parse.WithNode:
		// Inside, dot is the pipeline's value, which is not the value:
		// a pipeline giving it is refused.
		return w.pipe(n.Pipe, isDot) && w.list(n.List, false) && w.list(n.ElseList, isDot)
	case *parse.RangeNode:
		return w.pipe(n.Pipe, isDot) && w.list(n.List, false) && w.list(n.ElseList, isDot)
	case *parse.TemplateNode:
		if n.Pipe == nil {
			return true
		}
		if w.isValue(n.Pipe, isDot) {
			return w.template(n.Name)
		}
		return w.pipe(n.Pipe, isDot)
	}
	return false
}

// isValue reports whether p is the value itself, alone: dot (when dot
// is the value) or $.
func (w *dotUseWalk) isValue(p *parse.PipeNode, isDot bool) bool {
	if len(p.Decl) != 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return false
	}
	switch a := p.Cmds[0].Args[0].(type) {
	case *parse.DotNode:
		return isDot
	case *parse.VariableNode:
		return len(a.Ident) == 1 && a.Ident[0] == "$"
	}
	return false
}

// pipe reports whether p uses the value only to look up fields.
func (w *dotUseWalk) pipe(p *parse.PipeNode, isDot bool) bool {
	if p == nil {
		return true
	}
	for _, cmd := range p.Cmds {
		for _, a := range cmd.Args {
			if !w.arg(a, isDot) {
				return false
			}
		}
	}
	return true
}

func (w *dotUseWalk) arg(n parse.Node, isDot bool) bool {
	switch n := n.(type) {
	case *parse.DotNode:
		return !isDot
	case *parse.VariableNode:
		return len(n.Ident) > 1 || n.Ident[0] != "$"
	case *parse.ChainNode:
		return w.arg(n.Node, isDot)
	case *parse.PipeNode:
		return w.pipe(n, isDot)
	case *parse.FieldNode, *parse.IdentifierNode, *parse.BoolNode, *parse.NumberNode,
		*parse.StringNode, *parse.NilNode:
		return true
	}
	return false
}

// reusedDictCall compiles {{ template "t" (dict KEY VALUE ...) }}, a
// dict of constant keys as the whole pipeline, when t keeps no dot (see
// keepsDot): the map is taken from the execution's spare ones and given
// back, emptied, once the call returns. ok is false for other calls.
func (sc *scope) reusedDictCall(n *parse.TemplateNode, callee *tmplCode) (run runFn, ok bool, err error) {
	p := n.Pipe
	if len(p.Decl) != 0 || len(p.Cmds) != 1 {
		return nil, false, nil
	}
	args := p.Cmds[0].Args
	// The dict is written in parentheses: a pipeline of its own.
	if inner, isPipe := args[0].(*parse.PipeNode); isPipe && len(args) == 1 {
		if len(inner.Decl) != 0 || len(inner.Cmds) != 1 {
			return nil, false, nil
		}
		args = inner.Cmds[0].Args
	}
	if id, isIdent := args[0].(*parse.IdentifierNode); !isIdent || id.Ident != "dict" {
		return nil, false, nil
	}
	entries, ok, err := sc.dictEntries(args[1:])
	if !ok || err != nil || sc.c.keepsDot(n.Name) {
		return nil, false, err
	}
	return func(st *execState, dot reflect.Value) error {
		m := st.takeDict()
		err := fillDict(st, dot, entries, m)
		if err == nil {
			err = st.call(callee, reflect.ValueOf(m))
		}
		st.giveDict(m)
		return err
	}, true, nil
}
