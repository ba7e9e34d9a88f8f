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
