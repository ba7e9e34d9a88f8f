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
		return n != nil && anyMentions(n.Nodes, names)
	case *parse.ActionNode:
		return nodeMentions(n.Pipe, names)
	case *parse.IfNode:
		return branchMentions(&n.BranchNode, names)
	case *parse.RangeNode:
		return branchMentions(&n.BranchNode, names)
	case *parse.WithNode:
		return branchMentions(&n.BranchNode, names)
	case *parse.TemplateNode:
		return nodeMentions(n.Pipe, names)
	case *parse.PipeNode:
		return n != nil && anyMentions(n.Cmds, names)
	case *parse.CommandNode:
		return anyMentions(n.Args, names)
	case *parse.FieldNode:
		return anyIn(n.Ident, names)
	case *parse.VariableNode:
		return anyIn(n.Ident[1:], names)
	case *parse.ChainNode:
		return anyIn(n.Field, names) || nodeMentions(n.Node, names)
	case *parse.IdentifierNode:
		return slices.Contains(names, n.Ident)
	case *parse.StringNode:
		return slices.ContainsFunc(names, func(name string) bool { return strings.Contains(n.Text, name) })
	}
	return false
}

// anyMentions reports whether one of nodes mentions one of names.
func anyMentions[N parse.Node](nodes []N, names []string) bool {
	return slices.ContainsFunc(nodes, func(n N) bool { return nodeMentions(n, names) })
}

// branchMentions is nodeMentions for the parts of an if, range or with
// (a missing else is a nil list, which mentions nothing).
func branchMentions(b *parse.BranchNode, names []string) bool {
	return nodeMentions(b.Pipe, names) || nodeMentions(b.List, names) || nodeMentions(b.ElseList, names)
}

// anyIn reports whether one of the identifiers is one of names.
func anyIn(idents, names []string) bool {
	return slices.ContainsFunc(idents, func(id string) bool { return slices.Contains(names, id) })
}
