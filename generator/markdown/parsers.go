package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newParser returns the parser a Renderer's goldmark instances start from:
// goldmark's default block parsers, inline parsers and paragraph
// transformers, but for two that do work most blocks do not need, which
// are wrapped to skip it:
//
//   - The ATX heading parser, set to read {#id .class} attributes, copies
//     every heading's line into a new reader and appends and clears its
//     line segments once more than it keeps, to look for a '{' that most
//     headings do not have (atxHeadings).
//   - The link reference definition transformer makes a block reader for
//     every paragraph to look for a '[' that most paragraphs do not start
//     with (linkReferences).
//
// Both wrappers hand a block that might hold what they look for to
// goldmark's own code, so the tree is what goldmark makes. The paragraph
// parser is wrapped too, to take its nodes from the page's slab
// (paragraphs).
func newParser() parser.Parser {
	blocks := parser.DefaultBlockParsers()
	for i, b := range blocks {
		switch {
		case b.Value == parser.NewParagraphParser():
			blocks[i].Value = paragraphs{b.Value.(parser.BlockParser)}
		case bytes.Equal(b.Value.(parser.BlockParser).Trigger(), []byte{'#'}):
			blocks[i].Value = newATXHeadings()
		}
	}
	transformers := parser.DefaultParagraphTransformers()
	for i, t := range transformers {
		if t.Value == parser.LinkReferenceParagraphTransformer {
			transformers[i].Value = linkReferences{t.Value.(parser.ParagraphTransformer)}
		}
	}
	return parser.NewParser(
		parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(transformers...),
	)
}

// atxHeadings parses ATX headings ("## Title") with goldmark's parser,
// reading attributes ({#id}) as parser.WithAttribute asks, but hands a
// heading whose line has no '{' to a parser that does not look for them:
// without a '{' goldmark finds no attributes, and the heading it makes is
// the same. It takes no parser options: the attribute option is built in,
// and the others (automatic heading IDs) are ones a Renderer does not use.
type atxHeadings struct {
	plain, attr parser.BlockParser
}

var _ parser.BlockParser = atxHeadings{}

// newATXHeadings returns goldmark's ATX heading parser with attributes,
// wrapped in atxHeadings.
func newATXHeadings() atxHeadings {
	return atxHeadings{
		plain: parser.NewATXHeadingParser(),
		attr:  parser.NewATXHeadingParser(parser.WithHeadingAttribute()),
	}
}

// Trigger implements parser.BlockParser.
func (h atxHeadings) Trigger() []byte { return h.attr.Trigger() }

// Open implements parser.BlockParser.
func (h atxHeadings) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if line, _ := reader.PeekLine(); bytes.IndexByte(line, '{') < 0 {
		return h.plain.Open(parent, reader, pc)
	}
	return h.attr.Open(parent, reader, pc)
}

// Continue implements parser.BlockParser.
func (h atxHeadings) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return h.attr.Continue(node, reader, pc)
}

// Close implements parser.BlockParser.
func (h atxHeadings) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	h.attr.Close(node, reader, pc)
}

// CanInterruptParagraph implements parser.BlockParser.
func (h atxHeadings) CanInterruptParagraph() bool { return h.attr.CanInterruptParagraph() }

// CanAcceptIndentedLine implements parser.BlockParser.
func (h atxHeadings) CanAcceptIndentedLine() bool { return h.attr.CanAcceptIndentedLine() }

// linkReferences is goldmark's link reference definition transformer for
// the paragraphs that may start with a definition: those whose first
// character that is not white space is '['. goldmark looks at no other
// paragraph past that character and leaves it as it is.
type linkReferences struct {
	parser.ParagraphTransformer
}

// Transform implements parser.ParagraphTransformer.
func (l linkReferences) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if mayStartWithBracket(node.Lines(), reader.Source()) {
		l.ParagraphTransformer.Transform(node, reader, pc)
	}
}

// mayStartWithBracket reports whether the first character of lines that is
// not white space (as util.IsSpace has it) is '[', or there is none.
func mayStartWithBracket(lines *text.Segments, src []byte) bool {
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		for _, c := range src[s.Start:s.Stop] {
			if !util.IsSpace(c) {
				return c == '['
			}
		}
	}
	return true
}
