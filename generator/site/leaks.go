package site

import (
	"fmt"
	"os"

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

// scanLeaks reports personal data in one output file as errors naming the
// output file, the position in it and the source that produced it.
func (b *builder) scanLeaks(out, from string, data []byte) {
	if b.leaks == nil {
		return
	}
	for _, f := range b.leaks.Scan(data) {
		b.errs.Add(&diag.Error{File: from, Err: fmt.Errorf("personal data in the %s output %s:%d:%d: %s %s",
			b.opts.Audience, out, f.Line, f.Col, f.Kind, f.Match)})
	}
}

// scanCopied scans the text files a build copies as they are (static
// files, bundle resources), reading them from their source.
func (b *builder) scanCopied(out, src, from string) {
	if b.leaks == nil || !leak.TextName(src) {
		return
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return // the copy itself reports unreadable files
	}
	if leak.Text(src, data) {
		b.scanLeaks(out, from, data)
	}
}
