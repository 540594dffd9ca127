package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one line of the text, without its terminator.
type line struct {
	start, end int // content is text[start:end]
	blank      bool
}

// splitLines splits text at \n, \r\n, \r, U+2028 and U+2029.
func splitLines(text string) []line {
	var lines []line
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\n', '\r', '\u2028', '\u2029':
			lines = append(lines, line{start: start, end: i})
			i += size
			if r == '\r' && i < len(text) && text[i] == '\n' {
				i++
			}
			start = i
			continue
		}
		i += size
	}
	lines = append(lines, line{start: start, end: len(text)})
	for k := range lines {
		lines[k].blank = strings.TrimFunc(text[lines[k].start:lines[k].end], unicode.IsSpace) == ""
	}
	return lines
}

// runeAt returns the rune at byte i, or -1 at or past the end.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) || i < 0 {
		return -1, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// runeBefore returns the rune ending at byte i, or -1 at the start.
func runeBefore(s string, i int) (rune, int) {
	if i <= 0 || i > len(s) {
		return -1, 0
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029'
}

func isSpace(r rune) bool { return r == -1 || unicode.IsSpace(r) }

// trimSpan shrinks [b, e) of text past leading and trailing white space.
func trimSpan(text string, b, e int) (int, int) {
	for b < e {
		r, size := utf8.DecodeRuneInString(text[b:e])
		if !unicode.IsSpace(r) {
			break
		}
		b += size
	}
	for e > b {
		r, size := utf8.DecodeLastRuneInString(text[b:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return b, e
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// token is a word or one punctuation character.
type token struct {
	start, end int
	s          string // the text of the token
	word       bool
	nl         bool   // a line break precedes the token
	capital    bool   // a word that starts with a capital (see isCapWord)
	low        string // s in lower case
}

// lower returns the token lower-cased.
func (t token) lower() string {
	if t.low == "" {
		return strings.ToLower(t.s)
	}
	return t.low
}

// isCap reports whether the token is a word that starts with a capital.
func (t token) isCap() bool {
	return t.capital
}

// base returns the token without a possessive 's and whether it had one.
func (t token) base() (string, bool) {
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if len(t.s) > len(suf) && strings.HasSuffix(t.s, suf) {
			return t.s[:len(t.s)-len(suf)], true
		}
	}
	return t.s, false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// tokenize splits text[start:end] into words and punctuation.
//
// A word is a run of letters, digits and combining marks; an apostrophe or
// hyphen between two word characters stays inside ("don't", "Putin-Trump"),
// and so does the dot of an initial or dotted acronym ("J.", "U.S.").
func tokenize(text string, start, end int) []token {
	var toks []token
	nl := false
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) {
			if isLineBreak(r) {
				nl = true
			}
			i += size
			continue
		}
		if !isWordRune(r) {
			toks = append(toks, token{start: i, end: i + size, s: text[i : i+size], nl: nl, low: text[i : i+size]})
			nl = false
			i += size
			continue
		}
		j := i + size
		segLen := 1 // letters since the last dot
		for j < end {
			r2, s2 := utf8.DecodeRuneInString(text[j:end])
			if isWordRune(r2) {
				j += s2
				segLen++
				continue
			}
			if isApostrophe(r2) || r2 == '-' || r2 == '‑' {
				r3, _ := runeAt(text[:end], j+s2)
				if r3 >= 0 && isWordRune(r3) {
					j += s2
					continue
				}
				break
			}
			if r2 == '.' && segLen == 1 {
				r0, _ := runeBefore(text, j)
				if unicode.IsLetter(r0) {
					j += s2
					segLen = 0
					continue
				}
			}
			break
		}
		w := text[i:j]
		toks = append(toks, token{start: i, end: j, s: w, word: true, nl: nl, capital: isCapWord(w), low: strings.ToLower(w)})
		nl = false
		i = j
	}
	return toks
}
