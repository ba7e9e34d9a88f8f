package content

import (
	"hash/maphash"
	"sync"
	"sync/atomic"

	"github.com/sineng/sineng/generator/frontmatter"
	"github.com/sineng/sineng/internal/rawfile"
)

// reader reads the files the walk finds while it goes on walking: each
// file is sent to a pool of workers as soon as it is found, with the slot
// its page goes into, and the slots keep the walk's order, so the tree is
// the same however the reads interleave.
type reader struct {
	prefix string // what a page's File adds to its content-relative path (fileNames.prefix)
	opts   Options
	seed   maphash.Seed
	calls  rawfile.Calls // how the files are read
	jobs   chan job
	keep   atomic.Int64 // bytes of bodies that may still be kept (Options.KeptBodies)

	blocks  []*[slotBlock]slot // the slots, in walk order
	found   int                // files sent
	workers int                // workers started
	wg      sync.WaitGroup
}

// slotBlock is how many slots are allocated at a time. A block never
// moves, so workers fill slots while the walk allocates more.
const slotBlock = 256

// slot receives one file's page, nil when it has problems, and its
// problems, added to the build's list once the walk is done so that a
// walk that fails reports only its own error.
type slot struct {
	page     *Page
	problems []error
}

// job is a file to read and the slot for what it gives.
type job struct {
	f  file
	at *slot
}

// send hands f to a worker, starting one while there are fewer than
// opts.Workers.
func (r *reader) send(f file) {
	i := r.found % slotBlock
	if i == 0 {
		r.blocks = append(r.blocks, new([slotBlock]slot))
	}
	at := &r.blocks[len(r.blocks)-1][i]
	r.found++
	if r.workers < r.opts.Workers {
		r.workers++
		r.wg.Add(1)
		go r.work()
	}
	r.jobs <- job{f: f, at: at}
}

// work reads files until the jobs run out.
func (r *reader) work() {
	defer r.wg.Done()
	var dec frontmatter.Decoder // shares keys and values between this worker's pages
	var buf []byte              // the file text, reused when no page keeps it
	for j := range r.jobs {
		j.at.page = r.readPage(j.f, &dec, &buf, &j.at.problems)
	}
}

// wait ends the jobs and waits for the workers to finish them.
func (r *reader) wait() {
	close(r.jobs)
	r.wg.Wait()
}

// each calls fn with every slot's page and problems, in walk order; it
// must follow wait.
func (r *reader) each(fn func(*Page, []error)) {
	for i := 0; i < r.found; i++ {
		s := &r.blocks[i/slotBlock][i%slotBlock]
		fn(s.page, s.problems)
	}
}
