package frontmatter

import (
	"bytes"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"github.com/sineng/sineng/generator/diag"
)

// Limits that keep a hostile YAML block from exhausting the build: aliases
// are expanded by this package, so a "billion laughs" block is cut off.
const (
	maxYAMLDepth  = 256
	maxYAMLValues = 1 << 18
)

// decodeYAML decodes text whose first line is line firstLine of file, with
// the values d shares (d may be nil). The maps it returns are never nil.
//
// Plain front matter takes the one-pass decodeYAMLFast; anything it does not
// cover goes through the YAML parser's node tree.
func decodeYAML(d *Decoder, file string, text []byte, firstLine int) (map[string]any, map[string]Position, error) {
	if data, pos, ok := decodeYAMLFast(d, text, firstLine); ok {
		return data, pos, nil
	}
	return decodeYAMLGeneral(file, text, firstLine)
}

// decodeYAMLGeneral decodes any YAML document through yaml.Node.
func decodeYAMLGeneral(file string, text []byte, firstLine int) (map[string]any, map[string]Position, error) {
	if err := invalidUTF8(file, text, firstLine); err != nil {
		return map[string]any{}, map[string]Position{}, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return map[string]any{}, map[string]Position{}, yamlSyntaxError(file, firstLine, err)
	}
	d := yamlDecoder{file: file, firstLine: firstLine, text: text, pos: map[string]Position{}}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	switch {
	case root.Kind == 0 || root.Kind == yaml.DocumentNode:
		return map[string]any{}, d.pos, nil // no content at all
	case root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null":
		return map[string]any{}, d.pos, nil
	case root.Kind != yaml.MappingNode && !(root.Kind == yaml.AliasNode && root.Alias != nil && root.Alias.Kind == yaml.MappingNode):
		return map[string]any{}, map[string]Position{}, d.errorf(root, "yaml front matter must be a mapping of keys to values, not a %s", kindName(root))
	}
	v, err := d.value(root, "", true, 0)
	if err != nil {
		return map[string]any{}, map[string]Position{}, err
	}
	m, _ := v.(map[string]any)
	if m == nil {
		m = map[string]any{}
	}
	return m, d.pos, nil
}

// invalidUTF8 reports the first byte of text that is no UTF-8, at its line
// and column, or nil: the YAML parser names no line for it.
func invalidUTF8(file string, text []byte, firstLine int) error {
	i := InvalidUTF8(text)
	if i < 0 {
		return nil
	}
	at := PositionAt(text, i)
	return diag.Errorf(file, firstLine+at.Line-1, at.Col, "yaml: invalid UTF-8 byte 0x%02X: save the file as UTF-8", text[i])
}

