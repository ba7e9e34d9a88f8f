package site

import (
	"slices"
	"strings"

	"github.com/sineng/sineng/generator/program"
)

// narrowConsents gives every translation of a leader's portfolio the
// narrowest consent any of them records, and every translation of a case
// note the narrowest publish flag: consent is the person's, not a
// language's, and a translation left with an older, wider consent
// (index.en.md still granting "photo" after index.md took it back) must
// not publish what the person refused. A difference is a warning on each
// file, so the team brings the files back in line. Translations are the
// pages sharing a translation key.
func (b *builder) narrowConsents(states []*pageState) {
	leaders := map[string][]*pageState{}
	cases := map[string][]*pageState{}
	for _, st := range states {
		switch st.item.(type) {
		case *program.Leader:
			leaders[st.page.TranslationKey] = append(leaders[st.page.TranslationKey], st)
		case *program.Case:
			cases[st.page.TranslationKey] = append(cases[st.page.TranslationKey], st)
		}
	}
	for _, sts := range leaders {
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
	for _, sts := range cases {
		publish := true
		for _, st := range sts {
			publish = publish && st.item.(*program.Case).Consent.Publish
		}
		for _, st := range sts {
			c := st.item.(*program.Case)
			if c.Consent.Publish != publish {
				b.warnConsent(st, sts, "case note")
			}
			c.Consent.Publish = publish
		}
	}
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
	if a.Publish != b.Publish || !a.Date.Equal(b.Date) || (a.Withdrawn == nil) != (b.Withdrawn == nil) ||
		(a.Withdrawn != nil && !a.Withdrawn.Equal(*b.Withdrawn)) || len(a.Scope) != len(b.Scope) {
		return false
	}
	for _, s := range a.Scope {
		if !slices.Contains(b.Scope, s) {
			return false
		}
	}
	return true
}
