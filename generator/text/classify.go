package text

import "unicode"

// A rune's class for counting: part of no word, a CJK character (a word of
// its own), or part of a Latin word.
const (
	classOther = iota
	classCJK
	classWord
)

// The classes of the runes of the blocks East Asian text uses most besides
// the ideographs, one bit per rune (bit i for the block's first rune + i):
// CJK symbols and punctuation (U+3000–U+303F, "。" and "、") and the
// halfwidth and fullwidth forms (U+FF00–U+FF7F, "，" and "："). A rune in
// neither mask of its block is classOther. TestClassifyMatchesTables checks
// them against the unicode tables.
const (
	cjk3000  = 0x0f00c3fe000000a0
	word3000 = 0x103e000000000040
	cjkFF00  = 0x0000000000000000
	wordFF00 = 0x07fffffe03ff0000
	cjkFF40  = 0xfffeffc000000000
	wordFF40 = 0x0001000007fffffe
)

// classify returns the class of a non-ASCII rune: classCJK as IsCJK,
// classWord for another letter or digit, else classOther.
func classify(r rune) int {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return classCJK
	case r>>6 == 0x3000>>6:
		return maskClass(uint(r-0x3000), cjk3000, word3000)
	case r>>6 == 0xFF00>>6:
		return maskClass(uint(r-0xFF00), cjkFF00, wordFF00)
	case r>>6 == 0xFF40>>6:
		return maskClass(uint(r-0xFF40), cjkFF40, wordFF40)
	}
	return classifySlow(r)
}

// maskClass returns the class of the rune at bit i of a block's masks.
func maskClass(i uint, cjk, word uint64) int {
	switch {
	case cjk>>i&1 != 0:
		return classCJK
	case word>>i&1 != 0:
		return classWord
	}
	return classOther
}

// classifySlow is classify from the unicode tables.
func classifySlow(r rune) int {
	switch {
	case IsCJK(r):
		return classCJK
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return classWord
	}
	return classOther
}
