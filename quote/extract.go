package quote

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Quote is one contiguous quoted span of an article.
type Quote struct {
	// Text is the quoted words without the quote marks; it equals
	// text[Begin:End] of the text given to Extract.
	Text string
	// Begin and End are UTF-8 byte offsets into the article text; they
	// always fall on character boundaries. Use ConvertOffset for UTF-16 or
	// code point offsets.
	Begin, End int
	// Speaker is the canonical name of who said the words (the fullest name
	// the article gives, even where the sentence says "he" or "the defence
	// secretary"), or "" when unknown or when the quote is a title or a
	// scare quote.
	Speaker string
	// Context is the sentence containing the quote, or the sentences it
	// spans, at most about 600 bytes; it is what a classifier reads next to
	// Text.
	Context string
	// Group numbers statements from 1: the parts of one statement (a quote
	// split by its attribution, or the paragraphs of a multi-paragraph
	// quote) share a Group.
	Group int
}

// maxContext bounds Quote.Context in bytes.
const maxContext = 600

// Extract finds the quotes in a news article, attributes each to a speaker
// and returns them in document order. The quotes never overlap.
//
// Extract recognises straight and curly double and single quotes,
// guillemets and low-9 quotes, tells apostrophes from single quotes, keeps
// the outer quote of nested ones, and recovers from unbalanced marks by
// capping an unclosed quote at the end of its paragraph. It never panics;
// for text without quotes it returns nil.
//
// Extract is safe for concurrent use; it keeps no state between calls.
func Extract(text string) []Quote {
	d := newDoc(text)
	if len(d.spans) == 0 {
		return nil
	}
	d.analyse()
	out := make([]Quote, len(d.spans))
	for i, sp := range d.spans {
		out[i] = Quote{
			Text:    text[sp.begin:sp.end],
			Begin:   sp.begin,
			End:     sp.end,
			Speaker: d.speaker[i],
			Context: d.context(sp),
			Group:   d.group[i],
		}
	}
	return out
}

// doc holds one article while it is analysed.
type doc struct {
	text     string
	lines    []line
	sents    []sentence
	toks     []token
	sentToks [][2]int // token range of each sentence
	tokSent  []int    // sentence of each token, -1 outside any
	spans    []span
	spanTok  [][2]int // token index of each span's opening and closing mark (-1 if none)
	inSpan   []int    // span index of each token inside a quote, -1 outside
	reg      *registry

	group   []int
	speaker []string
	ent     []*entity

	subjMemo map[int]*entity
	subjDone map[int]bool

	frontMatter int // end of a metadata header, 0 when none

	aloneCount map[string]int  // capitalised words standing alone, by lower case
	nearVerb   map[string]bool // capitalised words next to a speech verb

	// how, step and trace record which rule attributed each quote, for
	// tests and debugging.
	how, step string
	trace     []string

	objectPron      bool // the pronoun being resolved is an object ("her")
	docDepth        int  // nesting of resolveDoc, bounded
	lastSpeaker     *entity
	lastSpeakerSent int
	lastSpeakerPos  int // where the last speaker was named or the quote began
	attrPos         int // where the current group's speaker is named, -1 if nowhere
}

func newDoc(text string) *doc {
	d := &doc{text: text}
	d.lines = splitLines(text)
	d.spans = findSpans(text, d.lines)
	d.frontMatter = frontMatterEnd(text, d.lines)
	return d
}

// frontMatterEnd returns the end of a Jekyll-style front matter block (a
// first line "---", metadata, a closing "---"), whose quoted values are
// titles rather than anybody's words, or 0.
func frontMatterEnd(text string, lines []line) int {
	if len(lines) < 2 || strings.TrimSpace(text[lines[0].start:lines[0].end]) != "---" {
		return 0
	}
	for k := 1; k < len(lines) && k < 60; k++ {
		if strings.TrimSpace(text[lines[k].start:lines[k].end]) == "---" {
			return lines[k].end
		}
	}
	return 0
}

