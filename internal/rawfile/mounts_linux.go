//go:build linux && (amd64 || arm64)

package rawfile

import (
	"bytes"
	"strconv"
	"strings"
)

// mountedBelow reports whether a /proc/self/mountinfo listing has a mount
// point strictly below dir, an absolute path with symlinks resolved.
// Unreadable lines count as mounts below dir: the answer must not be a
// wrong no.
func mountedBelow(mountinfo []byte, dir string) bool {
	prefix := strings.TrimSuffix(dir, "/") + "/"
	for line := range bytes.Lines(mountinfo) {
		fields := strings.Fields(string(line))
		if len(fields) < 5 {
			if len(fields) > 0 {
				return true
			}
			continue
		}
		point, ok := unescapeMount(fields[4])
		if !ok || strings.HasPrefix(point, prefix) {
			return true
		}
	}
	return false
}

// unescapeMount undoes the octal escapes (\040 for a space) with which
// mountinfo writes a path; ok is false for a malformed escape.
func unescapeMount(s string) (string, bool) {
	if !strings.Contains(s, "\\") {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		if i+4 > len(s) {
			return "", false
		}
		n, err := strconv.ParseUint(s[i+1:i+4], 8, 8)
		if err != nil {
			return "", false
		}
		b.WriteByte(byte(n))
		i += 3
	}
	return b.String(), true
}
