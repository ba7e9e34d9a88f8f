package search

import (
	"bytes"
	"slices"
)

// WriteFiles hands the index files to emit one at a time, the shards in
// order and then meta.json, whose build id needs every shard: byte for
// byte what Files returns. A shard is handed on as soon as it is written
// and its room is then used again for the next ones, so the shards never
// take room all at once; emit must not keep a File's Data once it has
// returned. WriteFiles stops at emit's first error and returns it.
//
// It is an error when a document was not added or an Add failed. The
// Builder is spent once WriteFiles has begun to write.
func (b *Builder) WriteFiles(emit func(File) error) error {
	s, err := b.finish(false)
	if err != nil {
		return err
	}
	names := shardNames(len(s.lay.files))
	if err := s.write(func(f int, data []byte) error {
		return emit(File{Path: names[f], Data: data})
	}); err != nil {
		return err
	}
	build := buildID(len(s.crcs), func(f int) uint32 { return s.crcs[f] })
	head := metaHead{build: build, routed: s.lay.routed, shards: names}
	for r, f := range s.lay.spill {
		head.spill = append(head.spill, spilled{s.toks.bytes(r), f})
	}
	// Ranks are in token order.
	slices.SortFunc(head.spill, func(a, b spilled) int { return bytes.Compare(a.token, b.token) })
	meta := b.meta.encode(head)
	b.meta = metaTable{}
	return emit(File{Path: MetaFile, Data: meta})
}

// Files returns the index files, meta.json first and then the shards in
// order, byte for byte what Build returns for the same documents in id
// order. It is an error when a document was not added or an Add failed.
func (b *Builder) Files() ([]File, error) {
	out := []File{{Path: MetaFile}}
	err := b.WriteFiles(func(f File) error {
		if f.Path == MetaFile {
			out[0].Data = f.Data
		} else {
			out = append(out, File{Path: f.Path, Data: slices.Clone(f.Data)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Index returns the index as an Index that Replace can edit, with the
// files Files would return.
func (b *Builder) Index() (*Index, error) {
	s, err := b.finish(true)
	if err != nil {
		return nil, err
	}
	files := make([][]byte, len(s.lay.files))
	if err := s.write(func(f int, data []byte) error {
		files[f] = slices.Clone(data)
		return nil
	}); err != nil {
		return nil, err
	}
	meta := b.meta
	b.meta = metaTable{}
	file := func(f int) []byte { return files[f] }
	return indexOf(b.limit, s.lexicon(), forward{docs: s.fwd}, meta, s.sizes, s.lay, file, s.crcs), nil
}
