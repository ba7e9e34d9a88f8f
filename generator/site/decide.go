package site

import (
	"cmp"
	"context"
	"fmt"
	"path"
	"strings"
	"sync/atomic"
	"time"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/content"
	"github.com/sineng/sineng/generator/markdown"
	"github.com/sineng/sineng/generator/photo"
	"github.com/sineng/sineng/generator/program"
	"github.com/sineng/sineng/generator/render"
	"github.com/sineng/sineng/generator/text"
	"github.com/sineng/sineng/internal/stablesort"
)

// pageState is one page of the build as it moves through the stages.
type pageState struct {
	page      *content.Page
	item      program.Item // nil for pages that are not program pages
	decision  audience.Decision
	view      *render.Page
	lang      *langSite
	md        markdown.Result            // the converted body until fillView moves it into the view (text: into text)
	text      string                     // plain text of the body, for search
	counts    text.Counts                // CJK characters and Latin words of the body
	plain     string                     // the derived plain-text summary
	children  []*pageState               // sections and home: published regular pages inside, sorted
	images    map[string][]photo.Variant // re-encoded bundle images by resource name
	subs      []*pageState               // sections and home: published sections inside, sorted
	htmlRefs  *atomic.Int32              // a streamed build's jobs still to print its HTML; nil: kept
	generated bool                       // made by the build (handbook, showcase, filters), not from a file or folder
	searchDoc int32                      // 1 + the page's document id in its language's search index; 0: not indexed
	ownJob    int32                      // 1 + the index of its own job in a streamed build (streamPlan); 0: none
	early     bool                       // converted by the helper before the runs (early.go)
	urlField  string                     // the front matter key that set the page's URL when not url or slug: "pseudonym" (neutralLeaderURL)
	// derivedDescription is true when the view's description is the
	// body's plain-text summary (the page gives none).
	derivedDescription bool
	// holdsBlocked is true when the page's front matter holds a blocked
	// key (blocked.go), at any depth.
	holdsBlocked bool
}

// keptBodies is how many bytes of Markdown bodies a build holds from
// loading to conversion (all of a 1k-page site's 4 MB, 40% of a 10k-page
// site's); past it, a body is read again when it is converted. Reading
// again costs a second open and read per file; holding bodies makes the
// collector run sooner. At 16 MB a 1k build is ≈4% faster than reading every
// body twice and a 10k build as fast as with 64 MB, with ≈20 MB less peak
// memory; holding every body would add ≈500 MB to a 50k build's peak.
const keptBodies = 16 << 20

// loadContent walks and reads content/ in parallel.
func (b *builder) loadContent(ctx context.Context) error {
	langs := b.cfg.Languages()
	keys := make([]string, len(langs))
	for i, l := range langs {
		keys[i] = l.Code
	}
	taxes := b.cfg.TaxonomyNames()
	plurals := make([]string, len(taxes))
	for i, t := range taxes {
		plurals[i] = t.Plural
	}
	tree, err := content.Load(ctx, content.Options{
		Source:          b.opts.Source,
		Languages:       keys,
		DefaultLanguage: b.cfg.DefaultLanguage,
		DefaultInSubdir: b.cfg.DefaultLanguageInSubdir,
		Taxonomies:      plurals,
		Workers:         b.opts.Workers,
		LazyBodies:      true,       // read again when converted: never all held at once,
		KeptBodies:      keptBodies, // but for the first bodies read
	}, b.errs)
	if err != nil {
		return err
	}
	b.tree = tree
	return nil
}

