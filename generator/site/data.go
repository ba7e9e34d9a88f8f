package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/sineng/sineng/generator/content"
	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/frontmatter"
)

// loadData reads the site's data/ folder for templates: each .toml, .json,
// .yaml or .yml file becomes a value under its path without the extension,
// so data/communities.toml is .Site.Data.communities and data/a/b.json is
// .Site.Data.a.b. TOML files are tables; JSON and YAML files may hold any
// value, a list included. Numbers are int64 when whole, as in front
// matter. A file that does not decode is an error at its line and column
// (columns count characters); two files that claim one name
// (communities.toml and communities.json), or a file and a folder of one
// name, are an error too. Other files in data/ are left alone. The result
// is never nil, and is read-only once made: every language shares it.
func (b *builder) loadData() map[string]any {
	root := filepath.Join(b.opts.Source, "data")
	if info, err := os.Stat(root); err == nil && info.IsDir() {
		if real, err := filepath.EvalSymlinks(root); err == nil {
			root = real // a data/ that is a link to a folder is that folder
		}
	}
	data := map[string]any{}
	owner := map[string]string{} // the file that claimed a key path
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		sub, _ := filepath.Rel(root, p)
		rel := path.Join("data", filepath.ToSlash(sub))
		switch {
		case err != nil && p == root && errors.Is(err, fs.ErrNotExist):
			return nil // no data/ folder
		case err == nil && p == root && !d.IsDir():
			b.errs.Add(&diag.Error{File: rel, Err: errors.New("data is a file: data files go in a data/ folder")})
			return nil
		case err != nil:
			err = diag.PathCause(err)
			b.errs.Add(&diag.Error{File: rel, Err: fmt.Errorf("cannot read data: %w", err)})
			return nil
		case content.Ignored(d.Name()) && p != root:
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		case d.IsDir() || !d.Type().IsRegular():
			return nil
		}
		ext := strings.ToLower(path.Ext(rel))
		if ext != ".toml" && ext != ".json" && ext != ".yaml" && ext != ".yml" {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			b.errs.Add(&diag.Error{File: rel, Err: fmt.Errorf("cannot read data: %w", diag.PathCause(err))})
			return nil
		}
		v, err := decodeData(rel, ext, src)
		if err != nil {
			b.errs.Add(err)
			return nil
		}
		keys := strings.Split(strings.TrimSuffix(strings.TrimPrefix(rel, "data/"), path.Ext(rel)), "/")
		b.putData(data, owner, keys, v, rel)
		return nil
	})
	return data
}

// putData stores v at the key path keys of data, unless another file or a
// folder holds that path already, which is an error on file.
func (b *builder) putData(data map[string]any, owner map[string]string, keys []string, v any, file string) {
	m := data
	for i, k := range keys[:len(keys)-1] {
		at := strings.Join(keys[:i+1], "/")
		switch sub := m[k].(type) {
		case nil:
			next := map[string]any{}
			m[k], owner[at] = next, "a folder"
			m = next
		case map[string]any:
			if owner[at] != "a folder" {
				b.errs.Add(&diag.Error{File: file, Err: fmt.Errorf("data name %q is also %s", at, owner[at])})
				return
			}
			m = sub
		default:
			b.errs.Add(&diag.Error{File: file, Err: fmt.Errorf("data name %q is also %s", at, owner[at])})
			return
		}
	}
	last := keys[len(keys)-1]
	at := strings.Join(keys, "/")
	if prev, ok := owner[at]; ok {
		b.errs.Add(&diag.Error{File: file, Err: fmt.Errorf("data name %q is also %s", at, prev)})
		return
	}
	m[last], owner[at] = v, file
}

// decodeData decodes one data file by its extension.
func decodeData(file, ext string, src []byte) (any, error) {
	switch ext {
	case ".toml":
		m, err := frontmatter.DecodeTOML(file, src)
		if err != nil {
			return nil, err
		}
		return m.Data, nil
	case ".json":
		return decodeJSON(file, src)
	}
	return frontmatter.DecodeYAMLData(file, src)
}

// decodeJSON decodes a JSON data file, with whole numbers as int64 and
// errors positioned at their line and column.
func decodeJSON(file string, src []byte) (any, error) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if off := frontmatter.InvalidUTF8(src); off >= 0 {
		// Go's decoder would turn the bytes into U+FFFD without a word.
		at := frontmatter.PositionAt(src, off)
		return nil, diag.Errorf(file, at.Line, at.Col, "json: invalid UTF-8 byte 0x%02X: save the file as UTF-8", src[off])
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, diag.Errorf(file, 1, 1, "json: the file holds no value")
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	if err == nil {
		// Only white space may follow the value: Decoder.More misses a
		// stray "}" or "]".
		off := int(dec.InputOffset())
		for off < len(src) && strings.IndexByte(" \t\r\n", src[off]) >= 0 {
			off++
		}
		if off < len(src) {
			at := frontmatter.PositionAt(src, off)
			return nil, diag.Errorf(file, at.Line, at.Col, "json: %q after the file's value", rune(src[off]))
		}
	}
	if err != nil {
		off := len(src)
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			off = int(se.Offset) - 1 // the offset is past the byte at fault
		case errors.As(err, &te):
			off = int(te.Offset)
		}
		at := frontmatter.PositionAt(src, min(max(off, 0), len(src)))
		return nil, diag.Errorf(file, at.Line, at.Col, "json: %v", err)
	}
	return jsonNumbers(v), nil
}

// jsonNumbers replaces the json.Number values in v with int64 when whole,
// else float64.
func jsonNumbers(v any) any {
	switch v := v.(type) {
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return i
		}
		f, _ := v.Float64()
		return f
	case map[string]any:
		for k, x := range v {
			v[k] = jsonNumbers(x)
		}
	case []any:
		for i, x := range v {
			v[i] = jsonNumbers(x)
		}
	}
	return v
}
