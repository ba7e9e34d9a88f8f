package layout

import (
	"reflect"
	"text/template/parse"
	"time"

	"github.com/sineng/sineng/generator/htmlesc"
)

// Printing a date. {{ dateFormat $layout .Date }} in HTML text or in a
// quoted attribute is the commonest printed call of a list page (one per
// item): its time.Time is formatted into the execution's date buffer and
// written out as it is when the escaper would leave it unchanged, so no
// string is made for it.

// dateAction compiles a printed pipeline that is one call of the
// built-in dateFormat with two arguments, followed by tf, the escaper of
// HTML text or of a quoted attribute value; ok is false for any other
// pipeline.
func (sc *scope) dateAction(cmd *parse.CommandNode, tf textFunc) (fn runFn, ok bool, err error) {
	if tf.text == nil || !keepsDateText(tf.name) {
		return nil, false, nil
	}
	id, isIdent := cmd.Args[0].(*parse.IdentifierNode)
	if !isIdent || id.Ident != "dateFormat" || len(cmd.Args) != 3 {
		return nil, false, nil
	}
	f, found := sc.c.set.funcs[id.Ident]
	if !found {
		return nil, false, nil
	}
	if _, isBuiltin := f.(dateFormatFunc); !isBuiltin {
		return nil, false, nil
	}
	sig := signatureOf(reflect.TypeOf(f))
	args := make([]evalFn, 2)
	for i, a := range cmd.Args[1:] {
		if args[i], err = sc.typedArg(a, sig.argType(i)); err != nil {
			return nil, false, err
		}
	}
	text := tf.text
	return func(st *execState, dot reflect.Value) error {
		base := len(st.stack)
		if err := st.pushValues(dot, args); err != nil {
			st.popValues(base)
			return err
		}
		layout, v := st.stack[base].String(), st.stack[base+1]
		st.popValues(base)
		t, isTime := time.Time{}, false
		if v.IsValid() {
			t, isTime = reflect.TypeAssert[time.Time](v)
		}
		if !isTime {
			s, err := textResult(dateFormat(layout, anyOf(v)))
			if err != nil {
				return err
			}
			st.out.WriteString(text(s, htmlesc.Plain))
			return nil
		}
		if t.IsZero() {
			return nil
		}
		b := t.AppendFormat(st.date[:0], layout)
		if dateTextKept(b) {
			st.out.Write(b)
		} else {
			st.out.WriteString(text(string(b), htmlesc.Plain))
		}
		return nil
	}, true, nil
}

// keepsDateText reports whether the escaper called name changes text only
// at the bytes dateTextKept looks for: html/template's escapers of HTML
// text and of quoted attribute values, which replace NUL, the quote,
// apostrophe, ampersand, plus, less-than and greater-than signs and leave
// every other byte as it is, valid UTF-8 or not.
func keepsDateText(name string) bool {
	return name == "_html_template_htmlescaper" || name == "_html_template_attrescaper"
}

// dateTextKept reports whether b holds none of the bytes the escapers of
// keepsDateText replace.
func dateTextKept(b []byte) bool {
	for _, c := range b {
		switch c {
		case 0, '"', '&', '\'', '+', '<', '>':
			return false
		}
	}
	return true
}