// decide makes the one visibility decision per page: the draft, future and
// expiry rules, then the audience (consent rules first). Pages outside the
// build are dropped here, before anything is assembled or rendered, so no
// later stage can see them.
func (b *builder) decide(context.Context) error {
	pages := b.tree.Pages
	states := make([]*pageState, len(pages))
	b.parallel(len(pages), func(i int) {
		p := pages[i]
		// Whether the front matter holds a blocked key is looked up
		// here, on all cores; the decision below says whether it is
		// reported.
		st := &pageState{page: p, holdsBlocked: p.File != "" && b.holdsBlocked(p.Matter.Data)}
		if p.File != "" && p.Kind == content.KindPage {
			item, err := program.Decode(program.Entry{
				File: p.File, Path: p.Path, Type: b.programType(p), Data: p.Matter.Data,
				Pos: p.Position, URL: p.RelPermalink, Title: p.Title,
			})
			if err != nil {
				b.errs.Add(err)
			}
			st.item = item
		}
		states[i] = st
	})
	b.narrowConsents(states)
	for _, st := range states {
		b.langStates[st.page.Lang] = append(b.langStates[st.page.Lang], st)
	}

	// Homes and sections are decided first, shallowest first, so that a
	// page knows its section's decision: a page inside a section left out
	// of the build is left out too, and a section's audience narrows the
	// audience of everything inside it.
	order := decideOrder(states)
	kept := map[*content.Page]bool{}
	for _, st := range order {
		p := st.page
		in := audience.Input{Default: b.pageDefaultAudience(p), Field: p.Audience}
		if p.Parent != nil {
			ps := b.byPage[p.Parent]
			if ps == nil {
				b.excluded[p] = "its section is not published"
				continue
			}
			in.Inherits = ps.decision.Level
		}
		in.Kind, in.Consent = consentOf(st.item)
		if b.confidentialSection(p) && p.Audience == "" || b.failedSectionFile(p) {
			in.Default = audience.Team
		}
		d, err := audience.Decide(in)
		if err != nil {
			line, col := p.Position("audience")
			b.errs.Errorf(p.File, line, col, "%v", err)
		}
		st.decision = d
		b.checkBlockedFields(st, d.Level)
		if d.Level > b.opts.Audience {
			b.excluded[p] = fmt.Sprintf("it is for the %s audience (%s)", d.Level, d.Reason)
			if p.Audience == "" && b.confidentialSection(p) && len(p.Pages)+len(p.Subsections) > 0 {
				line, col := p.Position("title")
				b.errs.Warnf(p.File, line, col, "this section page names no audience, so it and every page inside it stay with the team: write audience = \"funders\" or \"public\" here to let the pages' own rules publish them")
			}
			continue
		}
		if p.File != "" && !p.Published(b.opts.Drafts, b.opts.Future, b.opts.Expired, b.opts.Now) {
			b.excluded[p] = unpublishedReason(p, b.opts.Now)
			continue
		}
		b.byPage[p] = st
		kept[p] = true
	}
	for _, st := range states { // tree order: deterministic
		if kept[st.page] {
			b.pages = append(b.pages, st)
		}
	}
	return nil
}

// programType is the type a page is decoded as: its Type, except that a
// page in leaders/ or cases/ stays a leader or a case note whatever its
// `type` field says, which is an error there. Those two sections fail
// closed under their consent rules, and a `type = "page"` must not publish
// a resident's case note as an ordinary page.
func (b *builder) programType(p *content.Page) string {
	k, ok := program.KindOf(p.Section)
	if !ok || (k != program.KindLeader && k != program.KindCase) {
		return p.Type
	}
	if tk, _ := program.KindOf(p.Type); tk != k {
		line, col := p.Position("type")
		b.errs.Errorf(p.File, line, col, "type %q cannot take a page in %s/ out of its consent rules: move the file out of %s/ to publish it as another type", p.Type, p.Section, p.Section)
		return p.Section
	}
	return p.Type
}

// unpublishedReason says why the draft, future or expiry rules left a page
// out.
func unpublishedReason(p *content.Page, now time.Time) string {
	switch {
	case p.Draft:
		return "it is a draft (build with --drafts)"
	case !p.ExpiryDate.IsZero() && !p.ExpiryDate.After(now):
		return "it has expired (build with --expired)"
	}
	return "it is dated in the future (build with --future)"
}

// pageDefaultAudience is the site's audience for p when it names none: its
// type's. Where the type or the section is a program kind, every name of
// that kind counts ([audience.types] leader and leaders, case and cases,
// session and curricula, …) and a page in leaders/ or cases/ gets its
// section's too, the narrowest of them: neither a `type` field nor the
// choice of a singular or plural key steps around a site's rule.
func (b *builder) pageDefaultAudience(p *content.Page) audience.Level {
	// Only the names the site gives a rule count: a name it does not write
	// would bring in [audience] default over the rule it does.
	l, found := audience.Public, false
	rule := func(name string) {
		if r, set := b.cfg.Audience.Types[name]; set && r.Valid() {
			l, found = max(l, b.defaultAudience(name)), true
		}
	}
	rule(p.Type)
	kinds := []string{p.Type}
	if k, ok := program.KindOf(p.Section); ok && (k == program.KindLeader || k == program.KindCase) {
		kinds = append(kinds, p.Section)
	}
	for _, t := range kinds {
		if k, ok := program.KindOf(t); ok {
			for _, name := range program.TypeNames(k) {
				rule(name)
			}
		}
	}
	if !found {
		return b.defaultAudience(p.Type) // [audience] default, else public
	}
	return l
}

