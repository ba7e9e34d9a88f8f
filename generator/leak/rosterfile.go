package leak

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/sineng/sineng/generator/diag"
)

// LoadRoster reads a roster file: one name a line, spaces around a name
// trimmed, blank lines and lines starting with # ignored, a UTF-8 byte order
// mark allowed. A name shorter than two characters would match nearly
// everywhere, so it is refused with a *diag.Error naming its line, as is a
// line that is not valid UTF-8; all such lines are reported together.
// Repeated names are returned once.
func LoadRoster(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load roster: %w", err)
	}
	return parseRoster(path, data)
}

// parseRoster is LoadRoster on bytes already read; path names the file in
// errors.
func parseRoster(path string, data []byte) ([]string, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var names []string
	var errs []error
	seen := map[string]bool{}
	for n, line := range strings.Split(string(data), "\n") {
		name := strings.TrimSpace(line)
		if name == "" || strings.HasPrefix(name, "#") {
			continue
		}
		switch {
		case !utf8.ValidString(name):
			errs = append(errs, diag.Errorf(path, n+1, 0, "roster line is not valid UTF-8"))
		case utf8.RuneCountInString(name) < 2:
			errs = append(errs, diag.Errorf(path, n+1, 0, "roster name %q is shorter than 2 characters and would match almost everywhere", name))
		case !seen[name]:
			seen[name] = true
			names = append(names, name)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return names, nil
}
