package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckLeaks(t *testing.T) {
	dirty := writeSite(t, map[string]string{
		"index.html":           "<p>联系：contact@site.org</p>\n<p>电话 13800138000</p>",
		"leaders/a/index.html": "<h1>张三</h1>",
		"cases/index.json":     `{"mail":"jane@example.org"}`,
	})
	clean := writeSite(t, map[string]string{"index.html": "<p>联系：contact@site.org</p>"})
	roster := filepath.Join(t.TempDir(), "roster.txt")
	if err := os.WriteFile(roster, []byte("# team only\n张三\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badRoster := filepath.Join(t.TempDir(), "bad.txt")
	if err := os.WriteFile(badRoster, []byte("张三\n王\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	allow := []string{"contact@site.org"}

	for _, c := range []struct {
		name      string
		dir       string
		roster    string
		allow     []string
		code      int
		stderr    []string // lines expected in stderr, in order
		stdout    string
		notStderr string
	}{
		{
			name: "findings", dir: dirty, roster: roster, allow: allow, code: 1,
			stderr: []string{
				"error: " + filepath.Join(dirty, "cases/index.json") + ":1:10: email jan********rg",
				"error: " + filepath.Join(dirty, "index.html") + ":2:11: mobile 138********00",
				"error: " + filepath.Join(dirty, "leaders/a/index.html") + ":1:5: roster-name 张*",
				"leak check found 3 findings",
			},
			notStderr: "13800138000",
		},
		{
			name: "without a roster", dir: dirty, allow: allow, code: 1,
			stderr: []string{"leak check found 2 findings"},
		},
		{
			name: "address not on the allow list", dir: clean, code: 1,
			stderr: []string{"email con********rg", "leak check found 1 finding"},
		},
		{name: "clean", dir: clean, roster: roster, allow: allow, code: 0, stdout: "leak check passed"},
		{
			name: "missing folder", dir: filepath.Join(clean, "absent"), allow: allow, code: 2,
			stderr: []string{"error: scan " + filepath.Join(clean, "absent")},
		},
		{
			name: "missing roster", dir: clean, roster: roster + ".absent", code: 2,
			stderr: []string{"error: load roster: "},
		},
		{
			name: "roster with a short name", dir: clean, roster: badRoster, code: 2,
			stderr: []string{"error: " + badRoster + ":2: roster name"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := checkLeaks(c.dir, c.roster, c.allow, &out, &errb)
			if code != c.code {
				t.Errorf("exit %d, want %d\nstderr:\n%s", code, c.code, errb.String())
			}
			rest := errb.String()
			for _, want := range c.stderr {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Errorf("stderr lacks %q (in order)\nstderr:\n%s", want, errb.String())
					break
				}
				rest = rest[i+len(want):]
			}
			if c.notStderr != "" && strings.Contains(errb.String(), c.notStderr) {
				t.Errorf("stderr shows %q unmasked", c.notStderr)
			}
			if c.stdout == "" && out.Len() > 0 {
				t.Errorf("stdout %q, want nothing", out.String())
			}
			if !strings.Contains(out.String(), c.stdout) {
				t.Errorf("stdout %q lacks %q", out.String(), c.stdout)
			}
		})
	}
}
