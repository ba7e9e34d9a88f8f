package serve

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/sineng/sineng/generator/site"
	"github.com/sineng/sineng/generator/watch"
)

// siteModel is the fixture site as fields; each step of the equivalence
// test changes it and writes the files it touched.
type siteModel struct {
	t         *testing.T
	src       string
	news      map[string]*newsPage // file name in content/news → page
	withdrawn bool
	audience  string
	leaderN   int
	variant   int
	css       int
	next      int
	// toggle makes the template step add and remove the override instead
	// of changing it, so a site moves between having templates of its own
	// and having only the theme's.
	toggle   bool
	override bool
}

func (m *siteModel) path(rel string) string { return filepath.Join(m.src, filepath.FromSlash(rel)) }

func (m *siteModel) write(rel, text string) string {
	m.t.Helper()
	p := m.path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		m.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		m.t.Fatal(err)
	}
	return p
}

// saveByRename writes a file the way many editors do: a temporary file
// beside it, renamed over it.
func (m *siteModel) saveByRename(rel, text string) string {
	m.t.Helper()
	tmp := m.write(rel+".tmp", text)
	if err := os.Rename(tmp, m.path(rel)); err != nil {
		m.t.Fatal(err)
	}
	return m.path(rel)
}

func (m *siteModel) newsNames() []string {
	names := make([]string, 0, len(m.news))
	for n := range m.news {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// step applies one random edit and returns what it did and the paths it
// touched.
func (m *siteModel) step(rng *rand.Rand) (string, []string) {
	m.next++
	names := m.newsNames()
	pick := func() string { return names[rng.IntN(len(names))] }
	rel := func(name string) string { return "content/news/" + name }
	kind := rng.IntN(11)
	if len(names) < 2 && (kind == 2 || kind == 3) {
		kind = 1 // keep some pages to delete and rename
	}
	switch kind {
	case 0: // edit a body
		name := pick()
		p := m.news[name]
		p.body = fmt.Sprintf("%s Edit %d.", p.body, m.next)
		if rng.IntN(2) == 0 {
			return "edit body of " + name + " (save by rename)", []string{m.saveByRename(rel(name), p.text())}
		}
		return "edit body of " + name, []string{m.write(rel(name), p.text())}
	case 1: // add a page
		name := fmt.Sprintf("p%03d.md", m.next)
		p := &newsPage{title: fmt.Sprintf("Page %d", m.next), date: fmt.Sprintf("2025-03-%02d", 1+m.next%28), body: fmt.Sprintf("Body %d.", m.next)}
		m.news[name] = p
		return "add " + name, []string{m.write(rel(name), p.text())}
	case 2: // delete a page
		name := pick()
		delete(m.news, name)
		if err := os.Remove(m.path(rel(name))); err != nil {
			m.t.Fatal(err)
		}
		return "delete " + name, []string{m.path(rel(name))}
	case 3: // rename a page
		name, to := pick(), fmt.Sprintf("r%03d.md", m.next)
		m.news[to] = m.news[name]
		delete(m.news, name)
		if err := os.Rename(m.path(rel(name)), m.path(rel(to))); err != nil {
			m.t.Fatal(err)
		}
		return "rename " + name + " to " + to, []string{m.path(rel(name)), m.path(rel(to))}
	case 4: // change a slug
		name := pick()
		p := m.news[name]
		if p.slug == "" || rng.IntN(3) > 0 {
			p.slug = fmt.Sprintf("s%03d", m.next)
		} else {
			p.slug = ""
		}
		return "slug of " + name + " = " + p.slug, []string{m.write(rel(name), p.text())}
	case 5: // toggle draft
		name := pick()
		p := m.news[name]
		p.draft = !p.draft
		return fmt.Sprintf("draft of %s = %v", name, p.draft), []string{m.write(rel(name), p.text())}
	case 6: // change the project's audience
		m.audience = []string{"", "public", "funders", "team"}[rng.IntN(4)]
		return "project audience = " + m.audience, []string{m.write("content/projects/homework.md", projectText(m.audience, "After-school help."))}
	case 7: // withdraw or restore the leader's consent
		m.withdrawn = !m.withdrawn
		return fmt.Sprintf("leader consent withdrawn = %v", m.withdrawn),
			[]string{m.write("content/leaders/wang-fang/index.md", leaderText(m.withdrawn, "Wang Fang runs the homework club."))}
	case 8: // edit the leader's body
		m.leaderN++
		return "edit leader body", []string{m.saveByRename("content/leaders/wang-fang/index.md",
			leaderText(m.withdrawn, fmt.Sprintf("Wang Fang runs the homework club (%d).", m.leaderN)))}
	case 9: // edit the template override
		m.variant++
		if m.toggle && m.override {
			m.override = false
			p := m.path("layouts/_default/single.html")
			if err := os.Remove(p); err != nil {
				m.t.Fatal(err)
			}
			return "remove the template override", []string{p}
		}
		m.override = true
		return fmt.Sprintf("template variant %d", m.variant), []string{m.write("layouts/_default/single.html", templateText(m.variant))}
	default: // edit the static stylesheet
		m.css++
		return "edit static stylesheet", []string{m.write("static/css/extra.css", fmt.Sprintf("p{margin:%dpx}\n", m.css))}
	}
}

// TestRebuildsEqualFullBuilds runs the watcher and rebuild loop on a copy
// of the fixture site, applies a seeded random series of edits, and after
// each one's rebuild compares the served output folder with a fresh full
// build, file by file and byte by byte: with full rebuilds, and with the
// incremental rebuilder on the fixture without its template override
// (body edits are then applied alone) while the override comes and goes.
func TestRebuildsEqualFullBuilds(t *testing.T) {
	t.Run("full", func(t *testing.T) { testRebuildsEqualFullBuilds(t, FullRebuild, false) })
	t.Run("incremental", func(t *testing.T) { testRebuildsEqualFullBuilds(t, Incremental, true) })
}

func testRebuildsEqualFullBuilds(t *testing.T, rebuilder func(site.Options) Rebuilder, incremental bool) {
	const seed, steps = 20260601, 60
	dir := scratch(t)
	src := filepath.Join(dir, "site")
	files := fixtureFiles()
	if incremental {
		delete(files, "layouts/_default/single.html")
	}
	writeTree(t, src, files)
	out := filepath.Join(dir, "served", "public")
	opts := site.Options{Source: src, Out: out, Now: fixtureNow}

	reports := make(chan BuildReport, 1000)
	runServer(t, Options{
		Source:   src,
		Out:      out,
		Listener: listen(t),
		Rebuild:  rebuilder(opts),
		Watch:    watch.Options{Quiet: 30 * time.Millisecond},
		OnBuild:  func(r BuildReport) { reports <- r },
	})
	nextReport := func() BuildReport {
		select {
		case r := <-reports:
			return r
		case <-time.After(30 * time.Second):
			t.Fatal("no build reported")
		}
		return BuildReport{}
	}
	if r := nextReport(); r.Err != nil || !r.Batch.Full {
		t.Fatalf("first build: %v (full %v)", r.Err, r.Batch.Full)
	}

	m := &siteModel{t: t, src: src, news: map[string]*newsPage{
		"one.md": {title: "One", date: "2025-01-01", body: "First news."},
		"two.md": {title: "Two", date: "2025-02-01", body: "Second news."},
	}, toggle: incremental, override: !incremental}
	applied := 0
	rng := rand.New(rand.NewPCG(seed, seed))
	freshOut := filepath.Join(dir, "fresh", "public")
	for i := range steps {
		what, touched := m.step(rng)
		// Wait for the build whose batch saw the last of this step's
		// changes: it read the sources after all of them were made.
		var seen []string
		var last BuildReport
		for !containsAll(seen, touched) {
			last = nextReport()
			seen = append(seen, last.Batch.Paths...)
		}
		fresh := site.Options{Source: src, Out: freshOut, Now: fixtureNow}
		_, freshErr := site.Build(context.Background(), fresh)
		if (freshErr != nil) != (last.Err != nil) {
			t.Fatalf("step %d (%s): served build error %v, fresh build error %v", i, what, last.Err, freshErr)
		}
		if freshErr != nil {
			continue // both failed: the served folder keeps the last good site
		}
		want, err := readTree(freshOut)
		if err != nil {
			t.Fatal(err)
		}
		// A late event of this step may start one more (equal) build that
		// swaps the folder while it is read: on a mismatch, wait for such a
		// build and read again; fail only when none comes.
		for {
			got, err := readTree(out)
			d := ""
			if err == nil {
				d = diffTrees(got, want)
			}
			if err == nil && d == "" {
				break
			}
			select {
			case last = <-reports:
				continue
			case <-time.After(3 * time.Second):
			}
			if err != nil {
				t.Fatalf("step %d (%s): reading the served folder: %v", i, what, err)
			}
			t.Fatalf("step %d (%s): served output differs from a full build:\n%s", i, what, d)
		}
		if last.Result != nil && last.Result.Incremental {
			applied++
		}
		t.Logf("step %d: %s (incremental %v)", i, what, last.Result != nil && last.Result.Incremental)
	}
	if incremental && applied < 5 {
		t.Errorf("only %d rebuilds were incremental", applied)
	}
}

func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}
