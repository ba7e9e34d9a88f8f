package markdown

import "bytes"

// codeGuard tells, without parsing, that a shortcode tag stands outside
// code, for the common pages where that is plain to see; when it cannot
// tell, the page is parsed to find its code. It only ever errs towards
// "may be code", never the other way:
//
//   - A code span holding offset k opens with a backtick after the last
//     blank line before k, since no paragraph, heading or table cell spans
//     a blank line.
//   - A line of an indented code block starts with four columns of white
//     space, so k's line has a tab or four spaces in a row before k.
//   - A fenced code block holding k was opened on an earlier line. The guard
//     follows fences only where no container or HTML block can change their
//     meaning: it opens one at a line that starts, at column 0, with three
//     or more backticks or tildes, and closes it at a line that is just a
//     run of at least as many of the same character, at column 0. Any
//     other line that might open or close a fence, and any line that might
//     start an HTML block (one starting with '<', but for a one-line
//     comment such as <!--more-->), leaves it unsure.
//
// Offsets must be asked about in increasing order; the guard reads each
// line once.
type codeGuard struct {
	src       []byte
	next      int    // offset of the first line not yet read
	blankEnd  int    // offset just past the last blank line read
	fence     []byte // the open fence's run, nil when none is open
	unsure    bool   // a line was read whose effect on fences is unclear
	firstTick int    // offset of the first backtick of src, -1 if none
}

func newCodeGuard(src []byte) *codeGuard {
	return &codeGuard{src: src, firstTick: bytes.IndexByte(src, '`')}
}

// mayBeCode reports whether offset k of src could lie inside code.
func (g *codeGuard) mayBeCode(k int) bool {
	start := bytes.LastIndexByte(g.src[:k], '\n') + 1
	g.readLines(start)
	if g.unsure || g.fence != nil {
		return true
	}
	if g.firstTick >= 0 && g.firstTick < k && bytes.IndexByte(g.src[g.blankEnd:k], '`') >= 0 {
		return true
	}
	line := g.src[start:k]
	return bytes.IndexByte(line, '\t') >= 0 || bytes.Contains(line, []byte("    "))
}

// readLines reads the lines that end before offset to.
func (g *codeGuard) readLines(to int) {
	for g.next < to {
		end := bytes.IndexByte(g.src[g.next:to], '\n')
		if end < 0 {
			return
		}
		line := g.src[g.next : g.next+end]
		g.next += end + 1
		if len(bytes.Trim(line, " \t")) == 0 {
			g.blankEnd = g.next
		}
		if !g.unsure {
			g.readLine(line)
		}
	}
}

// readLine follows fences through one line.
func (g *codeGuard) readLine(line []byte) {
	if g.fence != nil {
		run := fenceRun(line)
		if len(run) >= len(g.fence) && run[0] == g.fence[0] && len(bytes.Trim(line[len(run):], " \t")) == 0 {
			g.fence = nil // closed
		} else if r := fenceRun(bytes.TrimLeft(line, " ")); len(r) > 0 && r[0] == g.fence[0] {
			g.unsure = true // perhaps an indented closing fence
		}
		return
	}
	trimmed := bytes.TrimLeft(line, " ")
	if len(line)-len(trimmed) <= 3 && len(trimmed) > 0 && trimmed[0] == '<' && !oneLineComment(trimmed) {
		g.unsure = true
		return
	}
	if !bytes.Contains(line, []byte("```")) && !bytes.Contains(line, []byte("~~~")) {
		return
	}
	run := fenceRun(line)
	if len(run) == 0 || run[0] == '`' && bytes.IndexByte(line[len(run):], '`') >= 0 {
		g.unsure = true
		return
	}
	g.fence = run
}

// fenceRun returns the run of three or more backticks or tildes that line
// starts with, or nil.
func fenceRun(line []byte) []byte {
	if len(line) == 0 || line[0] != '`' && line[0] != '~' {
		return nil
	}
	i := 1
	for i < len(line) && line[i] == line[0] {
		i++
	}
	if i < 3 {
		return nil
	}
	return line[:i]
}

// oneLineComment reports whether line opens an HTML comment and closes it
// too, so that an HTML block it may start ends on this line.
func oneLineComment(line []byte) bool {
	return bytes.HasPrefix(line, []byte("<!--")) && bytes.Contains(line[len("<!--"):], []byte("-->"))
}
