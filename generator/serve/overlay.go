package serve

import (
	"errors"
	"fmt"
	"html"
	"strings"

	"github.com/sineng/sineng/generator/diag"
)

// overlayID is the id of the error overlay element, in the page and in the
// script that shows it without a reload.
const overlayID = "sineng-overlay"

// Styles of the overlay, shared by the server-rendered element and the one
// the script builds, so both look the same.
const (
	overlayStyle = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;" +
		"background:rgba(20,20,20,.94);color:#fafafa;font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;"
	overlayHeadStyle = "margin:0 0 1rem;font-size:18px;color:#ff8a80;"
	overlayPreStyle  = "margin:0;white-space:pre-wrap;word-break:break-word;"
	overlayTitle     = "sineng: the build failed. The last good site is served until the problems are fixed."
)

// problems lists a failed build's errors one a line, in the form editors
// link to: "path:line:col: message".
func problems(err error) []string {
	var list *diag.Errors
	if errors.As(err, &list) {
		out := make([]string, 0, len(list.List)+1)
		for _, e := range list.List {
			out = append(out, e.Error())
		}
		if list.More > 0 {
			out = append(out, fmt.Sprintf("... and %d more errors", list.More))
		}
		return out
	}
	return strings.Split(err.Error(), "\n")
}

// overlayHTML renders the overlay listing errs, every line escaped.
func overlayHTML(errs []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<div id="%s" role="alert" style="%s"><p style="%s">%s</p><pre style="%s">`,
		overlayID, overlayStyle, overlayHeadStyle, html.EscapeString(overlayTitle), overlayPreStyle)
	for i, e := range errs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(html.EscapeString(e))
	}
	b.WriteString("</pre></div>")
	return b.String()
}

// errorPage is the whole page served when no build has succeeded yet.
func errorPage(errs []string, script string) []byte {
	return []byte("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Build failed – sineng</title></head><body>\n" +
		overlayHTML(errs) + script + "\n</body></html>\n")
}
