package layout

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"unsafe"

	"github.com/sineng/sineng/generator/htmlesc"
)

// htmlTemplateEscapers returns html/template's own escapers, read out of
// the function map html/template installs in an escaped template. It
// relies on unexported fields of html/template and text/template and is
// meant as an oracle: the tests run the compiled executor with it, to
// check the executor apart from htmlesc. It fails if the standard
// library's fields change.
func htmlTemplateEscapers() (func(string) (htmlesc.Func, bool), error) {
	t, err := template.New("oracle").Parse(`{{ . }}`)
	if err != nil {
		return nil, fmt.Errorf("escaper oracle: %w", err)
	}
	if err := t.Execute(io.Discard, ""); err != nil {
		return nil, fmt.Errorf("escaper oracle: %w", err)
	}
	text := reflect.ValueOf(t).Elem().FieldByName("text")
	if !text.IsValid() || text.Kind() != reflect.Pointer {
		return nil, errors.New("escaper oracle: html/template.Template has no text field")
	}
	common := text.Elem().FieldByName("common")
	if !common.IsValid() || common.Kind() != reflect.Pointer || common.IsNil() {
		return nil, errors.New("escaper oracle: text/template.Template has no common field")
	}
	field := common.Elem().FieldByName("execFuncs")
	if !field.IsValid() || field.Type() != reflect.TypeFor[map[string]reflect.Value]() {
		return nil, errors.New("escaper oracle: no execFuncs map")
	}
	funcs := reflect.NewAt(field.Type(), unsafe.Pointer(field.UnsafeAddr())).Elem().Interface().(map[string]reflect.Value)
	m := map[string]htmlesc.Func{}
	for name, fv := range funcs {
		if !isEscaperName(name) {
			continue
		}
		f, ok := fv.Interface().(func(...any) string)
		if !ok {
			return nil, fmt.Errorf("escaper oracle: %s is %s", name, fv.Type())
		}
		m[name] = f
	}
	if len(m) == 0 {
		return nil, errors.New("escaper oracle: no escapers found")
	}
	return func(name string) (htmlesc.Func, bool) {
		f, ok := m[name]
		return f, ok
	}, nil
}
