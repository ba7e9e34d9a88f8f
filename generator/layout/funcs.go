package layout

import (
	"errors"
	"fmt"
	"html"
	"html/template"
	"reflect"
	"sort"
	"strings"
	"unicode"
)

// newFuncMap builds the functions every template of s sees: the built-in
// ones, a stub "markdownify" that fails when called, then opts.Funcs, which
// win on a clash. docs/templates.md documents each with an example.
func newFuncMap(opts Options, s *Set) template.FuncMap {
	u := newURLBase(opts.BaseURL)
	m := template.FuncMap{
		"partial": s.partial,

		"relURL": u.rel,
		"absURL": u.abs,

		"safeHTML":     safeFunc[template.HTML]("safeHTML"),
		"safeCSS":      safeFunc[template.CSS]("safeCSS"),
		"safeURL":      safeFunc[template.URL]("safeURL"),
		"safeHTMLAttr": safeFunc[template.HTMLAttr]("safeHTMLAttr"),

		"dateFormat": dateFormatFunc(dateFormat),
		"isZero":     isZero,

		"default": defaultValue,
		"dict":    dict,
		"slice":   makeSlice,
		"append":  appendItems,
		"first":   first,
		"last":    last,
		"after":   after,
		"seq":     seq,
		"in":      in,
		"isset":   isset,
		"delimit": delimit,
		"join":    join,
		"where":   where,
		"sortBy":  sortBy,
		"groupBy": groupBy,

		"add":          func(a, b any) (any, error) { return arithFunc("add", '+', a, b) },
		"sub":          func(a, b any) (any, error) { return arithFunc("sub", '-', a, b) },
		"mul":          func(a, b any) (any, error) { return arithFunc("mul", '*', a, b) },
		"div":          func(a, b any) (any, error) { return arithFunc("div", '/', a, b) },
		"mod":          func(a, b any) (any, error) { return arithFunc("mod", '%', a, b) },
		"percent":      percent,
		"formatNumber": formatNumber,
		"int":          toInt,
		"float":        toFloat,
		"string":       toString,

		"upper":      stringFunc("upper", strings.ToUpper),
		"lower":      stringFunc("lower", strings.ToLower),
		"title":      stringFunc("title", title),
		"urlize":     stringFunc("urlize", urlize),
		"plainify":   stringFunc("plainify", plainify),
		"htmlEscape": stringFunc("htmlEscape", html.EscapeString),
		"truncate":   truncate,
		"jsonify":    jsonify,
		"split":      split,
		"replace":    replace,
		"contains":   contains,
		"hasPrefix":  hasPrefix,

		"markdownify": markdownifyMissing,
	}
	for k, v := range opts.Funcs {
		m[k] = v
	}
	return m
}

func arithFunc(name string, op byte, a, b any) (any, error) {
	v, err := arith(op, a, b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}

// markdownifyMissing stands in for "markdownify" when the orchestrator
// supplies none, so templates that use it still parse.
func markdownifyMissing(any) (template.HTML, error) {
	return "", errors.New("markdownify is not available: the program did not supply it in Options.Funcs")
}

// checkFuncs reports the entries of funcs that html/template would reject
// with a panic: names that are not identifiers, values that are not
// functions returning one value, or a value and an error.
func checkFuncs(funcs template.FuncMap) error {
	names := make([]string, 0, len(funcs))
	for name := range funcs {
		names = append(names, name)
	}
	sort.Strings(names)
	var errs []error
	for _, name := range names {
		fn := funcs[name]
		if !isIdentifier(name) {
			errs = append(errs, fmt.Errorf("function name %q is not a valid identifier", name))
			continue
		}
		t := reflect.TypeOf(fn)
		if t == nil || t.Kind() != reflect.Func || reflect.ValueOf(fn).IsNil() {
			errs = append(errs, fmt.Errorf("function %q is %T, not a function", name, fn))
			continue
		}
		if !goodResults(t) {
			errs = append(errs, fmt.Errorf("function %q must return one value, or a value and an error", name))
		}
	}
	return errors.Join(errs...)
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}
