package layout

// Prepare escapes and compiles every page template of the Set now, one
// after another on the calling goroutine, instead of at each one's first
// execution. A build calls it on a goroutine of its own while it reads its
// content: compiling the theme's page templates is ≈10 ms of CPU, a tenth
// of a small site's build, and a page rendered first would otherwise wait
// for it with the other workers. A partial a page template places with
// {{ template }} compiles with it, once, and the page templates share its
// code (exec_share.go); the other partials and the shortcodes compile on
// first use (a build of the generated sites runs 33 of 82 entries). An
// entry that stays on html/template is tried once, as on first use.
// Prepare is safe to call alongside executions and more than once.
func (s *Set) Prepare() {
	if s.interpret {
		return
	}
	for _, c := range s.composed {
		if c.alone != nil && c.alone.exec != nil {
			s.prepared(c.alone.exec)
		}
		for _, t := range c.inBase {
			if t.exec != nil {
				s.prepared(t.exec)
			}
		}
	}
}
