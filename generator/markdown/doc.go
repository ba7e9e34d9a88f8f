// Package markdown turns one page's Markdown body into HTML and the facts a
// theme needs about it: table of contents, summary, plain text, images.
//
// A Renderer holds one goldmark instance configured with GFM (tables,
// strikethrough, linkify, task lists), footnotes, definition lists, CJK line
// breaks, heading attributes ({#id}) and chroma-highlighted code blocks. Raw
// HTML is dropped unless Options.Unsafe is set; the typographer is off.
//
// Render runs these steps for a page:
//
//  1. Shortcodes ({{< >}} and {{% %}}) are found in the raw source, outside
//     code spans and code blocks, and expanded through Context.Shortcodes:
//     {{% %}} output is Markdown spliced into the source, {{< >}} output is
//     HTML kept aside behind an alphanumeric placeholder. The source is
//     parsed to find its code only when a tag might stand in some.
//  2. goldmark parses the expanded source (or that first parse is kept,
//     when no shortcode was expanded), without linkify when the source
//     has nothing it could change (needsLinkify), and with wrappers that
//     skip the heading attribute and link reference definition parsers
//     where there is nothing for them to find (newParser). Paragraph
//     nodes, and room for their lines, come from a slab the pooled buffers
//     keep from page to page (paragraphSlab), reset once the tree is dropped.
//  3. One pass over the tree resolves relative links and images through
//     Context.Links, collects images and headings, settles soft line breaks,
//     marks the <!--more--> summary divider and writes the plain text;
//     heading IDs follow from the headings' text.
//  4. goldmark renders HTML; placeholders are replaced by the shortcode HTML
//     and the summary is cut at the divider. Headings, table cells and
//     links are written by this package's renderers, byte for byte as
//     goldmark's would, but without the per-node attributes and lower-cased
//     copies goldmark's make (generated heading IDs travel in the writer).
//     Text with nothing to escape or decode is written whole
//     (textEscaper), not byte by byte as goldmark's writer does.
//
// Problems are gathered, not stopped at: Render returns every problem of the
// page together as a *diag.Errors of *diag.Error values positioned in the
// page's file. Columns count characters (runes), not bytes.
//
// The package knows nothing of content, layouts or sites: links and
// shortcodes are resolved by the caller through Context. A Renderer is
// immutable after New and safe for concurrent use; each Render call keeps
// its own state, in buffers a Renderer pools between calls.
package markdown
