package layout

import (
	"slices"
	"sync"
)

// Prepare escapes and compiles every page template, partial and shortcode
// of the Set now, on up to workers goroutines, instead of at each one's
// first execution. A build calls it while it reads its content, when a
// core is free: compiling the theme is ≈10 ms of CPU, a twentieth of a
// small site's build, and a page rendered first would otherwise wait for
// it with the other workers. An entry that stays on html/template is
// tried once, as on first use. Prepare is safe to call alongside
// executions and more than once.
func (s *Set) Prepare(workers int) {
	if s.interpret {
		return
	}
	var es []*entry
	for _, c := range s.composed {
		if c.alone != nil {
			es = append(es, c.alone.exec)
		}
		for _, t := range c.inBase {
			es = append(es, t.exec)
		}
	}
	for _, e := range s.entries {
		es = append(es, e)
	}
	es = slices.DeleteFunc(es, func(e *entry) bool { return e == nil })
	workers = max(1, min(workers, len(es)))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(es); i += workers {
				s.prepared(es[i])
			}
		})
	}
	wg.Wait()
}
