package quote

import (
	"sort"
	"strings"
	"unicode"
)

// family groups quote marks that pair with each other. Marks of different
// families nest ("He said ‘no’"); marks of one family do not.
type family uint8

const (
	famNone   family = iota
	famDouble        // " “ ” „ ‟
	famAngle         // « »
	famSingle        // ' ‘ ’ ‚ ‹ ›
)

func markFamily(r rune) family {
	switch r {
	case '"', '“', '”', '„', '‟', '＂':
		return famDouble
	case '«', '»':
		return famAngle
	case '\'', '‘', '’', '‚', '‹', '›':
		return famSingle
	}
	return famNone
}

// mark is one quote mark and what it may do where it stands.
type mark struct {
	pos, size   int
	r           rune
	fam         family
	open, close bool
	// weak is set on a closer that may well be an apostrophe ending a plural
	// possessive ("the allies' plan"); a later closer is preferred.
	weak bool
}

// opensBefore reports whether r, just before a mark, lets the mark open a
// quote: white space, the text's start, an opening bracket, a dash, another
// quote mark, or punctuation that can run into a quote without a space.
func opensBefore(r rune) bool {
	if isSpace(r) || markFamily(r) != famNone {
		return true
	}
	switch r {
	case '(', '[', '{', '<', '—', '–', '-', '/', ':', ';', ',', '\u00a0', '\u202f', '…':
		return true
	}
	return false
}

// closesAfter reports whether r, just after a mark, lets the mark close a
// quote.
func closesAfter(r rune) bool {
	if isSpace(r) || markFamily(r) != famNone {
		return true
	}
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '…', '—', '–', '-', '/', '*', '\u00a0', '\u202f':
		return true
	}
	return false
}

// elisions are words that begin with an apostrophe rather than a quote mark.
var elisions = map[string]bool{
	"tis": true, "twas": true, "em": true, "til": true, "till": true, "cause": true, "cos": true,
	"bout": true, "n": true, "round": true, "ere": true, "neath": true, "gainst": true,
	"nuff": true, "kay": true, "s": true, "ello": true, "ol": true, "cept": true, "fraid": true,
}

// isElision reports whether the apostrophe-like mark at text[pos:pos+size]
// starts an elided word ("'90s", "’til", "rock 'n' roll").
func isElision(text string, after int) bool {
	j := after
	for j < len(text) {
		r, size := runeAt(text, j)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j += size
	}
	w := strings.ToLower(text[after:j])
	if w == "" {
		return false
	}
	if elisions[w] {
		return true
	}
	// '90s, '20, ’08
	digits := strings.TrimRight(w, "s")
	if len(digits) == 2 && digits[0] >= '0' && digits[0] <= '9' && digits[1] >= '0' && digits[1] <= '9' {
		return true
	}
	return false
}

// classify decides what the mark at text[pos:pos+size] may do.
func classify(text string, pos, size int, r rune) mark {
	m := mark{pos: pos, size: size, r: r, fam: markFamily(r)}
	p, _ := runeBefore(text, pos)
	n, _ := runeAt(text, pos+size)
	left := opensBefore(p) && !isSpace(n)  // "(“word"
	right := !isSpace(p) && closesAfter(n) // "word”."
	if isSpace(p) && isSpace(n) {
		// A mark standing alone between spaces: French typography puts
		// spaces inside guillemets; elsewhere it is a typo. Let the glyph
		// decide.
		left, right = false, false
	}
	switch r {
	case '"', '＂':
		m.open = left || !right
		m.close = right || !left
		if unicode.IsDigit(p) && !left {
			// 12" gun, 5'10": a measurement unless it closes a quote.
			m.open = false
		}
	case '“', '‟':
		m.open = left || !right
		m.close = right && !left
	case '”':
		m.close = right || !left
		m.open = left && !right
	case '„':
		m.open = true
	case '«', '‹':
		m.open = left || !right
		m.close = right && !left
	case '»', '›':
		// Danish and German put » before the words (»Man kan«); French
		// puts it after them, often after a space (prêts »).
		m.open = left && !right && isWordRune(n)
		m.close = !m.open
	case '\'':
		m.open = left && !isElision(text, pos+size)
		m.close = right
		if unicode.IsDigit(p) && !unicode.IsLetter(n) {
			m.close = false // 5' tall
		}
	case '‘':
		m.open = left && !isElision(text, pos+size)
		m.close = right && !left
	case '’':
		m.close = right && !left
		m.open = left && !right && !isElision(text, pos+size)
	case '‚':
		m.open = left
	}
	if m.fam == famSingle && m.close && (p == 's' || p == 'S') && isSpace(n) {
		m.weak = true
	}
	return m
}

// pairs reports whether closer c can close a quote opened by o.
func pairs(o, c rune) bool {
	switch o {
	case '"', '＂':
		return c == '"' || c == '”' || c == '“' || c == '＂'
	case '“':
		return c == '”' || c == '“' || c == '"'
	case '„':
		return c == '“' || c == '”' || c == '"'
	case '‟', '”':
		return c == '”' || c == '"'
	case '«':
		return c == '»'
	case '»':
		return c == '«'
	case '‹':
		return c == '›'
	case '›':
		return c == '‹'
	case '\'':
		return c == '\'' || c == '’'
	case '‘':
		return c == '’' || c == '\'' || c == '‘'
	case '’':
		return c == '’'
	case '‚':
		return c == '‘' || c == '’'
	}
	return false
}

// span is one top-level quoted span found by the pairing pass.
type span struct {
	open, openSize   int
	close, closeSize int // close is -1 when the quote was not closed
	begin, end       int // the quoted words, trimmed
	fam              family
	cont             bool // the quote goes on in the next paragraph
	contPrev         bool // the quote goes on from the previous paragraph
}

