package main

import (
	"fmt"
	"time"
)

// rows builds the results table from the measurements.
func (b *benchmark) rows() []row {
	var rows []row
	bySize := map[int]*sizeResult{}
	for _, r := range b.results {
		bySize[r.size] = r
		rows = append(rows, b.coldRow(r))
	}
	rows = append(rows, b.flatnessRow())
	ref := bySize[b.ref]
	refLabel := sizeLabel(b.ref)
	if ref == nil {
		return append(rows, row{"measures at " + refLabel, "not run", "", "", ""})
	}
	rows = append(rows, b.floorRows(ref)...)
	sm, hm := median(walls(ref.sineng)).Seconds(), median(walls(ref.hugo)).Seconds()
	rows = append(rows, row{
		"sineng/hugo at " + refLabel + " (median s)",
		b.sinengCell(ref, fmt.Sprintf("%.2f", sm)), b.hugoCell(ref, fmt.Sprintf("%.2f", hm)),
		ratio(sm, hm), verdict(fmt.Sprintf("≤ %.1f", targetVsHugo), ratioValue(sm, hm), targetVsHugo),
	})
	rows = append(rows, serveRows(ref, refLabel)...)
	sr, hr := peakMB(ref.sineng), peakMB(ref.hugo)
	rows = append(rows, row{
		"peak RSS " + refLabel + " (MB)",
		b.sinengCell(ref, fmt.Sprintf("%.0f", sr)), b.hugoCell(ref, fmt.Sprintf("%.0f", hr)),
		ratio(sr, hr), verdict(fmt.Sprintf("≤ %d MB", targetRSS10kMB), sr, targetRSS10kMB),
	})
	rows = append(rows, b.scaleRows(bySize[size100k], ref)...)
	rows = append(rows, diskRow(ref, refLabel, sm))
	return rows
}

// coldRow is the cold full build row of one size.
func (b *benchmark) coldRow(r *sizeResult) row {
	sm, hm := median(walls(r.sineng)), median(walls(r.hugo))
	return row{
		fmt.Sprintf("cold build %s (median of %d, s)", sizeLabel(r.size), max(len(r.sineng), len(r.hugo))),
		b.sinengCell(r, secs(sm)), b.hugoCell(r, secs(hm)), ratio(sm.Seconds(), hm.Seconds()), "—",
	}
}

// flatnessRow compares the per-page build time of the sizes up to 50k.
func (b *benchmark) flatnessRow() row {
	var sp, hp []float64
	var lo, hi int
	for _, r := range b.results {
		if r.size > flatnessMaxPages || r.pages == 0 {
			continue
		}
		if lo == 0 {
			lo = r.size
		}
		hi = r.size
		if len(r.sineng) > 0 {
			sp = append(sp, median(walls(r.sineng)).Seconds()/float64(r.pages))
		}
		if len(r.hugo) > 0 {
			hp = append(hp, median(walls(r.hugo)).Seconds()/float64(r.pages))
		}
	}
	label := "per-page time flatness (max/min)"
	if lo != 0 && lo != hi {
		label = fmt.Sprintf("per-page time flatness %s→%s (max/min)", sizeLabel(lo), sizeLabel(hi))
	}
	cell := func(per []float64) string {
		if len(per) < 2 {
			return "n/a (needs 2 sizes ≤ 50k)"
		}
		return fmt.Sprintf("%.2f", flatness(per))
	}
	target := verdict(fmt.Sprintf("≤ %.2f", targetFlatness), flatness(sp), targetFlatness)
	return row{label, cell(sp), cell(hp), "—", target}
}

// floorRows are the floor's own time and each build's time divided by it.
func (b *benchmark) floorRows(r *sizeResult) []row {
	label := sizeLabel(r.size)
	if r.floorFail != "" || len(r.floor) == 0 {
		note := r.floorFail
		if note == "" {
			note = "not run"
		}
		return []row{{"build/floor at " + label, note, "", "", fmt.Sprintf("≤ %.1f", targetFloor)}}
	}
	f := median(r.floor).Seconds()
	sm, hm := median(walls(r.sineng)).Seconds(), median(walls(r.hugo)).Seconds()
	return []row{
		{fmt.Sprintf("floor %s: read + goldmark + write (median of %d, s)", label, len(r.floor)), fmt.Sprintf("%.2f", f), "", "—", "—"},
		{
			"build/floor at " + label,
			b.sinengCell(r, ratio(sm, f)+pairRange(r)), b.hugoCell(r, ratio(hm, f)), "—",
			verdict(fmt.Sprintf("≤ %.1f", targetFloor), ratioValue(sm, f), targetFloor),
		},
	}
}

// pairRange is the range of a build's time divided by the floor run that
// followed it, over r's pairs of runs, as " (pairs 1.79–2.00)"; "" for
// fewer than two pairs. The medians' ratio is the measure; the range shows
// how far this machine's noise moves it.
func pairRange(r *sizeResult) string {
	n := min(len(r.sineng), len(r.floor))
	if n < 2 {
		return ""
	}
	lo, hi := 0.0, 0.0
	for i := range n {
		v := ratioValue(r.sineng[i].wall.Seconds(), r.floor[i].Seconds())
		if i == 0 || v < lo {
			lo = v
		}
		if i == 0 || v > hi {
			hi = v
		}
	}
	return fmt.Sprintf(" (pairs %.2f–%.2f)", lo, hi)
}

