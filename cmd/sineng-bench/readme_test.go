package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSpliceReadme(t *testing.T) {
	text := "# T\n\nintro\n" + readmeBegin + "\nold table\nold words\n" + readmeEnd + "\n\nafter\n"
	got, err := spliceReadme(text, "new table\n")
	if err != nil {
		t.Fatal(err)
	}
	want := "# T\n\nintro\n" + readmeBegin + "\nnew table\n" + readmeEnd + "\n\nafter\n"
	if got != want {
		t.Errorf("spliceReadme =\n%q\nwant\n%q", got, want)
	}
	for _, bad := range []string{
		"no markers\n",
		readmeBegin + "\nonly the first\n",
		readmeEnd + "\n" + readmeBegin + "\nout of order\n",
	} {
		if _, err := spliceReadme(bad, "x\n"); err == nil {
			t.Errorf("spliceReadme(%q): no error", bad)
		}
	}
}

func TestUpdateReadme(t *testing.T) {
	path := filepath.Join(t.TempDir(), "README.md")
	if err := os.WriteFile(path, []byte("a\n"+readmeBegin+"\nb\n"+readmeEnd+"\nc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := updateReadme(path, "section\n"); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if want := "a\n" + readmeBegin + "\nsection\n" + readmeEnd + "\nc\n"; string(got) != want {
		t.Errorf("README = %q, want %q", got, want)
	}
	noMarkers := filepath.Join(t.TempDir(), "README.md")
	os.WriteFile(noMarkers, []byte("plain\n"), 0o644)
	if err := updateReadme(noMarkers, "section\n"); err == nil {
		t.Error("a README without markers: no error")
	}
	if got, _ := os.ReadFile(noMarkers); string(got) != "plain\n" {
		t.Errorf("a README without markers was changed to %q", got)
	}
}

func TestTargetsSentence(t *testing.T) {
	rows := []row{
		{measure: "cold build 10k", target: "—"},
		{measure: "flatness", target: "≤ 1.25: met"},
		{measure: "build/floor at 10k", target: "≤ 1.6: NOT met"},
		{measure: "peak RSS 10k (MB)", target: "≤ 300 MB: met"},
	}
	if got, want := targetsSentence(rows), "In this run 2 of the 3 targets are met; not met: build/floor at 10k."; got != want {
		t.Errorf("targetsSentence = %q, want %q", got, want)
	}
	rows[2].target = "≤ 1.6: met"
	if got, want := targetsSentence(rows), "In this run all 3 targets are met."; got != want {
		t.Errorf("targetsSentence = %q, want %q", got, want)
	}
	if got := targetsSentence(rows[:1]); got != "No target was measured in this run." {
		t.Errorf("targetsSentence of no targets = %q", got)
	}
}

func TestReadmeSection(t *testing.T) {
	rows := []row{{measure: "build/floor at 10k", sineng: "1.50 (pairs 1.40–1.60)", target: "≤ 1.6: met"}}
	s := readmeSection("Machine: test CPU", "abc1234", rows)
	for _, want := range []string{"on commit abc1234.\n", "Machine: test CPU.\n", "| build/floor at 10k | 1.50 (pairs 1.40–1.60) |", "In this run all 1 targets are met.\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("section lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, readmeBegin) || strings.Contains(s, readmeEnd) {
		t.Error("the section holds a marker line")
	}
}

func TestFullRun(t *testing.T) {
	tests := []struct {
		args []string
		env  string
		want bool
	}{
		{nil, "", true},
		{[]string{"-sizes", "1000,10000,50000,100000"}, "", true},
		{nil, "0", false},
		{[]string{"-sizes", "10k"}, "", false},
		{[]string{"-runs", "3"}, "", false},
		{[]string{"-skip-hugo"}, "", false},
		{[]string{"-skip-serve"}, "", false},
		{[]string{"-edits", "5"}, "", false},
	}
	for _, tt := range tests {
		t.Setenv("SINENG_BENCH_100K", tt.env)
		cfg, err := parseFlags(tt.args, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if got := cfg.fullRun(); got != tt.want {
			t.Errorf("fullRun(%v, env %q) = %v, want %v", tt.args, tt.env, got, tt.want)
		}
	}
}

// TestRepoReadmeHasMarkers keeps the project's README rewritable by a
// full run.
func TestRepoReadmeHasMarkers(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := spliceReadme(string(text), "x\n"); err != nil {
		t.Error(err)
	}
}
