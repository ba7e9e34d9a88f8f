package site

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"sync"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/output"
)

// sink is where a build's files go: an output.Stage for a real build, a
// discard for `sineng check`, which runs every stage but writes nothing.
type sink interface {
	WriteFile(rel string, data []byte, from string) error
	WriteFrom(rel, from string, write func(w io.Writer) error, check func(data []byte)) error
	CopyFile(rel, srcPath, from string) error
	Commit() (output.Stats, error)
	Abort() error
}

var _ sink = (*output.Stage)(nil)

// discard checks output paths for clashes like a Stage does and drops the
// bytes.
type discard struct {
	mu    sync.Mutex
	paths map[string]string // output path → source
}

func newDiscard() *discard { return &discard{paths: map[string]string{}} }

func (d *discard) claim(rel, from string) error {
	rel = path.Clean(rel)
	d.mu.Lock()
	defer d.mu.Unlock()
	if prev, ok := d.paths[rel]; ok {
		return &diag.Error{File: from, Err: fmt.Errorf("output %s is also written by %s", rel, prev)}
	}
	d.paths[rel] = from
	return nil
}

func (d *discard) WriteFile(rel string, _ []byte, from string) error { return d.claim(rel, from) }

// WriteFrom runs write into memory, for check, and drops the bytes.
func (d *discard) WriteFrom(rel, from string, write func(w io.Writer) error, check func(data []byte)) error {
	if err := d.claim(rel, from); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	if check != nil {
		check(buf.Bytes())
	}
	return nil
}

func (d *discard) CopyFile(rel, _ string, from string) error { return d.claim(rel, from) }

func (d *discard) Commit() (output.Stats, error) { return output.Stats{}, nil }

func (d *discard) Abort() error { return nil }
