package program

import (
	"strings"
	"time"
)

// Entry is one content file of a program type, as the content loader hands it
// over. Entries of one Build are pages of one language: translations of a page
// share its Path and belong to separate Models.
type Entry struct {
	// File is the site-relative source path, e.g. "content/projects/elevator.md",
	// used in messages.
	File string
	// Path is the content-relative path without extension, slash-separated,
	// e.g. "projects/elevator" or "leaders/wang-fang/index".
	Path string
	// Type is the page's top-level section or its `type` field; see KindOf.
	Type string
	// Data is the decoded front matter. Values are string, bool, int64,
	// float64, time.Time, []any and map[string]any.
	Data map[string]any
	// Pos returns the position in File of a key path such as
	// "budget[2].total", "funding.requested" or "attendees[1]" (list indexes
	// from 0), and (0, 0) when it does not know it. It may be nil.
	Pos func(path string) (line, col int)
	// URL is the page's relative permalink, e.g. "/projects/elevator/".
	URL string
	// Title is the page title; for a leader, the real name.
	Title string
}

// Page is what every program item keeps of the page it was decoded from: where
// it is, and the common fields the model orders by.
type Page struct {
	File     string    // site-relative source file, for messages
	Path     string    // content-relative path without extension
	URL      string    // relative permalink
	Title    string    // the page title; for a leader, the real name
	Date     time.Time // the `date` field; zero when not given
	Weight   int       // the `weight` field; 0 when not given
	Audience string    // the `audience` field as written, unchecked; the audience package decides

	pos func(string) (int, int)
}

// Position returns the line and column of a key path in the page's file,
// falling back to the nearest enclosing key that has a position ("budget[2]",
// then "budget"), and (0, 0) when none has.
func (p Page) Position(key string) (line, col int) {
	return position(p.pos, key)
}

func position(pos func(string) (int, int), key string) (int, int) {
	if pos == nil {
		return 0, 0
	}
	for k := key; k != ""; k = parentKey(k) {
		if l, c := pos(k); l > 0 {
			return l, c
		}
	}
	return 0, 0
}

// parentKey strips the last ".name" or "[i]" from a key path.
func parentKey(k string) string {
	if strings.HasSuffix(k, "]") {
		if i := strings.LastIndexByte(k, '['); i >= 0 {
			return k[:i]
		}
	}
	if i := strings.LastIndexByte(k, '.'); i >= 0 {
		return k[:i]
	}
	return ""
}

// Item is one decoded program page: a *Leader, *Case, *Session, *Project or
// *Exchange. Use a type switch to reach the fields of each kind. The interface
// is sealed: only this package's types implement it.
type Item interface {
	// Base returns the page the item was decoded from.
	Base() Page
	// ItemKind returns the kind of the item.
	ItemKind() Kind
	sealed()
}

// Decode turns one program page into its typed Item and checks every field.
//
// An entry whose Type is not a program type (see KindOf) is not a program
// page: Decode returns a nil Item and a nil error. When the page has problems
// the error is a *diag.Errors listing each of them at its key's position, and
// the Item holds what could be decoded, so that Build can still check its
// references; it must not be published.
//
// Unknown keys are not errors: front matter carries other fields too.
func Decode(e Entry) (Item, error) {
	kind, ok := KindOf(e.Type)
	if !ok {
		return nil, nil
	}
	r := newReader(e)
	f := r.root()
	page := Page{
		File:     e.File,
		Path:     e.Path,
		URL:      e.URL,
		Title:    e.Title,
		Audience: f.str("audience"),
		pos:      e.Pos,
	}
	page.Date, _ = f.date("date")
	if w, ok := f.integer("weight"); ok {
		page.Weight = int(w)
	}
	var it Item
	switch kind {
	case KindLeader:
		it = decodeLeader(page, f)
	case KindCase:
		it = decodeCase(page, f)
	case KindSession:
		it = decodeSession(page, f)
	case KindProject:
		it = decodeProject(page, f)
	case KindExchange:
		it = decodeExchange(page, f)
	}
	return it, r.err()
}
