package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// ErrRefused is wrapped by the error Open and the swap return for an
// output folder sineng will not write into or delete from.
var ErrRefused = errors.New("refused output folder")

// ErrUnsafePath is wrapped by the error a Stage returns for a relative output
// path that is empty, absolute, climbs with "..", names a folder, or uses a
// backslash or NUL byte.
var ErrUnsafePath = errors.New("unsafe output path")

// ErrDuplicate is wrapped by the error a Stage returns when a second source
// writes an output path that an earlier source already wrote (two pages with
// one URL).
var ErrDuplicate = errors.New("two sources write one output path")

// sourceFolders lists the folders of a site whose contents a build reads; an
// output folder inside one of them would be read back as input next time.
func sourceFolders() []string {
	return []string{"content", "layouts", "static", "themes", "data"}
}

// refused returns an error wrapping ErrRefused for folder, giving why.
func refused(folder, why string) error {
	return fmt.Errorf("output: %w %s: %s", ErrRefused, folder, why)
}

// canonical returns p as an absolute, clean path with every symlink in its
// longest existing prefix resolved, so two spellings of one folder compare
// equal. The missing tail is joined unchanged.
func canonical(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", fmt.Errorf("output: resolve %s: %w", p, err)
	}
	cur, rest := abs, ""
	for {
		resolved, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(resolved, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("output: resolve %s: %w", p, err)
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// within reports whether p is dir or lies inside it. Both must be canonical.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	if err != nil {
		return false
	}
	return rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)))
}

// refuseDangerous refuses a canonical folder that is a filesystem root or is
// (or contains) the user's home folder: replacing or pruning it would destroy
// far more than a site.
func refuseDangerous(folder string) error {
	if filepath.Dir(folder) == folder {
		return refused(folder, "it is the root of a filesystem")
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if h, err := canonical(home); err == nil && within(folder, h) {
			return refused(folder, "it is or contains your home folder")
		}
	}
	return nil
}

// refuseSource refuses a canonical output folder that equals or contains the
// canonical source folder, or lies inside a folder the build reads.
func refuseSource(out, source string) error {
	if within(out, source) {
		if out == source {
			return refused(out, "it is the site's source folder")
		}
		return refused(out, "it contains the site's source folder "+source)
	}
	for _, name := range sourceFolders() {
		if within(filepath.Join(source, name), out) {
			return refused(out, "it is inside the site's "+name+"/ folder, which the build reads")
		}
	}
	return nil
}

// cleanRel checks a slash-separated output path and returns it cleaned. It
// rejects paths that are empty, absolute, contain a ".." element, end in a
// slash, or hold a backslash or NUL byte, so the result always names a file
// strictly inside the output folder.
func cleanRel(rel string) (string, error) {
	switch {
	case rel == "":
		return "", fmt.Errorf("%w: empty path", ErrUnsafePath)
	case strings.ContainsAny(rel, "\\\x00"):
		return "", fmt.Errorf("%w: %q holds a backslash or NUL byte", ErrUnsafePath, rel)
	case path.IsAbs(rel) || filepath.IsAbs(rel) || filepath.VolumeName(rel) != "":
		return "", fmt.Errorf("%w: %q is absolute", ErrUnsafePath, rel)
	case strings.HasSuffix(rel, "/"):
		return "", fmt.Errorf("%w: %q names a folder, not a file", ErrUnsafePath, rel)
	}
	for _, el := range strings.Split(rel, "/") {
		if el == ".." {
			return "", fmt.Errorf("%w: %q climbs out with \"..\"", ErrUnsafePath, rel)
		}
	}
	clean := path.Clean(rel)
	if clean == "." {
		return "", fmt.Errorf("%w: %q names the output folder itself", ErrUnsafePath, rel)
	}
	return clean, nil
}
