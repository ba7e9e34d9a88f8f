package site

import (
	"slices"
	"strings"
	"time"

	"github.com/sineng/sineng/generator/program"
)

// narrowConsents gives every translation of a leader's portfolio the
// narrowest consent any of them records, and every translation of a case
// note the narrowest publish flag: consent is the person's, not a
// language's, and a translation left with an older, wider consent
// (index.en.md still granting "photo" after index.md took it back) must
// not publish what the person refused. A difference is a warning on each
// file, so the team brings the files back in line. Translations are the
// pages sharing a path without its language (index.md and index.zh.md of
// a bundle) or a translation key, and, for leaders, an id (one person in
// two folders), and whatever those link: a `translationKey` written on one
// file cannot take it out of its bundle's group. Case notes get the
// narrowest publish flag and the earliest withdrawal.
func (b *builder) narrowConsents(states []*pageState) {
	var leaders, cases []*pageState
	for _, st := range states {
		switch st.item.(type) {
		case *program.Leader:
			leaders = append(leaders, st)
		case *program.Case:
			cases = append(cases, st)
		}
	}
	leaderID := func(st *pageState) string { return st.item.(*program.Leader).ID }
	for _, sts := range translationGroups(leaders, leaderID) {
		if len(sts) < 2 {
			continue
		}
		consents := make([]program.Consent, len(sts))
		for i, st := range sts {
			consents[i] = st.item.(*program.Leader).Consent
		}
		n := narrowestConsent(consents)
		for _, st := range sts {
			l := st.item.(*program.Leader)
			if !sameConsent(l.Consent, n) {
				b.warnConsent(st, sts, "leader")
			}
			l.Consent = n
			l.Consent.Scope = slices.Clone(n.Scope)
		}
	}
	for _, sts := range translationGroups(cases, nil) {
		n := sts[0].item.(*program.Case).Consent
		for _, st := range sts[1:] {
			n = narrowestCaseConsent(n, st.item.(*program.Case).Consent)
		}
		for _, st := range sts {
			c := st.item.(*program.Case)
			if c.Consent.Publish != n.Publish || !sameTime(c.Consent.Withdrawn, n.Withdrawn) {
				b.warnConsent(st, sts, "case note")
			}
			c.Consent = n
		}
	}
}

// translationGroups groups pages that are translations of one another:
// pages sharing a path without its language, a translation key or, when
// id is not nil, an id are in one group, and so, transitively, are the
// pages linked through them. Groups of one page are left out; the groups
// come in the order of their first page.
func translationGroups(sts []*pageState, id func(*pageState) string) [][]*pageState {
	parent := make([]int, len(sts))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	first := map[string]int{}
	link := func(key string, i int) {
		if j, ok := first[key]; ok {
			if a, b := find(i), find(j); a != b {
				parent[max(a, b)] = min(a, b)
			}
			return
		}
		first[key] = i
	}
	for i, st := range sts {
		link("path\x00"+st.page.Path, i)
		link("key\x00"+st.page.TranslationKey, i)
		if id != nil {
			link("id\x00"+id(st), i)
		}
	}
	byRoot := map[int][]*pageState{}
	var roots []int
	for i, st := range sts {
		r := find(i)
		if byRoot[r] == nil {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], st)
	}
	var groups [][]*pageState
	for _, r := range roots {
		if len(byRoot[r]) > 1 {
			groups = append(groups, byRoot[r])
		}
	}
	return groups
}

// narrowestCaseConsent is what both a and b allow: a story published only
// if both publish, withdrawn at the earlier withdrawal.
func narrowestCaseConsent(a, b program.CaseConsent) program.CaseConsent {
	n := program.CaseConsent{Publish: a.Publish && b.Publish, Withdrawn: a.Withdrawn}
	if b.Withdrawn != nil && (n.Withdrawn == nil || b.Withdrawn.Before(*n.Withdrawn)) {
		n.Withdrawn = b.Withdrawn
	}
	if n.Withdrawn != nil {
		w := *n.Withdrawn
		n.Withdrawn = &w
	}
	return n
}

// sameTime reports whether a and b are both unset or the same time.
func sameTime(a, b *time.Time) bool {
	return (a == nil) == (b == nil) && (a == nil || a.Equal(*b))
}

// warnConsent warns, on st's file, that its consent differs from its
// translations'.
func (b *builder) warnConsent(st *pageState, sts []*pageState, what string) {
	var others []string
	for _, o := range sts {
		if o != st {
			others = append(others, o.page.File)
		}
	}
	slices.Sort(others)
	b.errs.Warnf(st.page.File, 1, 1, "the consent of this %s differs from its translations' (%s): the narrowest applies to all of them", what, strings.Join(others, ", "))
}

// narrowestConsent is what every one of consents allows: published only
// if all publish, the scope they all give, withdrawn at the earliest
// withdrawal, given at the latest date.
func narrowestConsent(consents []program.Consent) program.Consent {
	n := consents[0]
	n.Scope = slices.Clone(n.Scope)
	for _, c := range consents[1:] {
		n.Publish = n.Publish && c.Publish
		if c.Date.After(n.Date) {
			n.Date = c.Date
		}
		if c.Withdrawn != nil && (n.Withdrawn == nil || c.Withdrawn.Before(*n.Withdrawn)) {
			w := *c.Withdrawn
			n.Withdrawn = &w
		}
		n.Scope = slices.DeleteFunc(n.Scope, func(s program.Scope) bool { return !slices.Contains(c.Scope, s) })
	}
	return n
}

// sameConsent reports whether a and b allow the same.
func sameConsent(a, b program.Consent) bool {
	if a.Publish != b.Publish || !a.Date.Equal(b.Date) || !sameTime(a.Withdrawn, b.Withdrawn) || len(a.Scope) != len(b.Scope) {
		return false
	}
	for _, s := range a.Scope {
		if !slices.Contains(b.Scope, s) {
			return false
		}
	}
	return true
}
