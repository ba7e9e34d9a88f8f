package layout

import (
	"slices"
	"strings"
	"text/template/parse"
)

// Mentions reports whether a template file of the set (pages, base
// templates, partials, shortcodes; the site's and the theme's) names one of
// names anywhere a template can reach a value by name: as a field or method
// (.Params, $p.Params, (index .Pages 0).Params), as a function (jsonify), or
// inside a string constant, where a path such as "Params.status" is handed
// to where, sort or groupBy. Comments do not count. It answers for the
// files as parsed, so the orchestrator can let go of data no template of
// the build can read.
func (s *Set) Mentions(names ...string) bool {
	for _, trees := range s.fileTrees {
		for _, t := range trees {
			if t != nil && t.Root != nil && nodeMentions(t.Root, names) {
				return true
			}
		}
	}
	return false
}

// nodeMentions is Mentions for one parse tree node and everything in it.
func nodeMentions(n parse.Node, names []string) bool {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return false
		}
		for _, c := range n.Nodes {
			if nodeMentions(c, names) {
				return true
			}
		}
	case *parse.ActionNode:
		return nodeMentions(n.Pipe, names)
	case *parse.IfNode:
		return branchMentions(&n.BranchNode, names)
	case *parse.RangeNode:
		return branchMentions(&n.BranchNode, names)
	case *parse.WithNode:
		return branchMentions(&n.BranchNode, names)
	case *parse.TemplateNode:
		return n.Pipe != nil && nodeMentions(n.Pipe, names)
	case *parse.PipeNode:
		if n == nil {
			return false
		}
		for _, c := range n.Cmds {
			if nodeMentions(c, names) {
				return true
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			if nodeMentions(a, names) {
				return true
			}
		}
	case *parse.FieldNode:
		return anyIn(n.Ident, names)
	case *parse.VariableNode:
		return anyIn(n.Ident[1:], names)
	case *parse.ChainNode:
		return anyIn(n.Field, names) || nodeMentions(n.Node, names)
	case *parse.IdentifierNode:
		return slices.Contains(names, n.Ident)
	case *parse.StringNode:
		for _, name := range names {
			if strings.Contains(n.Text, name) {
				return true
			}
		}
	}
	return false
}

// branchMentions is nodeMentions for the parts of an if, range or with.
func branchMentions(b *parse.BranchNode, names []string) bool {
	return nodeMentions(b.Pipe, names) || nodeMentions(b.List, names) ||
		(b.ElseList != nil && nodeMentions(b.ElseList, names))
}

// anyIn reports whether one of the identifiers is one of names.
func anyIn(idents, names []string) bool {
	for _, id := range idents {
		if slices.Contains(names, id) {
			return true
		}
	}
	return false
}
