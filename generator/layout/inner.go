package layout

import "text/template/parse"

// ShortcodeReadsInner reports whether the template of shortcode name
// reads .Inner or .InnerRaw itself: such a shortcode wraps content, and a
// call without its closing tag is a mistake (its content would land after
// it, outside). A template that passes its dot on to a partial reading
// the inner content is not seen; such a call is then taken as it is.
func (s *Set) ShortcodeReadsInner(name string) bool {
	if !s.shortcodes[name] {
		return false
	}
	for _, t := range s.fileTrees["shortcodes/"+name+".html"] {
		if t.Root != nil && readsInner(t.Root) {
			return true
		}
	}
	return false
}

// readsInner reports whether a node, or any inside it, names the field
// Inner or InnerRaw.
func readsInner(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return false
		}
		for _, c := range n.Nodes {
			if readsInner(c) {
				return true
			}
		}
	case *parse.ActionNode:
		return readsInner(n.Pipe)
	case *parse.PipeNode:
		if n == nil {
			return false
		}
		for _, c := range n.Cmds {
			if readsInner(c) {
				return true
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			if readsInner(a) {
				return true
			}
		}
	case *parse.FieldNode:
		return innerIdent(n.Ident)
	case *parse.ChainNode:
		return innerIdent(n.Field) || readsInner(n.Node)
	case *parse.VariableNode:
		return innerIdent(n.Ident)
	case *parse.IfNode:
		return readsInner(n.Pipe) || readsInner(n.List) || readsInner(n.ElseList)
	case *parse.RangeNode:
		return readsInner(n.Pipe) || readsInner(n.List) || readsInner(n.ElseList)
	case *parse.WithNode:
		return readsInner(n.Pipe) || readsInner(n.List) || readsInner(n.ElseList)
	case *parse.TemplateNode:
		return readsInner(n.Pipe)
	}
	return false
}

// innerIdent reports whether a field chain names Inner or InnerRaw.
func innerIdent(idents []string) bool {
	for _, id := range idents {
		if id == "Inner" || id == "InnerRaw" {
			return true
		}
	}
	return false
}