// failedSectionFile reports a section standing in for an _index.md that
// Load left out for its problems: its audience is unknown, so it and what
// is inside it count as the team's until the file is fixed, and no page
// below gets errors that only a wider audience would raise.
func (b *builder) failedSectionFile(p *content.Page) bool {
	if p.Kind != content.KindSection || p.File != "" {
		return false
	}
	for _, f := range b.tree.FailedFiles() {
		if !strings.HasPrefix(path.Base(f), "_index.") {
			continue
		}
		for _, r := range b.contentRoots() {
			if path.Dir(f) == r+"/"+p.Dir {
				return true
			}
		}
	}
	return false
}

// confidentialSection reports a section page written in a file (an
// _index.md) that stands for people: any in cases/ or of type case, and
// any below the top of leaders/ or of type leader (a folder named after
// someone). Such a page is for the team unless it names its audience
// itself: its text and its title are nobody's consent, and as a section
// it narrows the pages inside it, which keep their own rules. The top
// leaders/_index.md introduces the list of portfolios and is an ordinary
// page.
func (b *builder) confidentialSection(p *content.Page) bool {
	if p.Kind != content.KindSection || p.File == "" {
		return false
	}
	sk, _ := program.KindOf(p.Section)
	tk, _ := program.KindOf(p.Type)
	switch {
	case sk == program.KindCase || tk == program.KindCase:
		return true
	case tk == program.KindLeader && p.Type != p.Section:
		return true
	case sk == program.KindLeader:
		return strings.Contains(p.Dir, "/")
	}
	return false
}

// defaultAudience is the site's audience for a content type with no field.
func (b *builder) defaultAudience(typ string) audience.Level {
	l, err := audience.Parse(string(b.cfg.DefaultAudienceFor(typ)))
	if err != nil {
		return audience.Public
	}
	return l
}

// decideOrder is states stably ordered by rank. Regular pages all rank
// last, so only the homes and sections are sorted and the pages follow in
// tree order: linear in the number of pages.
func decideOrder(states []*pageState) []*pageState {
	order := make([]*pageState, 0, len(states))
	for _, st := range states {
		if st.page.Kind == content.KindHome || st.page.Kind == content.KindSection {
			order = append(order, st)
		}
	}
	stablesort.Func(order, func(a, c *pageState) int { return cmp.Compare(rank(a.page), rank(c.page)) })
	for _, st := range states {
		if st.page.Kind != content.KindHome && st.page.Kind != content.KindSection {
			order = append(order, st)
		}
	}
	return order
}

// rank orders pages for deciding: homes, then sections by depth, then
// regular pages.
func rank(p *content.Page) int {
	switch p.Kind {
	case content.KindHome:
		return 0
	case content.KindSection:
		return 1 + strings.Count(p.Dir, "/")
	}
	return 1 << 20
}

// consentOf extracts what the audience rules need from a program item.
func consentOf(it program.Item) (string, audience.Consent) {
	switch v := it.(type) {
	case *program.Leader:
		c := audience.Consent{Publish: v.Consent.Publish, Date: v.Consent.Date}
		for _, s := range v.Consent.Scope {
			c.Scope = append(c.Scope, string(s))
		}
		if v.Consent.Withdrawn != nil {
			c.Withdrawn = *v.Consent.Withdrawn
		}
		return "leader", c
	case *program.Case:
		c := audience.Consent{Publish: v.Consent.Publish, ReviewedBy: v.Disguise.ReviewedBy}
		if v.Consent.Withdrawn != nil {
			c.Withdrawn = *v.Consent.Withdrawn
		}
		return "case", c
	}
	return "", audience.Consent{}
}
