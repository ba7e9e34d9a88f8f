package site

import (
	"fmt"
	"os"
	"strings"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/leak"
)

// setupLeakScan prepares the scan of every output of a public or funders
// build: resident ID numbers, mobile numbers, bank cards, e-mail addresses
// outside [contact], and the names of the roster file when one is given.
func (b *builder) setupLeakScan() error {
	if b.opts.Audience == audience.Team {
		return nil
	}
	rules := leak.Rules{AllowEmails: b.cfg.Contact.Emails}
	if b.opts.Roster != "" {
		names, err := leak.LoadRoster(b.opts.Roster)
		if err != nil {
			return err
		}
		rules.Roster = names
	}
	b.leaks = leak.NewScanner(rules)
	return nil
}

// scanLeaks reports personal data in one output file, in its bytes or its
// path, as errors naming the output file, the position in it and the
// source that produced it.
func (b *builder) scanLeaks(out, from string, data []byte) {
	if b.leaks == nil {
		return
	}
	b.scanPath(out, from)
	b.scanBytes(out, from, data)
}

// scanBytes reports personal data in the bytes of one output file.
func (b *builder) scanBytes(out, from string, data []byte) {
	for _, f := range b.leaks.Scan(data) {
		b.errs.Add(&diag.Error{File: from, Err: fmt.Errorf("personal data in the %s output %s:%d:%d: %s %s",
			b.opts.Audience, out, f.Line, f.Col, f.Kind, f.Match)})
	}
}

// scanPath reports personal data in an output's path: a bundle file
// named after a resident ("王秀英-简历.pdf", "wang-fang-cv.txt") publishes
// the name in its URL whatever the file holds. The path is scanned as it
// is and with its separators (- _ . /) as spaces, since a name in a file
// name is written as a slug.
func (b *builder) scanPath(out, from string) {
	if b.leaks == nil {
		return
	}
	seen := map[string]bool{}
	for _, p := range []string{out, pathWords(out)} {
		for _, f := range b.leaks.Scan([]byte(p)) {
			if seen[string(f.Kind)+"\x00"+f.Match] {
				continue
			}
			seen[string(f.Kind)+"\x00"+f.Match] = true
			b.errs.Add(&diag.Error{File: from, Err: fmt.Errorf("personal data in the name of the %s output %s: %s %s",
				b.opts.Audience, out, f.Kind, f.Match)})
		}
	}
}

// pathWords is path with its separators - _ . / as spaces.
func pathWords(path string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', '.', '/':
			return ' '
		}
		return r
	}, path)
}

// scanCopied scans the files a build copies as they are (static files,
// bundle resources): the path of each, and the bytes of the text files,
// read from their source.
func (b *builder) scanCopied(out, src, from string) {
	if b.leaks == nil {
		return
	}
	b.scanPath(out, from)
	if !leak.TextName(src) {
		return
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return // the copy itself reports unreadable files
	}
	if leak.Text(src, data) {
		b.scanBytes(out, from, data)
	}
}
