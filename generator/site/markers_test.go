package site

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/corpus"
)

// marker is a string planted in an item that only some audiences may see.
type marker struct {
	text     string
	audience string // "funders" or "team": the narrowest audience allowed to see it; "none" for image metadata
}

// plantImageMarkers writes a PNG text chunk with a unique marker into every
// image of the site: no build, not even the team's, may publish it, since
// published images are re-encoded without metadata.
func plantImageMarkers(t *testing.T, src string) []marker {
	t.Helper()
	var out []marker
	n := 0
	err := filepath.WalkDir(filepath.Join(src, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".png") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		m := fmt.Sprintf("LEAKMARK-exif-%06d", n)
		chunk := pngChunk("tEXt", []byte("Comment\x00GPS 31.23N 121.47E "+m))
		// After the 8-byte signature and the 25-byte IHDR chunk.
		data = append(append(append([]byte{}, data[:33]...), chunk...), data[33:]...)
		out = append(out, marker{m, "none"})
		return os.WriteFile(p, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func pngChunk(typ string, data []byte) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.BigEndian, uint32(len(data)))
	b.WriteString(typ)
	b.Write(data)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	return b.Bytes()
}

func readMarkers(t *testing.T, src string) []marker {
	t.Helper()
	f, err := os.Open(filepath.Join(src, corpus.MarkersFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []marker
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 2 {
			out = append(out, marker{fields[0], fields[1]})
		}
	}
	return out
}

// leaks lists, for each marker found in the output, the files and the
// channel (file kind) it was found in.
func leaks(t *testing.T, out string, markers []marker) map[string][]string {
	t.Helper()
	found := map[string][]string{}
	tree := readTree(t, out)
	names := make([]string, 0, len(tree))
	for rel := range tree {
		names = append(names, rel)
	}
	sort.Strings(names)
	for _, rel := range names {
		lower := bytes.ToLower(tree[rel])
		for _, m := range markers {
			if bytes.Contains(lower, []byte(strings.ToLower(m.text))) {
				found[m.text] = append(found[m.text], channel(rel)+" "+rel)
			}
		}
	}
	return found
}

// channel names the kind of output a file is, for leak reports.
func channel(rel string) string {
	switch {
	case strings.HasSuffix(rel, "sitemap.xml"):
		return "sitemap"
	case strings.HasSuffix(rel, ".xml"):
		return "feed"
	case strings.HasSuffix(rel, ".json"), strings.HasSuffix(rel, ".csv"):
		return "export"
	case strings.Contains(rel, "search/"):
		return "search index"
	case strings.HasPrefix(rel, "tags/"), strings.HasPrefix(rel, "skills/"):
		return "taxonomy"
	case strings.HasSuffix(rel, ".html"):
		return "page"
	}
	return "file"
}

func TestMarkersNeverLeak(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated 400-page site three times")
	}
	dir := scratchDir(t)
	src := filepath.Join(dir, "site")
	if _, err := corpus.Generate(src, corpus.Options{Pages: 400, Seed: 3, Markers: true}); err != nil {
		t.Fatal(err)
	}
	markers := append(readMarkers(t, src), plantImageMarkers(t, src)...)
	if len(markers) < 20 {
		t.Fatalf("only %d markers planted", len(markers))
	}
	allowed := map[audience.Level]func(m marker) bool{
		audience.Public:  func(marker) bool { return false },
		audience.Funders: func(m marker) bool { return m.audience == "funders" },
		audience.Team:    func(m marker) bool { return m.audience == "funders" || m.audience == "team" },
	}
	for _, a := range []audience.Level{audience.Public, audience.Funders, audience.Team} {
		out, _ := build(t, src, Options{Out: filepath.Join(dir, "out-"+a.String()), Audience: a, AudienceSet: true, Future: true})
		found := leaks(t, out, markers)
		for _, m := range markers {
			where := found[m.text]
			if len(where) > 0 && !allowed[a](m) {
				if len(where) > 3 {
					where = append(where[:3], fmt.Sprintf("and %d more", len(where)-3))
				}
				t.Errorf("%s build: %s marker %s leaked through %s", a, m.audience, m.text, strings.Join(where, "; "))
			}
		}
		if a == audience.Team {
			missing := 0
			for _, m := range markers {
				if m.audience == "team" && len(found[m.text]) == 0 {
					missing++
				}
			}
			// Markers of drafts are not built; all others show in the team build.
			if missing > len(markers)/10 {
				t.Errorf("team build shows too few team markers: %d missing", missing)
			}
		}
	}
}
