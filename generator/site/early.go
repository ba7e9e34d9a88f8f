package site

import (
	"path"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/sineng/sineng/generator/markdown"
	"github.com/sineng/sineng/generator/program"
)

// Assembly and the planning of the outputs run on one goroutine (≈0.1 s at
// 10k pages), so one core would wait there. A helper goroutine takes that
// core: it makes the page folders, most of them while the views are made,
// then converts pages one at a time, in tree order, until renderMarkdown
// stops it just before the runs start; the runs then skip those pages'
// conversion (pageState.early). Stopping waits for at most one page or one
// batch of folders: the folders not made by then are made by the writes
// that need them. A CPU profile counts the helper's work in the assemble
// stage (pprof labels follow the goroutine that started it).
//
// A page's conversion reads its body, the published pages' URLs (linkURLs,
// final once the views are made: neutralLeaderURL runs before each view is
// made, and no later step changes a file page's URL or drops its view), the
// Markdown renderer, and writes only the page's own conversion slots (md,
// text, counts, plain, its kept body). It must not read what assembly is
// still writing, so the helper leaves to the runs every page whose
// conversion would: one that may call a shortcode (the templates see views
// being assembled), one with a link linkURLs cannot answer (explaining why
// reads the builder's maps), one with an image of its own bundle (whether
// publishing renames the picture is decided meanwhile, by processImages),
// and any page whose conversion reports a
// problem, which its run then reports as a build without the helper would.
// The output is the same either way; only where the work runs changes.

// earlyHelper is the goroutine that makes the page folders and converts
// pages early.
type earlyHelper struct {
	mk      dirMaker // the stage, when it makes folders ahead (nil: it does not)
	stop    atomic.Bool
	wg      sync.WaitGroup
	next    chan earlyWork // the second part of its work, sent once the views are made
	sent    bool           // next was sent or closed (touched by the build's goroutine only)
	stopped bool           // stopEarly ran (touched by the build's goroutine only)
	done    []*pageState   // pages converted, in order (read after wait)
}

// dirMaker is a stage that makes output folders ahead of the writes
// (output.Stage).
type dirMaker interface{ MakeDirs(dirs []string) }

// earlyWork is what the helper does once the views are made: make the
// rest of the page folders, then convert pages.
type earlyWork struct {
	dirs []string
	todo []*pageState
}

// startHelper starts the helper goroutine before the views are made, when
// the folders of the decided pages are known but for leaders' portfolios
// (neutralLeaderURL may move them; a folder without its page would publish
// its name): it makes the folders of the published pages with a file but
// those, then waits for continueHelper. byLang holds the configured
// languages: a page of another one has no view and no output.
func (b *builder) startHelper(byLang map[string]*langSite) {
	h := &b.early
	h.mk, _ = b.stage.(dirMaker)
	var dirs []string
	if h.mk != nil {
		dirs = make([]string, 0, len(b.pages))
		for _, st := range b.pages {
			if _, leader := st.item.(*program.Leader); leader || st.page.File == "" || byLang[st.page.Lang] == nil {
				continue
			}
			dirs = append(dirs, path.Dir(st.page.OutPath))
		}
	}
	h.next = make(chan earlyWork, 1)
	h.wg.Go(func() {
		if !h.makeDirs(dirs) {
			return
		}
		w, ok := <-h.next
		if !ok {
			return
		}
		// The folders made above cost a lookup each.
		if !h.makeDirs(w.dirs) {
			return
		}
		var buf []byte
		for _, st := range w.todo {
			if h.stop.Load() {
				return
			}
			if b.convertEarly(st, &buf) {
				h.done = append(h.done, st)
			}
		}
	})
}

// dirBatch is how many folders the helper makes between looks at its stop
// flag.
const dirBatch = 256

// makeDirs makes dirs in the stage in batches until done or stopped; it
// reports whether it made them all (none are asked of a stage that does
// not make folders ahead).
func (h *earlyHelper) makeDirs(dirs []string) bool {
	for len(dirs) > 0 {
		if h.stop.Load() {
			return false
		}
		n := min(dirBatch, len(dirs))
		h.mk.MakeDirs(dirs[:n])
		dirs = dirs[n:]
	}
	return true
}