// serveRows are the one-page edit timings of `sineng serve`.
func serveRows(r *sizeResult, label string) []row {
	written := row{"edit→written at " + label + " (median ms)", "", "—", "—", fmt.Sprintf("≤ %d ms", targetEditMS)}
	reload := row{"edit→reload at " + label + " (median ms)", "", "—", "—", "—"}
	s := r.serve
	switch {
	case s == nil:
		written.sineng, reload.sineng = "not run", "not run"
	case s.note != "":
		written.sineng, reload.sineng = s.note, s.note
	default:
		wm, rm := median(s.written), median(s.reload)
		written.sineng = editCell(wm, len(s.written), s.misses)
		reload.sineng = editCell(rm, len(s.reload), s.misses)
		written.target = verdict(written.target, float64(wm.Microseconds())/1e3, targetEditMS)
	}
	return []row{written, reload}
}

// editCell formats the median of n edit timings.
func editCell(m time.Duration, n, misses int) string {
	if n == 0 {
		return fmt.Sprintf("n/a (%d edits timed out)", misses)
	}
	s := fmt.Sprintf("%s (%d edits)", millis(m), n)
	if misses > 0 {
		s = fmt.Sprintf("%s (%d edits, %d timed out)", millis(m), n, misses)
	}
	return s
}

// scaleRows compare the 100k build with the 10k one: time within 25× and
// peak memory within 3 GB.
func (b *benchmark) scaleRows(big, ref *sizeResult) []row {
	timeRow := row{fmt.Sprintf("build 100k vs %s (median s, ×)", sizeLabel(b.ref)), "not run", "not run", "—",
		fmt.Sprintf("≤ %d× %s", targetScale100k, sizeLabel(b.ref))}
	rssRow := row{"peak RSS 100k (MB)", "not run", "not run", "—", fmt.Sprintf("≤ %d MB", targetRSS100kMB)}
	if big == nil || big == ref {
		return []row{timeRow, rssRow}
	}
	scale := func(bigRuns, refRuns []runResult) (string, float64) {
		bt, rt := median(walls(bigRuns)).Seconds(), median(walls(refRuns)).Seconds()
		if bt == 0 || rt == 0 {
			return "—", 0
		}
		return fmt.Sprintf("%.1f (%.1f×)", bt, bt/rt), bt / rt
	}
	sc, sx := scale(big.sineng, ref.sineng)
	hc, _ := scale(big.hugo, ref.hugo)
	bs, bh := median(walls(big.sineng)).Seconds(), median(walls(big.hugo)).Seconds()
	timeRow.sineng, timeRow.hugo, timeRow.ratio = b.sinengCell(big, sc), b.hugoCell(big, hc), ratio(bs, bh)
	if rt := median(walls(ref.sineng)); rt > 0 {
		timeRow.target = verdict(fmt.Sprintf("≤ %d× %s = %.0f s", targetScale100k, sizeLabel(b.ref), targetScale100k*rt.Seconds()), sx, targetScale100k)
	}
	sr, hr := peakMB(big.sineng), peakMB(big.hugo)
	rssRow.sineng, rssRow.hugo, rssRow.ratio = b.sinengCell(big, fmt.Sprintf("%.0f", sr)), b.hugoCell(big, fmt.Sprintf("%.0f", hr)), ratio(sr, hr)
	rssRow.target = verdict(rssRow.target, sr, targetRSS100kMB)
	return []row{timeRow, rssRow}
}

// diskRow is the sineng build with its output on a real disk, beside the
// /dev/shm median.
func diskRow(r *sizeResult, label string, shm float64) row {
	out := row{"cold build " + label + ", output on disk (1 run, s)", r.diskNote, "—", "—", "—"}
	if r.disk != nil {
		out.sineng = secs(r.disk.wall)
		if shm > 0 {
			out.ratio = fmt.Sprintf("%.2f× the /dev/shm time", r.disk.wall.Seconds()/shm)
		}
	}
	return out
}

// sinengCell returns value, or the failure when sineng failed on r before
// any run succeeded.
func (b *benchmark) sinengCell(r *sizeResult, value string) string {
	if len(r.sineng) == 0 {
		if r.sinengFail != "" {
			return r.sinengFail
		}
		return "not run"
	}
	return value
}

// hugoCell returns value, or why Hugo has no result on r.
func (b *benchmark) hugoCell(r *sizeResult, value string) string {
	switch {
	case b.hugoNote != "":
		return b.hugoNote
	case r.hugoFail != "":
		return r.hugoFail
	case len(r.hugo) == 0:
		return "not run"
	}
	return value
}

// ratioValue returns a/b, 0 when either is zero.
func ratioValue(a, b float64) float64 {
	if a == 0 || b == 0 {
		return 0
	}
	return a / b
}
