package output

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// WriteFile writes data as the output file rel, a slash path inside the
// output folder such as "projects/x/index.html". from names the source (a
// content file) for error messages.
//
// When the previous output holds a regular file at rel with the same bytes,
// that file is hard-linked into the stage instead (counted as unchanged); any
// link error falls back to writing. A second write to one rel fails with an
// error wrapping ErrDuplicate that names both sources.
func (s *Stage) WriteFile(rel string, data []byte, from string) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	clean, dst, err := s.reserve(rel, from)
	if err != nil {
		return err
	}
	size := int64(len(data))
	if s.linkUnchanged(clean, dst, size, func(prev io.Reader) bool { return s.equalBytes(prev, data) }) {
		s.nUnchanged.Add(1)
		return nil
	}
	if err := s.calls.WriteNew(dst, data); err != nil {
		return fail("write", clean, from, s.explain(clean, err))
	}
	s.nWritten.Add(1)
	s.nBytes.Add(size)
	s.recordChanged(clean)
	return nil
}

// CopyFile copies the regular file srcPath to the output file rel; from names
// the source for error messages. When the previous output holds a regular
// file at rel of the same size and bytes it is hard-linked instead (counted
// as unchanged). The source itself is never linked: the bytes are copied into
// a new file with mode 0644 (less the umask), so editing the output can never
// edit the source.
func (s *Stage) CopyFile(rel, srcPath, from string) error {
	clean, err := cleanRel(rel)
	if err != nil {
		return fail("copy", rel, from, err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.claim(clean, from); err != nil {
		return fail("copy", clean, from, err)
	}
	src, err := os.Open(srcPath)
	if err != nil {
		return fail("copy", clean, from, err)
	}
	defer src.Close()
	info, err := src.Stat()
	if err != nil {
		return fail("copy", clean, from, err)
	}
	if !info.Mode().IsRegular() {
		return fail("copy", clean, from, fmt.Errorf("%s is not a regular file", srcPath))
	}
	dst, err := s.prepare(clean)
	if err != nil {
		return fail("copy", clean, from, err)
	}
	if s.linkUnchanged(clean, dst, info.Size(), func(prev io.Reader) bool { return s.equalFiles(src, prev, info.Size()) }) {
		s.nUnchanged.Add(1)
		return nil
	}
	if _, err := src.Seek(0, io.SeekStart); err != nil {
		return fail("copy", clean, from, err)
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fail("copy", clean, from, s.explain(clean, err))
	}
	n, err := io.Copy(f, src)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail("copy", clean, from, err)
	}
	s.nCopied.Add(1)
	s.nBytes.Add(n)
	s.recordChanged(clean)
	return nil
}

// claim records that from writes clean, or reports the source that already
// did. The two names are sorted so the message does not depend on which
// goroutine came first.
func (s *Stage) claim(clean, from string) error {
	if s.state != stageOpen {
		return errors.New("the stage was already committed or aborted")
	}
	prior, loaded := s.sources.LoadOrStore(clean, from)
	if !loaded {
		return nil
	}
	names := []string{sourceName(prior), sourceName(from)}
	sort.Strings(names)
	return fmt.Errorf("%w: %s and %s", ErrDuplicate, names[0], names[1])
}

// prepare makes sure the folder of clean exists in the stage and returns the
// stage path of clean.
func (s *Stage) prepare(clean string) (string, error) {
	if err := s.mkdir(path.Dir(clean)); err != nil {
		return "", s.explain(clean, err)
	}
	return filepath.Join(s.dir, filepath.FromSlash(clean)), nil
}

// reserve checks the output path rel, claims it for the source from and
// makes its folder in the stage: the first steps of a write. It returns
// the clean path and the stage file to write. The caller holds s.mu for
// reading.
func (s *Stage) reserve(rel, from string) (clean, dst string, err error) {
	clean, err = cleanRel(rel)
	if err != nil {
		return "", "", fail("write", rel, from, err)
	}
	if err := s.claim(clean, from); err != nil {
		return "", "", fail("write", clean, from, err)
	}
	dst, err = s.prepare(clean)
	if err != nil {
		return "", "", fail("write", clean, from, err)
	}
	return clean, dst, nil
}

// MakeDirs makes the stage folders dirs (slash paths relative to the
// output folder) and their parents ahead of the writes that need them, so a
// caller with an idle core can take that work off its writers. A folder
// that ends up holding no file stays in the output: pass only folders that
// will be written into. Problems are left for those writes to report.
func (s *Stage) MakeDirs(dirs []string) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.state != stageOpen {
		return
	}
	for _, d := range dirs {
		if clean, err := cleanRel(d); err == nil {
			_ = s.mkdir(clean)
		}
	}
}

