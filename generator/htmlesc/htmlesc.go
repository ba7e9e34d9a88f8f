// Package htmlesc holds escapers that write the same bytes as the ones
// html/template inserts into the pipelines of a template it has escaped
// (_html_template_htmlescaper and the others), as plain Go functions. The
// layout package's compiled executor calls them directly instead of
// through reflection.
//
// Each escaper takes the values a pipeline passes to it and returns its
// text exactly as html/template's escaper of the same name does for the
// same values: typed content values (template.HTML, template.URL and the
// others) get the same special treatment, pointers are dereferenced, and
// other values are printed with fmt.Sprint semantics. Strings with nothing
// to escape come back unchanged without allocating.
//
// The package has no state; every function is safe for concurrent use. It
// must not import other generator packages.
package htmlesc

import (
	"html/template"
	"reflect"
)

// Func is an escaper: it takes the values a pipeline passes to it and
// returns their escaped text, byte for byte what html/template's escaper
// of the same name returns for the same values. Where html/template's
// escaper panics, so does a Func (_html_template_jsvalescaper calls the
// String method of a fmt.Stringer directly, even on a nil pointer);
// text/template turns such a panic into an execution error, and a caller
// running escaped templates should recover the same way.
type Func func(args ...any) string

// Lookup returns the escaper html/template inserts into escaped pipelines
// under name, such as "_html_template_htmlescaper", and false for a name
// this package does not implement.
func Lookup(name string) (Func, bool) {
	var f Func
	switch name {
	case "_html_template_htmlescaper":
		f = htmlEscaper
	case "_html_template_attrescaper":
		f = attrEscaper
	case "_html_template_rcdataescaper":
		f = rcdataEscaper
	case "_html_template_nospaceescaper":
		f = nospaceEscaper
	case "_html_template_urlfilter":
		f = urlFilter
	case "_html_template_urlnormalizer":
		f = urlNormalizer
	case "_html_template_urlescaper":
		f = urlEscaper
	case "_html_template_srcsetescaper":
		f = srcsetEscaper
	case "_html_template_htmlnamefilter":
		f = htmlNameFilter
	case "_html_template_commentescaper":
		f = commentEscaper
	case "_html_template_cssescaper":
		f = cssEscaper
	case "_html_template_cssvaluefilter":
		f = cssValueFilter
	case "_html_template_jsvalescaper":
		f = jsValEscaper
	case "_html_template_jsstrescaper":
		f = jsStrEscaper
	case "_html_template_jsregexpescaper":
		f = jsRegexpEscaper
	case "_html_template_jstmpllitescaper":
		f = jsTmplLitEscaper
	case "_eval_args_":
		f = evalArgs
	default:
		return nil, false
	}
	return f, true
}

// TextFunc is an escaper applied to one value that is text: s, a string
// or one of html/template's content types as its Content c says. It
// returns what the Func of the same name returns for that one value,
// without boxing it in an interface.
type TextFunc func(s string, c Content) string

// LookupText returns the TextFunc of the escaper Lookup returns under
// name, and false for a name this package does not implement or whose
// escaper is not a function of text alone (_html_template_jsvalescaper).
func LookupText(name string) (TextFunc, bool) {
	var f TextFunc
	switch name {
	case "_html_template_htmlescaper":
		f = htmlEscaperText
	case "_html_template_attrescaper":
		f = attrEscaperText
	case "_html_template_rcdataescaper":
		f = rcdataEscaperText
	case "_html_template_nospaceescaper":
		f = nospaceEscaperText
	case "_html_template_urlfilter":
		f = urlFilterText
	case "_html_template_urlnormalizer":
		f = urlNormalizerText
	case "_html_template_urlescaper":
		f = urlEscaperText
	case "_html_template_srcsetescaper":
		f = srcsetEscaperText
	case "_html_template_htmlnamefilter":
		f = htmlNameFilterText
	case "_html_template_commentescaper":
		f = commentEscaperText
	case "_html_template_cssescaper":
		f = cssEscaperText
	case "_html_template_cssvaluefilter":
		f = cssValueFilterText
	case "_html_template_jsstrescaper":
		f = jsStrEscaperText
	case "_html_template_jsregexpescaper":
		f = jsRegexpEscaperText
	case "_html_template_jstmpllitescaper":
		f = jsTmplLitEscaperText
	case "_eval_args_":
		f = evalArgsText
	default:
		return nil, false
	}
	return f, true
}

// ContentOf reports the Content of a value of type t as the escapers see
// it: Plain for string, the matching Content for html/template's content
// types, and false for every other type (named string types among them,
// which may print otherwise).
func ContentOf(t reflect.Type) (Content, bool) {
	switch t {
	case stringType:
		return Plain, true
	case htmlType:
		return HTML, true
	case htmlAttrType:
		return HTMLAttr, true
	case urlType:
		return URL, true
	case cssType:
		return CSS, true
	case jsType:
		return JS, true
	case jsStrType:
		return JSStr, true
	case srcsetType:
		return Srcset, true
	}
	return Plain, false
}

// The types ContentOf knows.
var (
	stringType   = reflect.TypeFor[string]()
	htmlType     = reflect.TypeFor[template.HTML]()
	htmlAttrType = reflect.TypeFor[template.HTMLAttr]()
	urlType      = reflect.TypeFor[template.URL]()
	cssType      = reflect.TypeFor[template.CSS]()
	jsType       = reflect.TypeFor[template.JS]()
	jsStrType    = reflect.TypeFor[template.JSStr]()
	srcsetType   = reflect.TypeFor[template.Srcset]()
)