// yamlParserLine reports the messages of the YAML parser (not its scanner)
// whose line number counts from 0: yaml.v3 adds 1 to the lines of scanner
// errors only, so these name the line before the problem.
func yamlParserLine(msg string) bool {
	for _, p := range []string{"did not find expected key", "did not find expected ',' or ']'", "did not find expected ',' or '}'",
		"did not find expected '-' indicator", "did not find expected node content", "did not find expected <document start>"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// yamlSyntaxError turns a yaml error ("yaml: line 3: ...") into a
// *diag.Error. The YAML parser reports only a line, so the column is 1; an
// error without a line is on the YAML's first line, and an unexpected end
// (an unclosed quote or bracket) is reported at the end with a hint.
func yamlSyntaxError(file string, firstLine int, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if i := strings.Index(msg, "line "); i >= 0 {
		j := i + len("line ")
		k := j
		for k < len(msg) && msg[k] >= '0' && msg[k] <= '9' {
			k++
		}
		if n, convErr := strconv.Atoi(msg[j:k]); convErr == nil && n > 0 {
			line = n
			if i == 0 {
				msg = strings.TrimPrefix(strings.TrimPrefix(msg[k:], ":"), " ")
			}
		}
	}
	if strings.HasPrefix(msg, "found unexpected end of stream") {
		msg += " (is a quote or a bracket left open above?)"
	}
	switch {
	case line == 0:
		line = 1
	case yamlParserLine(msg):
		line++
	}
	return diag.Errorf(file, firstLine+line-1, 1, "yaml: %s", msg)
}

// yamlDecoder turns a yaml.Node tree into the package's value types and
// records key positions.
type yamlDecoder struct {
	file      string
	firstLine int
	text      []byte
	pos       map[string]Position
	values    int
}

// at converts a node's line and column to a file position. yaml.v3
// counts columns in characters, as positions do.
func (d *yamlDecoder) at(n *yaml.Node) Position {
	line, col := n.Line, n.Column
	if line < 1 {
		return Position{Line: d.firstLine, Col: 1}
	}
	return Position{Line: d.firstLine + line - 1, Col: max(col, 1)}
}

func (d *yamlDecoder) errorf(n *yaml.Node, format string, args ...any) error {
	p := d.at(n)
	return diag.Errorf(d.file, p.Line, p.Col, format, args...)
}

// value converts n, found at path. Positions are recorded only when record
// is set, so the keys inside an alias keep pointing where the alias is used.
func (d *yamlDecoder) value(n *yaml.Node, path string, record bool, depth int) (any, error) {
	d.values++
	if d.values > maxYAMLValues {
		return nil, d.errorf(n, "yaml front matter expands to more than %d values", maxYAMLValues)
	}
	if depth > maxYAMLDepth {
		return nil, d.errorf(n, "yaml front matter is nested more than %d levels deep", maxYAMLDepth)
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, d.errorf(n, "yaml alias *%s refers to nothing", n.Value)
		}
		return d.value(n.Alias, path, false, depth+1)
	case yaml.MappingNode:
		return d.mapping(n, path, record, depth)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for i, c := range n.Content {
			elem := JoinIndex(path, i)
			if record {
				d.record(elem, c)
			}
			v, err := d.value(c, elem, record, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.ScalarNode:
		return d.scalar(n)
	}
	return nil, d.errorf(n, "unexpected yaml %s", kindName(n))
}

func (d *yamlDecoder) record(path string, n *yaml.Node) {
	if _, ok := d.pos[path]; !ok {
		d.pos[path] = d.at(n)
	}
}

// mapping converts a mapping. A null value leaves the key out, as TOML has
// no null; merge keys ("<<") add the keys the mapping does not set itself.
func (d *yamlDecoder) mapping(n *yaml.Node, path string, record bool, depth int) (map[string]any, error) {
	m := make(map[string]any, len(n.Content)/2)
	seen := make(map[string]bool, len(n.Content)/2)
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.ShortTag() == "!!merge" {
			merges = append(merges, v)
			continue
		}
		if k.Kind != yaml.ScalarNode {
			return nil, d.errorf(k, "yaml keys must be plain values, not a %s", kindName(k))
		}
		name := k.Value
		if seen[name] {
			return nil, d.errorf(k, "key %q is defined twice", name)
		}
		seen[name] = true
		child := JoinKey(path, name)
		if record {
			d.record(child, k)
		}
		val, err := d.value(v, child, record, depth+1)
		if err != nil {
			return nil, err
		}
		if val != nil {
			m[name] = val
		}
	}
	for _, src := range merges {
		if err := d.merge(m, seen, src, path, depth+1); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// merge copies into m the keys of src (a mapping, an alias of one, or a
// sequence of those) that m does not define.
func (d *yamlDecoder) merge(m map[string]any, seen map[string]bool, src *yaml.Node, path string, depth int) error {
	target := src
	if target.Kind == yaml.AliasNode && target.Alias != nil {
		target = target.Alias
	}
	if target.Kind == yaml.SequenceNode && src.Kind != yaml.AliasNode {
		for _, item := range target.Content {
			if item.Kind == yaml.SequenceNode {
				return d.errorf(item, "yaml merge key needs a mapping or a list of mappings")
			}
			if err := d.merge(m, seen, item, path, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if target.Kind != yaml.MappingNode {
		return d.errorf(src, "yaml merge key needs a mapping or a list of mappings")
	}
	v, err := d.value(target, path, false, depth)
	if err != nil {
		return err
	}
	for k, val := range v.(map[string]any) {
		if !seen[k] {
			seen[k] = true
			m[k] = val
		}
	}
	return nil
}

// scalar converts a scalar by its resolved tag: YAML's int, float, bool,
// null and timestamp become int64, float64, bool, nil and time.Time; every
// other scalar is a string.
func (d *yamlDecoder) scalar(n *yaml.Node) (any, error) {
	switch n.ShortTag() {
	case "!!null":
		return nil, nil
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err != nil {
			return nil, d.errorf(n, "yaml: %v", stripYAMLPrefix(err))
		}
		return b, nil
	case "!!int":
		if i, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
			return i, nil
		}
		var i int64
		if err := n.Decode(&i); err != nil {
			return nil, d.errorf(n, "integer %s is out of range", n.Value)
		}
		return i, nil
	case "!!float":
		var f float64
		if err := n.Decode(&f); err != nil {
			return nil, d.errorf(n, "yaml: %v", stripYAMLPrefix(err))
		}
		if math.IsInf(f, 0) && !strings.Contains(strings.ToLower(n.Value), "inf") {
			return nil, d.errorf(n, "number %s is out of range", n.Value)
		}
		return f, nil
	case "!!timestamp":
		var t time.Time
		if err := n.Decode(&t); err != nil {
			return nil, d.errorf(n, "yaml: %v", stripYAMLPrefix(err))
		}
		return t, nil
	case "!!binary":
		var s string
		if err := n.Decode(&s); err != nil {
			return nil, d.errorf(n, "yaml: %v", stripYAMLPrefix(err))
		}
		return s, nil
	}
	return n.Value, nil
}

// stripYAMLPrefix drops the "yaml: " and "unmarshal errors:" decoration of
// a yaml decoding error.
func stripYAMLPrefix(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		return te.Errors[0]
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

// kindName names a node's kind for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		return "single value"
	case yaml.AliasNode:
		return "alias"
	case yaml.DocumentNode:
		return "document"
	}
	return "node"
}

// DecodeYAMLData decodes a whole YAML document that is a file of its own,
// such as a data file: its root may be any value, a list included. Values
// are the package's value types; errors are *diag.Error values positioned
// in file. An empty document is nil.
func DecodeYAMLData(file string, src []byte) (any, error) {
	src = bytes.TrimPrefix(src, utf8BOM)
	if err := invalidUTF8(file, src, 1); err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlSyntaxError(file, 1, err)
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		if len(next.Content) > 0 && !(next.Content[0].Kind == yaml.ScalarNode && next.Content[0].ShortTag() == "!!null") {
			return nil, diag.Errorf(file, max(next.Line, 1), 1, "yaml: a second document: a data file holds one")
		}
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlSyntaxError(file, 1, err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind == 0 || root.Kind == yaml.DocumentNode {
		return nil, nil
	}
	d := yamlDecoder{file: file, firstLine: 1, text: src, pos: map[string]Position{}}
	return d.value(root, "", false, 0)
}
