package serve

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"os"
	"path"
	"strings"

	"github.com/sineng/sineng/generator/site"
	"github.com/sineng/sineng/generator/watch"
)

// report records a finished build and tells open pages, after the build
// returned (so its output is in place). It returns the event sent.
//
// The rule:
//
//   - A failed build keeps the previous output served and sends "failed"
//     with every problem; HTML served from then on carries the overlay.
//   - A successful build after a failed one (or after none) sends
//     "reload": the overlay goes with the reload.
//   - A successful build whose batch changed only .css files under assets/
//     or static/ (watch.Changes.StylesOnly) and whose new output files are
//     only stylesheets and pages (the pages differ by their fingerprinted
//     stylesheet URLs) sends "css" with the new sheets, swapped in without a
//     reload.
//   - Any other successful build sends "reload", also one that changed no
//     output file bytes (it may have removed some).
func (s *Server) report(changes watch.Changes, res *site.Result, err error) string {
	prev := s.state.Load()
	next := &state{gen: prev.gen + 1, good: prev.good}
	if err != nil {
		next.errors = problems(err)
		s.state.Store(next)
		tok := s.token(next)
		s.hub.publish(event{name: eventFailed, build: tok, data: failedData(tok, next.errors)})
		return eventFailed
	}
	next.good = true
	s.state.Store(next)
	tok := s.token(next)
	e := event{name: eventReload, build: tok, data: reloadData(tok)}
	if prev.good && len(prev.errors) == 0 && res != nil && changes.StylesOnly() {
		if sheets, ok := s.sheets(res.Changed); ok {
			e = event{name: eventCSS, build: tok, data: cssData(tok, sheets)}
		}
	}
	s.hub.publish(e)
	return e.name
}

// sheet is one new stylesheet of a "css" event.
type sheet struct {
	Path      string `json:"path"`      // in the output folder: css/style.3f2a9c0d1e.css
	Key       string `json:"key"`       // the path without fingerprint and extension: css/style
	Integrity string `json:"integrity"` // for links that carry an integrity attribute
}

// sheets lists the stylesheets among changed; false when changed holds a
// file that is neither a stylesheet nor a page, or no stylesheet.
func (s *Server) sheets(changed []string) ([]sheet, bool) {
	root, err := os.OpenRoot(s.out)
	if err != nil {
		return nil, false
	}
	defer root.Close()
	var out []sheet
	for _, p := range changed {
		switch {
		case strings.HasSuffix(p, ".css"):
			data, err := root.ReadFile(p)
			if err != nil {
				return nil, false
			}
			sum := sha256.Sum256(data)
			out = append(out, sheet{Path: p, Key: sheetKey(p), Integrity: "sha256-" + base64.StdEncoding.EncodeToString(sum[:])})
		case isHTML(p):
		default:
			return nil, false
		}
	}
	return out, len(out) > 0
}

// sheetKey drops the extension and the fingerprint, if any, from a
// stylesheet path: css/style.3f2a9c0d1e.css → css/style, css/extra.css →
// css/extra. The reload script computes the same of each link's path.
func sheetKey(p string) string {
	dir, base := path.Split(p)
	base = strings.TrimSuffix(base, ".css")
	if i := strings.LastIndexByte(base, '.'); i >= 0 && isFingerprint(base[i+1:]) {
		base = base[:i]
	}
	return dir + base
}

// isFingerprint reports a content hash in a file name: eight or more
// lower-case hex digits.
func isFingerprint(s string) bool {
	if len(s) < 8 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func reloadData(tok string) []byte {
	return marshal(struct {
		Build string `json:"build"`
	}{tok})
}

func failedData(tok string, errs []string) []byte {
	return marshal(struct {
		Build  string   `json:"build"`
		Errors []string `json:"errors"`
	}{tok, errs})
}

func cssData(tok string, sheets []sheet) []byte {
	return marshal(struct {
		Build  string  `json:"build"`
		Sheets []sheet `json:"sheets"`
	}{tok, sheets})
}

// marshal encodes plain structs of strings, which does not fail; an empty
// object stands in if it ever did.
func marshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		return []byte("{}")
	}
	return b
}
