package quote

import (
	"strings"
	"unicode"
)

// sentence is a sentence of the text, in its paragraph.
type sentence struct {
	start, end int // trimmed
	para       int // paragraph index
}

// abbreviations end with a dot that does not end a sentence.
var abbreviations = set(`mr, mrs, ms, dr, st, sen, rep, gov, gen, lt, col, capt, sgt, prof, rev, jr, sr,
	inc, ltd, co, corp, no, nos, vs, v, jan, feb, mar, apr, jun, jul, aug, sep, sept, oct, nov,
	dec, adm, cmdr, maj, brig, pres, mt, ft, approx, dept, est, fig, vol, op, cf, e.g, i.e,
	u.s, u.k, u.n, e.u, d.c, a.m, p.m, mme, mlle, messrs, hon, supt, insp, det, cpl, pte,
	gens, reps, sens, govs, univ, assn, bros, ave, blvd, rd, ph.d, m.p, al`)

// sentenceStarters end a dotted acronym's sentence: "in the U.S. The ...".
var sentenceStarters = set(`the, he, she, it, they, we, i, but, and, in, on, at, this, that, there, a, an, his, her, their`)

// splitSentences splits text into sentences. Paragraphs are lines; a line
// that ends mid-sentence and is followed by a line starting in lower case
// continues the paragraph (hard-wrapped text).
func splitSentences(text string, lines []line) []sentence {
	var out []sentence
	para := -1
	for li := 0; li < len(lines); li++ {
		l := lines[li]
		if l.blank {
			continue
		}
		start, end := l.start, l.end
		for li+1 < len(lines) && !lines[li+1].blank && midSentence(text, lines[li]) && startsLower(text, lines[li+1]) {
			li++
			end = lines[li].end
		}
		para++
		out = appendSentences(out, text, start, end, para)
	}
	return out
}

func startsLower(text string, l line) bool {
	b, _ := trimSpan(text, l.start, l.end)
	r, _ := runeAt(text, b)
	return b < l.end && unicode.IsLower(r)
}

// appendSentences splits the paragraph text[start:end].
func appendSentences(out []sentence, text string, start, end, para int) []sentence {
	sb := start
	add := func(e int) {
		b, e2 := trimSpan(text, sb, e)
		if b < e2 {
			out = append(out, sentence{start: b, end: e2, para: para})
		}
		sb = e
	}
	for i := start; i < end; {
		r, size := runeAt(text, i)
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		// Swallow a run of terminators and closing marks.
		j := i + size
		for j < end {
			r2, s2 := runeAt(text, j)
			if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '…' || r2 == ')' || r2 == ']' || (markFamily(r2) != famNone && !startsWord(text, j+s2, end)) {
				j += s2
				continue
			}
			break
		}
		if j >= end {
			break
		}
		n, _ := runeAt(text, j)
		if !unicode.IsSpace(n) {
			i = j
			continue
		}
		k := j
		for k < end {
			r3, s3 := runeAt(text, k)
			if !unicode.IsSpace(r3) {
				break
			}
			k += s3
		}
		if k >= end {
			break
		}
		nr, _ := runeAt(text, k)
		if !(unicode.IsUpper(nr) || unicode.IsTitle(nr) || unicode.IsDigit(nr) || markFamily(nr) != famNone || nr == '(' || nr == '[') {
			i = j
			continue
		}
		if r == '.' && j == i+size && isAbbreviation(text, start, i, k, end) {
			i = j
			continue
		}
		add(j)
		i = k
	}
	add(end)
	return out
}

// startsWord reports whether text[i:] begins with a letter or digit.
func startsWord(text string, i, end int) bool {
	if i >= end {
		return false
	}
	r, _ := runeAt(text, i)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isAbbreviation reports whether the dot at text[dot] ends an abbreviation
// or an initial rather than a sentence; next is the start of the next word.
func isAbbreviation(text string, start, dot, next, end int) bool {
	b := dot
	for b > start {
		r, size := runeBefore(text, b)
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		b -= size
	}
	w := strings.ToLower(text[b:dot])
	if w == "" {
		return false
	}
	single := len([]rune(w)) == 1
	dotted := strings.Contains(w, ".")
	if !abbreviations[w] && !single && !dotted {
		return false
	}
	if single || dotted {
		// An initial ("Donald J. Trump") or acronym ("U.S. President"),
		// unless what follows plainly starts a sentence.
		e := next
		for e < end {
			r, size := runeAt(text, e)
			if !unicode.IsLetter(r) {
				break
			}
			e += size
		}
		if sentenceStarters[strings.ToLower(text[next:e])] {
			return false
		}
		if single {
			r, _ := runeAt(text, b)
			return unicode.IsUpper(r)
		}
	}
	return true
}
