package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/audience"
)

// validID returns a resident ID number with a correct check character.
func validID(first17 string) string {
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(first17[i]-'0') * w
	}
	return first17 + string("10X98765432"[sum%11])
}

func TestLeakedIDNumberFailsPublicBuild(t *testing.T) {
	id := validID("11010519491231002")
	src := writeFiles(t, map[string]string{
		"site.toml":    minimalConfig,
		"content/a.md": "+++\ntitle = \"A\"\n+++\nFine.\n",
	})
	out, _ := build(t, src, Options{})
	before := readTree(t, out)
	if err := os.WriteFile(filepath.Join(src, "content", "a.md"), []byte("+++\ntitle = \"A\"\n+++\nHer number is "+id+".\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), Options{Source: src, Out: out, Now: testNow})
	if err == nil {
		t.Fatal("a public page with a resident ID number built")
	}
	msg := err.Error()
	for _, want := range []string{"content/a.md", "a/index.html", "id-number"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q: %s", want, msg)
		}
	}
	if strings.Contains(msg, id) {
		t.Error("the error prints the ID number unmasked")
	}
	after := readTree(t, out)
	for rel, data := range before {
		if string(after[rel]) != string(data) {
			t.Errorf("%s changed after the failed build", rel)
		}
	}
	// The team build is for the team: it is not scanned.
	build(t, src, Options{Audience: audience.Team, AudienceSet: true})
}

func TestChecksumFailureIsNotALeak(t *testing.T) {
	id := validID("11010519491231002")
	bad := id[:17] + string("0123456789X"[(strings.IndexByte("0123456789X", id[17])+1)%11])
	src := writeFiles(t, map[string]string{
		"site.toml":    minimalConfig,
		"content/a.md": "+++\ntitle = \"A\"\n+++\nOrder number " + bad + ", tracking 1380013800012345678901.\n",
	})
	build(t, src, Options{})
}

func TestRosterNameFailsFundersBuild(t *testing.T) {
	dir := t.TempDir()
	roster := filepath.Join(dir, "roster.txt")
	if err := os.WriteFile(roster, []byte("# residents\n王秀英\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := writeFiles(t, map[string]string{
		"site.toml":    minimalConfig,
		"content/a.md": "+++\ntitle = \"A\"\naudience = \"funders\"\n+++\n感谢王秀英阿姨。\n",
	})
	_, err := Build(context.Background(), Options{Source: src, Out: filepath.Join(dir, "out"), Now: testNow,
		Audience: audience.Funders, AudienceSet: true, Roster: roster})
	if err == nil || !strings.Contains(err.Error(), "roster-name") || !strings.Contains(err.Error(), "content/a.md") {
		t.Fatalf("want a roster finding naming content/a.md, got %v", err)
	}
	// Without the roster the same build passes.
	build(t, src, Options{Audience: audience.Funders, AudienceSet: true})
}

// TestLeakInSessionFailsTheHandbookPrint checks the outputs written straight
// to the stage (the handbook pages print every session) are scanned too.
func TestLeakInSessionFailsTheHandbookPrint(t *testing.T) {
	id := validID("11010519491231002")
	files := map[string]string{}
	root := filepath.Join("testdata", "sites", "program")
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	files["content/curricula/empower/roles.md"] += "\nCall " + id + " for the keys.\n"
	src := writeFiles(t, files)
	_, err = Build(context.Background(), Options{Source: src, Out: filepath.Join(t.TempDir(), "out"), Now: testNow})
	if err == nil {
		t.Fatal("a public handbook printing a resident ID number built")
	}
	for _, want := range []string{"handbook/print/index.html", "curricula/empower/roles/index.html", "id-number"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %s", want, err)
		}
	}
}