// analyse tokenises the text, splits it into sentences, builds the entity
// registry and attributes every quote.
func (d *doc) analyse() {
	text := d.text
	d.sents = splitSentences(text, d.lines)
	d.toks = tokenize(text, 0, len(text))
	d.tokSent = make([]int, len(d.toks))
	d.sentToks = make([][2]int, len(d.sents))
	si := 0
	for k := range d.tokSent {
		d.tokSent[k] = -1
	}
	for k, t := range d.toks {
		for si < len(d.sents) && d.sents[si].end <= t.start {
			si++
		}
		if si < len(d.sents) && t.start >= d.sents[si].start {
			d.tokSent[k] = si
		}
	}
	for s := range d.sents {
		d.sentToks[s] = [2]int{-1, -1}
	}
	for k, s := range d.tokSent {
		if s < 0 {
			continue
		}
		if d.sentToks[s][0] < 0 {
			d.sentToks[s][0] = k
		}
		d.sentToks[s][1] = k + 1
	}
	for s := range d.sents {
		if d.sentToks[s][0] < 0 {
			d.sentToks[s] = [2]int{0, 0}
		}
	}
	d.inSpan = make([]int, len(d.toks))
	for k := range d.inSpan {
		d.inSpan[k] = -1
	}
	d.spanTok = make([][2]int, len(d.spans))
	for i, sp := range d.spans {
		o := d.tokAt(sp.open)
		c := -1
		if sp.close >= 0 {
			c = d.tokAt(sp.close)
		}
		d.spanTok[i] = [2]int{o, c}
		end := sp.outerEnd()
		for k := o + 1; k < len(d.toks) && d.toks[k].start < end; k++ {
			if k != c {
				d.inSpan[k] = i
			}
		}
	}
	d.reg = newRegistry()
	d.buildRegistry()
	d.registerAnons()
	d.subjMemo = map[int]*entity{}
	d.subjDone = map[int]bool{}
	d.lastSpeakerSent = -100
	d.groupSpans()
	d.attribute()
}

// tokAt returns the index of the token starting at byte pos, or of the
// first token after it.
func (d *doc) tokAt(pos int) int {
	return sort.Search(len(d.toks), func(k int) bool { return d.toks[k].start >= pos })
}

// sentAt returns the sentence containing byte pos, or the nearest before.
func (d *doc) sentAt(pos int) int {
	s := sort.Search(len(d.sents), func(k int) bool { return d.sents[k].end > pos })
	if s >= len(d.sents) {
		s = len(d.sents) - 1
	}
	if s > 0 && d.sents[s].start > pos {
		s--
	}
	return s
}

// context returns the sentence or sentences spanning sp, cut to maxContext
// bytes around the quote.
func (d *doc) context(sp span) string {
	if len(d.sents) == 0 {
		return ""
	}
	b, e := sp.open, sp.outerEnd()
	s1, s2 := d.sentAt(b), d.sentAt(max(b, e-1))
	cb, ce := min(d.sents[s1].start, b), max(d.sents[s2].end, e)
	if ce-cb > maxContext {
		q := e - b
		if q >= maxContext {
			cb, ce = b, b+maxContext
		} else {
			extra := maxContext - q
			left := min(b-cb, extra/2)
			right := min(ce-e, extra-left)
			left = min(b-cb, extra-right)
			cb, ce = b-left, e+right
		}
		cb, ce = d.wordBounds(cb, ce, b, e)
	}
	cb, ce = trimSpan(d.text, cb, ce)
	return d.text[cb:ce]
}

// wordBounds moves [cb, ce) inwards to word and character boundaries,
// never past the quote [b, e).
func (d *doc) wordBounds(cb, ce, b, e int) (int, int) {
	t := d.text
	for cb > 0 && cb < len(t) && !utf8.RuneStart(t[cb]) {
		cb++
	}
	if cb < b {
		for x := cb; x < b; x++ {
			if t[x] == ' ' {
				if x > cb {
					cb = x + 1
				}
				break
			}
		}
	}
	for ce < len(t) && ce > 0 && !utf8.RuneStart(t[ce]) {
		ce--
	}
	if ce > e {
		for x := ce - 1; x >= e; x-- {
			if t[x] == ' ' {
				ce = x
				break
			}
		}
	}
	return cb, ce
}