// mkdir makes the stage folder dir and its parents. Folders made are
// remembered, so a folder costs one mkdir call however many files it holds;
// goroutines racing to make one folder all succeed.
func (s *Stage) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	if _, ok := s.dirs.Load(dir); ok {
		return nil
	}
	if err := s.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	p := filepath.Join(s.dir, filepath.FromSlash(dir))
	if err := s.calls.Mkdir(p, 0o755); err != nil {
		if info, serr := os.Lstat(p); serr != nil || !info.IsDir() {
			return err
		}
	}
	s.dirs.Store(dir, struct{}{})
	return nil
}

// explain names the source behind a file-versus-folder clash: a folder of
// clean that another source wrote as a file, or clean itself being a folder
// holding another source's file. Other errors are returned as they are.
func (s *Stage) explain(clean string, err error) error {
	for d := path.Dir(clean); d != "."; d = path.Dir(d) {
		if from, ok := s.sources.Load(d); ok {
			return fmt.Errorf("folder %s is already a file written by %s: %w", d, sourceName(from), err)
		}
	}
	if _, ok := s.dirs.Load(clean); ok {
		var holder, holderFrom string
		s.sources.Range(func(rel, from string) bool {
			if strings.HasPrefix(rel, clean+"/") && (holder == "" || rel < holder) {
				holder, holderFrom = rel, from
			}
			return true
		})
		if holder != "" {
			return fmt.Errorf("it is already a folder holding %s, written by %s: %w", holder, sourceName(holderFrom), err)
		}
	}
	return err
}

// linkUnchanged hard-links the previous output's file at clean into dst when
// it is a regular file of the given size, reached without symlinks, for which
// equal reports true. It reports whether it linked; on false nothing was
// created at dst.
func (s *Stage) linkUnchanged(clean, dst string, size int64, equal func(prev io.Reader) bool) bool {
	if s.prev == "" || s.noLink.Load() || !s.prevDirOK(path.Dir(clean)) {
		return false
	}
	p := filepath.Join(s.prev, filepath.FromSlash(clean))
	info, err := os.Lstat(p)
	if err != nil || !info.Mode().IsRegular() || info.Size() != size {
		return false
	}
	f, err := s.prevCalls.Open(p)
	if err != nil {
		return false
	}
	same := equal(f)
	f.Close()
	if !same {
		return false
	}
	if err := os.Link(p, dst); err != nil {
		if errors.Is(err, syscall.EXDEV) || errors.Is(err, syscall.EPERM) {
			s.noLink.Store(true)
		}
		return false
	}
	return true
}

// prevDirOK reports whether the previous output's folder dir is a real
// folder whose every component is a folder, not a symlink, so a file found
// there lies inside the previous output. Answers are remembered.
func (s *Stage) prevDirOK(dir string) bool {
	if dir == "." {
		return true
	}
	if ok, found := s.prevDirs.Load(dir); found {
		return ok
	}
	ok := s.prevDirOK(path.Dir(dir))
	if ok {
		info, err := os.Lstat(filepath.Join(s.prev, filepath.FromSlash(dir)))
		ok = err == nil && info.IsDir()
	}
	s.prevDirs.Store(dir, ok)
	return ok
}

// compareBuf is the size of each compare buffer.
const compareBuf = 32 << 10

// buffer returns a compare buffer from the Stage's pool; give it back with
// s.bufs.Put.
func (s *Stage) buffer() *[]byte {
	if b, ok := s.bufs.Get().(*[]byte); ok {
		return b
	}
	b := make([]byte, compareBuf)
	return &b
}

// equalBytes reports whether r, a file whose size is len(data), holds
// exactly data. The last read asks for one byte more than is left, so a
// short answer ends the compare without another read to see EOF.
func (s *Stage) equalBytes(r io.Reader, data []byte) bool {
	bp := s.buffer()
	defer s.bufs.Put(bp)
	buf := *bp
	for {
		want := min(len(data)+1, len(buf))
		n, err := r.Read(buf[:want])
		if n > len(data) || string(buf[:n]) != string(data[:n]) {
			return false
		}
		data = data[n:]
		switch {
		case len(data) == 0 && n > 0 && n < want:
			return true
		case err == io.EOF:
			return len(data) == 0
		case err != nil:
			return false
		}
	}
}

// equalFiles reports whether the first size bytes of a and b, read from
// their current offsets, are equal. Callers have checked both files are
// size bytes long.
func (s *Stage) equalFiles(a, b io.Reader, size int64) bool {
	ap, bp := s.buffer(), s.buffer()
	defer s.bufs.Put(ap)
	defer s.bufs.Put(bp)
	for size > 0 {
		n := int(min(size, int64(len(*ap))))
		if _, err := io.ReadFull(a, (*ap)[:n]); err != nil {
			return false
		}
		if _, err := io.ReadFull(b, (*bp)[:n]); err != nil {
			return false
		}
		if string((*ap)[:n]) != string((*bp)[:n]) {
			return false
		}
		size -= int64(n)
	}
	return true
}
