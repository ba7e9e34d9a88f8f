package corpus

import (
	"math/rand/v2"
	"strings"
)

// text produces Chinese and English prose from a vocab and a seeded source.
type text struct {
	r *rand.Rand
	v *vocab
}

// pick returns one element of list.
func (t text) pick(list []string) string { return list[t.r.IntN(len(list))] }

// pickN returns n distinct elements of list in list order (n is capped at
// len(list)).
func (t text) pickN(list []string, n int) []string { return pickN(t, list, n) }

// pickN returns n distinct elements of list in list order (n is capped at
// len(list)).
func pickN[T any](t text, list []T, n int) []T {
	if n > len(list) {
		n = len(list)
	}
	chosen := make([]bool, len(list))
	for k := 0; k < n; {
		i := t.r.IntN(len(list))
		if !chosen[i] {
			chosen[i] = true
			k++
		}
	}
	out := make([]T, 0, n)
	for i, ok := range chosen {
		if ok {
			out = append(out, list[i])
		}
	}
	return out
}

// between returns an int in [lo, hi].
func (t text) between(lo, hi int) int { return lo + t.r.IntN(hi-lo+1) }

// chance reports true with probability p.
func (t text) chance(p float64) bool { return t.r.Float64() < p }

// zhSentence writes one Chinese sentence ending in "。".
func (t text) zhSentence(b *strings.Builder) {
	v := t.v
	switch t.r.IntN(5) {
	case 0:
		b.WriteString(t.pick(v.zhPhrases) + "，" + t.pick(v.zhSubjects) + t.pick(v.zhVerbs) + t.pick(v.zhObjects) + "，" + t.pick(v.zhResults) + "。")
	case 1:
		b.WriteString(t.pick(v.zhSubjects) + "和" + t.pick(v.zhSubjects) + "一起" + t.pick(v.zhVerbs) + t.pick(v.zhObjects) + "。")
	case 2:
		b.WriteString(t.pick(v.zhSubjects) + "认为，" + t.pick(v.zhObjects) + "需要更多" + t.pick(v.zhSubjects) + "的参与和支持。")
	case 3:
		b.WriteString("这位" + t.pick(v.zhPersons) + "做事" + t.pick(v.zhQualities) + "，" + t.pick(v.zhPhrases) + t.pick(v.zhVerbs) + "了" + t.pick(v.zhObjects) + "。")
	default:
		b.WriteString("通过" + t.pick(v.zhObjects) + "，" + t.pick(v.zhSubjects) + t.pick(v.zhResults) + "。")
	}
}

// zhSentences writes n Chinese sentences.
func (t text) zhSentences(b *strings.Builder, n int) {
	for range n {
		t.zhSentence(b)
	}
}

// enSentence writes one English sentence.
func (t text) enSentence(b *strings.Builder) {
	v := t.v
	subj := t.pick(v.enSubjects)
	b.WriteString(strings.ToUpper(subj[:1]) + subj[1:])
	b.WriteString(" " + t.pick(v.enVerbs) + " " + t.pick(v.enObjects) + " " + t.pick(v.enPhrases))
	if t.chance(0.5) {
		b.WriteString(", " + t.pick(v.enResults))
	}
	b.WriteString(".")
}

// enParagraph writes an English paragraph of n sentences and a blank line.
func (t text) enParagraph(b *strings.Builder, n int) {
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		t.enSentence(b)
	}
	b.WriteString("\n\n")
}

// zhPhrase returns a short Chinese noun phrase usable in titles.
func (t text) zhPhrase() string {
	return t.pick(t.v.zhSubjects) + t.pick(t.v.zhObjects)
}

// name returns a Chinese personal name.
func (t text) name() string { return t.pick(t.v.surnames) + t.pick(t.v.givenNames) }
