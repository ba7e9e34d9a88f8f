package layout

import "github.com/sineng/sineng/generator/htmlesc"

// defaultEscapers returns where compiled code finds html/template's
// escapers: the htmlesc package. An escaper it does not implement keeps
// the templates using it on html/template. Tests swap in html/template's
// own escapers (htmlTemplateEscapers) to check the executor apart from
// htmlesc.
func defaultEscapers() func(string) (htmlesc.Func, bool) {
	return htmlesc.Lookup
}

// defaultTextEscapers returns where compiled code finds the escapers of
// defaultEscapers applied to text without boxing it.
func defaultTextEscapers() func(string) (htmlesc.TextFunc, bool) {
	return htmlesc.LookupText
}
