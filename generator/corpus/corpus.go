package corpus

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Options says what to generate. Its zero value is not usable: Pages must be
// positive.
type Options struct {
	// Pages is about how many content pages (Markdown files) to write.
	Pages int
	// Seed selects the corpus; the same Pages and Seed give the same tree.
	Seed uint64
	// Markers plants a unique marker in every item that must not reach the
	// public build and writes markers.txt beside content/.
	Markers bool
}

// Summary describes a generated corpus.
type Summary struct {
	// Files counts every file written: site.toml, pages, photos, markers.txt.
	Files int
	// Leaders, Cases, Sessions, Projects, Exchange and Plain count the pages
	// of each type; section _index.md files are counted in none of them.
	Leaders, Cases, Sessions, Projects, Exchange, Plain int
	// Expected lists the content-relative, slash-separated path of every
	// page file written, sorted.
	Expected []string
}

// MarkersFile is the name of the marker list written beside content/.
const MarkersFile = "markers.txt"

// file is one generated file, its path relative to the output folder.
type file struct {
	path string
	data []byte
}

// generator holds the state of one Generate call.
type generator struct {
	t       text
	opts    Options
	items   []*item
	leaders []*leader
	markers []marker
	files   []file
	targets [3][]*item // link targets visible to each audience: non-draft leaf pages
}

// Generate writes a program site of about opts.Pages content pages into dir,
// creating it if needed. Existing files with the same names are overwritten;
// other files in dir are left alone.
func Generate(dir string, opts Options) (Summary, error) {
	if opts.Pages < 1 {
		return Summary{}, errors.New("corpus: pages must be at least 1")
	}
	g := &generator{
		t:    text{r: rand.New(rand.NewPCG(opts.Seed, 0x5eed5eed5eed5eed)), v: newVocab()},
		opts: opts,
	}
	g.plan()
	if err := g.render(); err != nil {
		return Summary{}, err
	}
	sum := g.summary()
	if err := writeFiles(dir, g.files); err != nil {
		return Summary{}, err
	}
	return sum, nil
}

// render turns the planned items into files.
func (g *generator) render() error {
	g.files = make([]file, 0, len(g.items)+len(g.leaders)/2+2)
	g.files = append(g.files, file{"site.toml", siteConfig()})
	for _, it := range g.items {
		var data []byte
		switch it.kind {
		case kindSection:
			data = g.sectionPage(it)
		case kindLeader:
			data = g.leaderPage(it)
			if it.leader.photo {
				img, err := photo(g.t)
				if err != nil {
					return err
				}
				dir := strings.TrimSuffix(it.path, "index.md")
				g.files = append(g.files, file{"content/" + dir + "photo.png", img})
			}
		case kindCase:
			data = g.casePage(it)
		case kindSession:
			data = g.sessionPage(it)
		case kindProject:
			data = g.projectPage(it)
		case kindExchange:
			data = g.exchangePage(it)
		default:
			data = g.plainPage(it)
		}
		g.files = append(g.files, file{"content/" + it.path, data})
	}
	if g.opts.Markers {
		var b strings.Builder
		for _, m := range g.markers {
			b.WriteString(m.text + " " + m.aud.String() + "\n")
		}
		g.files = append(g.files, file{MarkersFile, []byte(b.String())})
	}
	return nil
}

// summary counts the generated items.
func (g *generator) summary() Summary {
	s := Summary{Files: len(g.files)}
	for _, it := range g.items {
		s.Expected = append(s.Expected, it.path)
		switch it.kind {
		case kindLeader:
			s.Leaders++
		case kindCase:
			s.Cases++
		case kindSession:
			s.Sessions++
		case kindProject:
			s.Projects++
		case kindExchange:
			s.Exchange++
		case kindPlain:
			s.Plain++
		}
	}
	sort.Strings(s.Expected)
	return s
}

// writeFiles creates the folders, then writes the files with a bounded pool
// of workers. Contents do not depend on the order of writes.
func writeFiles(dir string, files []file) error {
	seen := map[string]bool{}
	var dirs []string
	for _, f := range files {
		d := filepath.Dir(filepath.Join(dir, filepath.FromSlash(f.path)))
		if !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("create folder: %w", err)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), 8)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(files); i += workers {
				p := filepath.Join(dir, filepath.FromSlash(files[i].path))
				if err := os.WriteFile(p, files[i].data, 0o644); err != nil {
					errs[w] = fmt.Errorf("write corpus file: %w", err)
					return
				}
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}