// continueHelper hands the helper the rest of its work once the views are
// made and the empty sections pruned: the folder of every published page
// left, and, when the build streams (see streams), the pages with a body to
// convert until stopEarly.
func (b *builder) continueHelper() {
	h := &b.early
	if h.next == nil || h.sent {
		return
	}
	var w earlyWork
	if h.mk != nil {
		w.dirs = make([]string, 0, len(b.pages))
	}
	convert := b.streams() && b.opts.early != earlyNone
	for _, st := range b.pages { // copied: assembly edits b.pages meanwhile
		if st.lang == nil {
			continue
		}
		if w.dirs != nil {
			w.dirs = append(w.dirs, path.Dir(st.page.OutPath))
		}
		if convert && st.page.File != "" && st.view != nil {
			w.todo = append(w.todo, st)
		}
	}
	h.sent = true
	h.next <- w
}

// stopEarly stops the helper and waits for it; it returns the pages it
// converted. Only the build's goroutine calls it, and only the first call
// waits. With Options.early set to earlyAll it lets the helper finish.
func (b *builder) stopEarly() []*pageState {
	h := &b.early
	if h.stopped {
		return nil
	}
	h.stopped = true
	if b.opts.early != earlyAll {
		h.stop.Store(true)
	}
	if h.next != nil && !h.sent {
		h.sent = true
		close(h.next) // assembly ended (it panicked) before the views were made
	}
	h.wg.Wait()
	return h.done
}

// streams reports whether the build makes a page's outputs as soon as the
// page is converted (renderMarkdown): with the theme's templates, outside a
// Session.
func (b *builder) streams() bool {
	return b.layout != nil && b.md != nil && !b.keep && !b.ownTemplates
}

// convertEarly converts st's body as convertPage does, unless the
// conversion would read something assembly is still writing or reports a
// problem (see above); it reports whether it kept the result.
func (b *builder) convertEarly(st *pageState, buf *[]byte) bool {
	body, err := b.tree.ReadBody(st.page, buf)
	if err != nil || markdown.HasShortcode(body) {
		return false
	}
	// No shortcode runner: a body that calls one was left above.
	res, err := b.md.Render(body, b.bodyContext(st, knownLinks{newLinkResolver(b, st)}, nil))
	if err != nil {
		return false
	}
	b.keepConverted(st, res)
	st.page.Body = nil
	st.early = true
	return true
}

// knownLinks resolves the links linkURLs answers and fails on the others,
// whose explanation is left to the page's run.
type knownLinks struct{ r linkResolver }

// Resolve implements markdown.LinkResolver. An image of the page's own
// bundle is left to the run: whether publishing renames it is decided
// while the early conversions run (processImages); any other image link
// stays as written, as in the run.
func (k knownLinks) Resolve(dest string, image bool) (string, error) {
	if _, _, ok := k.r.foreignFile(dest); ok {
		return "", leftForRun{} // another bundle's file: what it publishes is decided meanwhile
	}
	if strings.HasPrefix(dest, "/") {
		return dest, nil // a site path of no bundle: as written
	}
	if image {
		plain, _, _ := strings.Cut(dest, "?")
		if _, ok := k.r.bundleFile(plain); ok {
			return "", leftForRun{}
		}
		return dest, nil
	}
	u, _, _, ok := k.r.known(dest, image)
	if !ok {
		return "", leftForRun{}
	}
	return u, nil
}

// leftForRun is the error of an early conversion that leaves the page to
// its run.
type leftForRun struct{}

func (leftForRun) Error() string { return "left for the page's run" }

// earlyFirst returns order with the pages in early first, in the order of
// early, then the others in their order.
func earlyFirst(order, early []*pageState) []*pageState {
	if len(early) == 0 {
		return order
	}
	out := make([]*pageState, 0, len(order))
	out = append(out, early...)
	for _, st := range order {
		if !st.early {
			out = append(out, st)
		}
	}
	return out
}
