package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sineng/sineng/generator/program"
)

func cmdNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sineng new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	source := fs.String("source", ".", "site folder (for new KIND PATH)")
	force := fs.Bool("force", false, "overwrite an existing file")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage:
  sineng new site DIR        create a site in DIR (it must be empty or absent)
  sineng new KIND PATH       create content/PATH from the archetype of KIND

KIND is leader, case, session, project or exchange (every field of the type,
commented), or any name with archetypes/KIND.md in the site, or "page".
For the program kinds PATH may be a bare name: "sineng new leader wang-fang"
writes content/leaders/wang-fang/index.md.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return exitUsage
	}
	kind, target := fs.Arg(0), fs.Arg(1)
	if kind == "site" {
		if err := newSite(target); err != nil {
			fmt.Fprintf(stderr, "sineng new site: %v\n", err)
			return exitBuild
		}
		fmt.Fprintf(stdout, "created a site in %s\nnext: cd %s && sineng build\n", target, target)
		return exitOK
	}
	rel, body, err := archetype(*source, kind, target, time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "sineng new: %v\n", err)
		return exitUsage
	}
	dst := filepath.Join(*source, "content", filepath.FromSlash(rel))
	if _, err := os.Stat(dst); err == nil && !*force {
		fmt.Fprintf(stderr, "sineng new: %s exists (use --force to overwrite)\n", dst)
		return exitBuild
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		fmt.Fprintf(stderr, "sineng new: %v\n", err)
		return exitBuild
	}
	if err := os.WriteFile(dst, []byte(body), 0o644); err != nil {
		fmt.Fprintf(stderr, "sineng new: %v\n", err)
		return exitBuild
	}
	fmt.Fprintf(stdout, "created %s\n", dst)
	return exitOK
}

// programFolder returns the content folder of a program kind's files, and
// whether kind is a program kind.
func programFolder(kind string) (string, bool) {
	switch kind {
	case "leader":
		return "leaders", true
	case "case":
		return "cases", true
	case "session":
		return "curricula", true
	case "project":
		return "projects", true
	case "exchange":
		return "exchange", true
	}
	return "", false
}

// archetype returns the content-relative path and the text of a new file.
func archetype(source, kind, target string, now time.Time) (string, string, error) {
	rel := filepath.ToSlash(filepath.Clean(target))
	if strings.HasPrefix(rel, "../") || filepath.IsAbs(target) || rel == ".." {
		return "", "", fmt.Errorf("PATH %q must be inside content/", target)
	}
	rel = strings.TrimPrefix(rel, "content/")
	name := strings.TrimSuffix(filepath.Base(rel), ".md")
	folder, isProgram := programFolder(kind)
	if isProgram && !strings.Contains(rel, "/") {
		if kind == "leader" {
			rel = folder + "/" + name + "/index.md"
		} else {
			rel = folder + "/" + name + ".md"
		}
	}
	if !strings.HasSuffix(rel, ".md") {
		rel += ".md"
	}
	if data, err := os.ReadFile(filepath.Join(source, "archetypes", kind+".md")); err == nil {
		s := strings.ReplaceAll(string(data), "{{ .Name }}", name)
		s = strings.ReplaceAll(s, "{{ .Date }}", now.Format("2006-01-02"))
		return rel, s, nil
	}
	if isProgram {
		s, err := program.Skeleton(kind)
		if err != nil {
			return "", "", err
		}
		return rel, s, nil
	}
	if kind != "page" {
		return "", "", fmt.Errorf("no archetype for %q: use leader, case, session, project, exchange or page, or add archetypes/%s.md", kind, kind)
	}
	return rel, fmt.Sprintf("+++\ntitle = %q\ndate = %s\ndraft = true\n+++\n\n", name, now.Format("2006-01-02")), nil
}
