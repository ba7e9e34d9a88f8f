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

// writePublicationLog records, after a successful build, every page it
// published: for whom, why, and on what consent. Teams keep it as the
// record of what left the team and when.
func (b *builder) writePublicationLog() error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# sineng publication log\n# build audience: %s\n# built at: %s\n", b.opts.Audience, b.opts.Now.UTC().Format("2006-01-02T15:04:05Z"))
	buf.WriteString("file\turl\tpage_audience\treason\tconsent_date\tconsent_scope\n")
	for _, st := range b.pages {
		if st.page.File == "" || st.view == nil {
			continue
		}
		date, scope := "", ""
		switch it := st.item.(type) {
		case *program.Leader:
			if !it.Consent.Date.IsZero() {
				date = it.Consent.Date.Format("2006-01-02")
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
		fmt.Fprintf(&buf, "%s\t%s\t%s\t%s\t%s\t%s\n", st.page.File, st.view.Permalink,
			st.decision.Level, st.decision.Reason, date, scope)
	}
	if _, err := output.WriteIfChanged(PublicationLogPath(b.opts.Out), buf.Bytes()); err != nil {
		return fmt.Errorf("publication log: %w", err)
	}
	return nil
}
