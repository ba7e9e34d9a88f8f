package site

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/sineng/sineng/generator/output"
	"github.com/sineng/sineng/generator/program"
)

// PublicationLogPath is where a build's publication log goes: beside the
// output folder, never inside it, e.g. public.publication.tsv for public/.
func PublicationLogPath(out string) string {
	out = filepath.Clean(out)
	return filepath.Join(filepath.Dir(out), filepath.Base(out)+".publication.tsv")
}

// publicationLog is the record, kept after a successful build, of every
// page it published: for whom, why, and on what consent. Teams keep it as
// the record of what left the team and when. Everything it reads is final
// once the pages are assembled, so renderOutputs starts making it while
// the outputs render (startPublicationLog) and runBuild writes it after
// the commit (writePublicationLog).
func (b *builder) publicationLog() []byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# sineng publication log\n# build audience: %s\n# built at: %s\n", b.opts.Audience, b.opts.Now.UTC().Format("2006-01-02T15:04:05Z"))
	buf.WriteString("file\turl\tpage_audience\treason\tconsent_date\tconsent_scope\n")
	var date []byte
	for _, st := range b.pages {
		if st.page.File == "" || st.view == nil {
			continue
		}
		date = date[:0]
		scope := ""
		switch it := st.item.(type) {
		case *program.Leader:
			if !it.Consent.Date.IsZero() {
				date = it.Consent.Date.AppendFormat(date, "2006-01-02")
			}
			parts := make([]string, len(it.Consent.Scope))
			for i, s := range it.Consent.Scope {
				parts[i] = string(s)
			}
			scope = strings.Join(parts, ",")
		case *program.Case:
			if it.Consent.Publish {
				scope = "de-identified story, reviewed by " + it.Disguise.ReviewedBy
			}
		}
		for _, field := range [...]string{st.page.File, st.view.Permalink, st.decision.Level.String(), st.decision.Reason} {
			buf.WriteString(field)
			buf.WriteByte('\t')
		}
		buf.Write(date)
		buf.WriteByte('\t')
		buf.WriteString(scope)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// startPublicationLog starts making the publication log on another
// goroutine, unless the build writes nothing.
func (b *builder) startPublicationLog() {
	if b.opts.DryRun {
		return
	}
	b.publog.Go(func() { b.publogData = b.publicationLog() })
}

// writePublicationLog writes the publication log beside the output folder,
// when it changed: the one startPublicationLog made, or one made now.
func (b *builder) writePublicationLog() error {
	b.publog.Wait()
	data := b.publogData
	if data == nil {
		data = b.publicationLog()
	}
	if _, err := output.WriteIfChanged(PublicationLogPath(b.opts.Out), data); err != nil {
		return fmt.Errorf("publication log: %w", err)
	}
	return nil
}
