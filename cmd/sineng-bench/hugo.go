package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	hugosite "github.com/sineng/sineng/bench/hugo"
)

// ensureHugo returns the path of the hugo binary. When hugo is missing and
// the program runs as root, it installs the Debian package with apt-get
// (running apt-get update first if the install fails); otherwise it returns
// an error that says how to install it.
func ensureHugo(ctx context.Context, log io.Writer) (string, error) {
	if p, err := exec.LookPath("hugo"); err == nil {
		return p, nil
	}
	if os.Geteuid() != 0 {
		return "", errors.New("hugo is not installed: run `sudo apt-get install -y hugo`, or pass -skip-hugo")
	}
	if _, err := exec.LookPath("apt-get"); err != nil {
		return "", errors.New("hugo is not installed and apt-get is missing: install hugo by hand, or pass -skip-hugo")
	}
	fmt.Fprintln(log, "hugo not found: installing the Debian package (apt-get install -y --no-install-recommends hugo)")
	if err := apt(ctx, log, "install", "-y", "--no-install-recommends", "hugo"); err != nil {
		fmt.Fprintln(log, "apt-get install failed; running apt-get update and trying again")
		if err := apt(ctx, log, "update"); err != nil {
			return "", fmt.Errorf("install hugo: %w", err)
		}
		if err := apt(ctx, log, "install", "-y", "--no-install-recommends", "hugo"); err != nil {
			return "", fmt.Errorf("install hugo: %w", err)
		}
	}
	p, err := exec.LookPath("hugo")
	if err != nil {
		return "", fmt.Errorf("install hugo: %w", err)
	}
	return p, nil
}

// apt runs apt-get non-interactively, its output going to log.
func apt(ctx context.Context, log io.Writer, args ...string) error {
	cmd := exec.CommandContext(ctx, "apt-get", args...)
	cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
	cmd.Stdout = log
	cmd.Stderr = log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("apt-get %s: %w", strings.Join(args, " "), err)
	}
	return nil
}

// hugoVersion returns the first line of `hugo version`.
func hugoVersion(ctx context.Context, bin string) string {
	out, err := exec.CommandContext(ctx, bin, "version").Output()
	if err != nil {
		return "unknown"
	}
	v, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return v
}

// prepareHugoSite writes the benchmark's hugo.toml and layouts into dir, a
// Hugo source folder whose content comes from --contentDir.
func prepareHugoSite(dir string) error {
	if err := os.CopyFS(dir, hugosite.Files); err != nil {
		return fmt.Errorf("write hugo site: %w", err)
	}
	return nil
}

// hugoArgs returns the command line of a full Hugo build of contentDir with
// the site in hugoDir, drafts and future pages included, into out. The cache
// folder is given so that nothing is written outside the benchmark folders.
func hugoArgs(hugoDir, contentDir, out, cache string) []string {
	return []string{
		"--source", hugoDir,
		"--contentDir", contentDir,
		"--destination", out,
		"--cacheDir", cache,
		"--buildDrafts", "--buildFuture",
	}
}

// sinengArgs returns the command line of a full sineng build of the site in
// siteDir for the team audience, drafts and future pages included, into out.
func sinengArgs(siteDir, out string) []string {
	return []string{"build", "--source", siteDir, "--audience", "team", "--future", "--drafts", "--out", out}
}

// hugoDirs returns the Hugo source and cache folders under base.
func hugoDirs(base string) (site, cache string) {
	return filepath.Join(base, "hugo-site"), filepath.Join(base, "hugo-cache")
}
