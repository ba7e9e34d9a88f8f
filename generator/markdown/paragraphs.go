package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// parseIDs is what Renderer.parse gives goldmark as the parser.IDs of a
// page: the page's heading IDs, and the slab the page's paragraphs come
// from, which the paragraph parser finds through the parser.Context it is
// given. goldmark's context itself is left as it is: every block and
// inline parser calls it, and a wrapper around it would cost more than the
// slab saves.
type parseIDs struct {
	*headingIDs
	paragraphs *paragraphSlab
}

// paragraphSlab hands out paragraph nodes from chunks that a scratch keeps
// from one Render call to the next, together with the backing arrays of
// their line segments, so a page's paragraphs cost no allocation once the
// scratch has served a page as long. Nothing a Render call returns refers
// to a node, and reset runs only once the call's tree is dropped.
type paragraphSlab struct {
	chunks [][]ast.Paragraph
	used   int // nodes handed out since the last reset
}

// Bounds on what a slab keeps between pages: paragraphChunk nodes a chunk,
// at most maxParagraphChunks chunks, and line arrays of at most
// maxKeptLines segments.
const (
	paragraphChunk     = 64
	maxParagraphChunks = 16
	maxKeptLines       = 64
)

// next returns a zero paragraph whose lines may have room kept from an
// earlier page.
func (s *paragraphSlab) next() *ast.Paragraph {
	c, i := s.used/paragraphChunk, s.used%paragraphChunk
	if c == len(s.chunks) {
		s.chunks = append(s.chunks, make([]ast.Paragraph, paragraphChunk))
	}
	s.used++
	return &s.chunks[c][i]
}

// reset zeroes every node handed out, keeping the room of its lines.
func (s *paragraphSlab) reset() {
	for n := range s.used {
		p := &s.chunks[n/paragraphChunk][n%paragraphChunk]
		lines := *p.Lines()
		lines.SetSliced(0, 0)
		*p = ast.Paragraph{}
		if cap(lines.Sliced(0, 0)) <= maxKeptLines {
			*p.Lines() = lines
		}
	}
	s.used = 0
	if len(s.chunks) > maxParagraphChunks {
		clear(s.chunks[maxParagraphChunks:])
		s.chunks = s.chunks[:maxParagraphChunks]
	}
}

// paragraphs is goldmark's paragraph parser with the nodes of a parse made
// by Renderer.parse (one whose IDs are a *parseIDs) taken from the page's
// slab. It opens a paragraph on the lines goldmark's does, with the same
// first line; the rest is goldmark's code.
type paragraphs struct {
	parser.BlockParser
}

// Open implements parser.BlockParser.
func (p paragraphs) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	ids, ok := pc.IDs().(*parseIDs)
	if !ok {
		return p.BlockParser.Open(parent, reader, pc)
	}
	line, segment := reader.PeekLine()
	if util.IsBlank(line) {
		return nil, parser.NoChildren
	}
	node := ids.paragraphs.next()
	node.Lines().Append(segment)
	reader.AdvanceToEOL()
	return node, parser.NoChildren
}