// innerEnd is the byte offset just past the span's quoted region including
// its closing mark, or its end when unclosed.
func (s span) outerEnd() int {
	if s.close >= 0 {
		return s.close + s.closeSize
	}
	return s.end
}

// lineMarks returns the quote marks on text[l.start:l.end].
func lineMarks(text string, l line) []mark {
	var ms []mark
	for i := l.start; i < l.end; {
		r, size := runeAt(text, i)
		if markFamily(r) != famNone {
			m := classify(text, i, size, r)
			if m.open || m.close {
				ms = append(ms, m)
			}
		}
		i += size
	}
	return ms
}

// findSpans pairs the quote marks of text into top-level quoted spans.
//
// Pairing runs over the text with a stack. A closer closes the nearest
// compatible opener on the stack, discarding unclosed single quotes above it
// (they were apostrophes); an opener of a family that is already open
// restarts the quote there (the earlier mark was stray and opens nothing).
// At the end of a line an unclosed quote becomes a multi-paragraph part when
// the next paragraph opens with a quote mark; it continues on the next line
// (a line break inside the quote) when no blank line follows and the next
// line closes it before opening another quote; otherwise it is capped at the
// end of its paragraph, so one stray mark never swallows the rest of the
// article.
func findSpans(text string, lines []line) []span {
	var spans []span
	var stack []mark

	emit := func(o mark, closeAt, closeSize int, end int, cont bool) {
		b, e := trimSpan(text, o.pos+o.size, end)
		if !hasWordRune(text[b:e]) {
			return
		}
		spans = append(spans, span{
			open: o.pos, openSize: o.size, close: closeAt, closeSize: closeSize,
			begin: b, end: e, fam: o.fam, cont: cont,
		})
	}
	unclosed := func(o mark, end int) {
		if o.fam == famSingle {
			return
		}
		emit(o, -1, 0, end, false)
	}

	for li := 0; li < len(lines); li++ {
		l := lines[li]
		marks := lineMarks(text, l)
		for k, m := range marks {
			if m.close {
				if idx := closerIndex(stack, m); idx >= 0 {
					if !(m.weak && strongerCloserFollows(marks[k+1:], stack[idx])) {
						if idx == 0 {
							emit(stack[0], m.pos, m.size, m.pos, false)
						}
						stack = stack[:idx]
						continue
					}
				}
			}
			if m.open {
				// A second opener of a family that is already open means
				// the first was stray: it opens nothing.
				for j := range stack {
					if stack[j].fam == m.fam {
						stack = stack[:j]
						break
					}
				}
				if len(stack) < 8 {
					stack = append(stack, m)
				}
			}
		}
		if len(stack) == 0 {
			continue
		}
		bottom := stack[0]
		nj := li + 1
		for nj < len(lines) && lines[nj].blank {
			nj++
		}
		if nj >= len(lines) {
			unclosed(bottom, l.end)
			stack = stack[:0]
			continue
		}
		if opensParagraph(text, lines[nj], bottom) {
			emit(bottom, -1, 0, l.end, true)
			stack = stack[:0]
			continue
		}
		if nj == li+1 && closesOnLine(text, lines[nj], bottom) {
			continue // a line break inside the quote
		}
		unclosed(bottom, l.end)
		stack = stack[:0]
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].begin < spans[j].begin })
	for i := 1; i < len(spans); i++ {
		if spans[i-1].cont {
			spans[i].contPrev = true
		}
	}
	return spans
}

// closerIndex returns the stack index of the opener that closer m closes, or
// -1. A double or angle closer may pass over unclosed openers of other
// families; a single closer passes only over other single openers.
func closerIndex(stack []mark, m mark) int {
	for i := len(stack) - 1; i >= 0; i-- {
		o := stack[i]
		if o.fam == m.fam && pairs(o.r, m.r) {
			return i
		}
		if m.fam == famSingle && o.fam != famSingle {
			return -1
		}
	}
	return -1
}

// strongerCloserFollows reports whether a later mark on the line closes o
// without being a likely apostrophe, before anything reopens o's family.
func strongerCloserFollows(rest []mark, o mark) bool {
	for _, m := range rest {
		if m.fam != o.fam {
			continue
		}
		if m.close && pairs(o.r, m.r) && !m.weak {
			return true
		}
		if m.open && !m.close {
			return false
		}
	}
	return false
}

// opensParagraph reports whether line l starts with a mark that opens a
// quote of o's kind.
func opensParagraph(text string, l line, o mark) bool {
	b, _ := trimSpan(text, l.start, l.end)
	r, size := runeAt(text, b)
	if markFamily(r) == famNone || b >= l.end {
		return false
	}
	m := classify(text, b, size, r)
	if !m.open {
		return false
	}
	if o.fam == famSingle {
		return m.fam == famSingle
	}
	return m.fam != famSingle
}

// midSentence reports whether line l ends without closing its sentence, as
// hard-wrapped text does.
func midSentence(text string, l line) bool {
	_, e := trimSpan(text, l.start, l.end)
	r, _ := runeBefore(text, e)
	if e <= l.start {
		return false
	}
	switch r {
	case '.', '!', '?', ':', '…', ';':
		return false
	}
	return markFamily(r) == famNone
}

// closesOnLine reports whether line l closes a quote opened by o before it
// opens another of o's family.
func closesOnLine(text string, l line, o mark) bool {
	for _, m := range lineMarks(text, l) {
		if m.fam != o.fam {
			continue
		}
		if m.close && pairs(o.r, m.r) {
			return true
		}
		if m.open {
			return false
		}
	}
	return false
}

func hasWordRune(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
