package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Targets of the performance issue.
const (
	targetFlatness   = 1.25 // max/min per-page build time, 1k→50k pages
	targetFloor      = 1.6  // build time / floor time at 10k pages
	targetVsHugo     = 0.4  // sineng time / Hugo time at 10k pages
	targetEditMS     = 30   // edit → output written, milliseconds
	targetRSS10kMB   = 300  // peak resident memory at 10k pages, MB
	targetScale100k  = 25   // 100k build time / 10k build time
	targetRSS100kMB  = 3000 // peak resident memory at 100k pages, MB
	flatnessMaxPages = 50000
)

// row is one line of the results table.
type row struct {
	measure, sineng, hugo, ratio, target string
}

// headerRow returns the table's first row.
func headerRow() row {
	return row{"measure", "sineng", "hugo", "ratio", "target"}
}

// median returns the median of ds, 0 when ds is empty.
func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// walls returns the wall times of runs.
func walls(runs []runResult) []time.Duration {
	ds := make([]time.Duration, len(runs))
	for i, r := range runs {
		ds[i] = r.wall
	}
	return ds
}

// peakMB returns the highest peak resident memory of runs in MB (10⁶
// bytes), 0 when there is none.
func peakMB(runs []runResult) float64 {
	var kib int64
	for _, r := range runs {
		kib = max(kib, r.maxRSS)
	}
	return kibToMB(kib)
}

// kibToMB converts KiB to MB (10⁶ bytes).
func kibToMB(kib int64) float64 { return float64(kib) * 1024 / 1e6 }

// flatness returns max/min of the per-page times.
func flatness(perPage []float64) float64 {
	if len(perPage) < 2 {
		return 0
	}
	return slices.Max(perPage) / slices.Min(perPage)
}

// sizeLabel writes 1000 as "1k" and 1500 as "1500".
func sizeLabel(n int) string {
	if n >= 1000 && n%1000 == 0 {
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}

// secs formats a duration in seconds.
func secs(d time.Duration) string {
	if d >= 10*time.Second {
		return fmt.Sprintf("%.1f", d.Seconds())
	}
	return fmt.Sprintf("%.2f", d.Seconds())
}

// millis formats a duration in milliseconds.
func millis(d time.Duration) string {
	return fmt.Sprintf("%.1f", float64(d.Microseconds())/1e3)
}

// ratio formats a/b, or "—" when either is zero.
func ratio(a, b float64) string {
	v := ratioValue(a, b)
	if v == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f", v)
}

// What verdict appends to a target; targetsSentence reads them back.
const (
	verdictMet    = ": met"
	verdictNotMet = ": NOT met"
)

// verdict writes a target and whether value meets it (value ≤ limit); a
// zero value means not measured and gives the target alone.
func verdict(target string, value, limit float64) string {
	switch {
	case value == 0:
		return target
	case value <= limit:
		return target + verdictMet
	default:
		return target + verdictNotMet
	}
}

// renderText lays rows out as an aligned plain-text table.
func renderText(rows []row) string {
	all := append([]row{headerRow()}, rows...)
	var w [5]int
	for _, r := range all {
		for i, c := range r.cells() {
			w[i] = max(w[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	for k, r := range all {
		for i, c := range r.cells() {
			if i > 0 {
				b.WriteString(" | ")
			}
			b.WriteString(c)
			if i < 4 {
				b.WriteString(strings.Repeat(" ", w[i]-utf8.RuneCountInString(c)))
			}
		}
		b.WriteByte('\n')
		if k == 0 {
			for i := range w {
				if i > 0 {
					b.WriteString("-+-")
				}
				b.WriteString(strings.Repeat("-", w[i]))
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// renderMarkdown writes rows as a Markdown table.
func renderMarkdown(rows []row) string {
	var b strings.Builder
	line := func(r row) {
		b.WriteString("|")
		for _, c := range r.cells() {
			b.WriteString(" " + strings.ReplaceAll(c, "|", `\|`) + " |")
		}
		b.WriteByte('\n')
	}
	line(headerRow())
	b.WriteString("|---|---:|---:|---:|---|\n")
	for _, r := range rows {
		line(r)
	}
	return b.String()
}

// cells returns the row's cells in column order.
func (r row) cells() [5]string {
	return [5]string{r.measure, r.sineng, r.hugo, r.ratio, r.target}
}
