package model

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/sugarme/tokenizer"
	"github.com/sugarme/tokenizer/normalizer"
	"github.com/sugarme/tokenizer/pretrained"
)

// encoder turns text into WordPiece ids with a tokenizer.json pipeline.
// It never adds special tokens itself; assemble does.
type encoder struct {
	tk                  *tokenizer.Tokenizer
	cache               *wordCache
	clsID, sepID, padID int
}

func loadEncoder(path string) (*encoder, error) {
	tk, err := pretrained.FromFile(path)
	if err != nil {
		return nil, fmt.Errorf("load tokenizer %s: %w", path, err)
	}
	e := &encoder{tk: tk, cache: newWordCache(1 << 18)}
	var missing []string
	var ok bool
	if e.clsID, ok = tk.TokenToId("[CLS]"); !ok {
		missing = append(missing, "[CLS]")
	}
	if e.sepID, ok = tk.TokenToId("[SEP]"); !ok {
		missing = append(missing, "[SEP]")
	}
	if e.padID, ok = tk.TokenToId("[PAD]"); !ok {
		missing = append(missing, "[PAD]")
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("tokenizer %s has no %v token", path, missing)
	}
	return e, nil
}

// ids tokenizes text without special tokens.
//
// The BERT pipeline (NFD, BertNormalizer, BertPreTokenizer, WordPiece) never
// joins characters across ASCII whitespace, so the ids of a text are the
// concatenation of the ids of its whitespace-separated chunks. ids runs each
// distinct chunk through sugarme's pipeline once and caches the result;
// news vocabulary repeats, so steady-state tokenization is a map lookup per
// word. TestFastIDsMatchPipeline proves the equivalence on the corpus and on
// random text.
func (e *encoder) ids(text string) ([]int, error) {
	text = sanitize(text)
	ids := make([]int, 0, len(text)/4+1)
	start := -1
	for i := 0; i <= len(text); i++ {
		if i < len(text) && !isASCIISpace(text[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start < 0 {
			continue
		}
		chunk := text[start:i]
		start = -1
		if cached, ok := e.cache.get(chunk); ok {
			ids = append(ids, cached...)
			continue
		}
		chunkIDs, err := e.pipelineIDs(chunk)
		if err != nil {
			return nil, err
		}
		e.cache.put(chunk, chunkIDs)
		ids = append(ids, chunkIDs...)
	}
	return ids, nil
}

// specialTokens are the tokenizer's added tokens. Typed into a statement
// they would shift the model's segments, so they are blanked out.
var specialTokens = strings.NewReplacer("[CLS]", " ", "[SEP]", " ", "[PAD]", " ", "[MASK]", " ", "[UNK]", " ")

// sanitize prepares text for the tokenizer. It blanks out special-token
// literals, then applies what the BERT normalizer would: NFD, removal of
// NUL, U+FFFD and control and format characters (clean_text), spaces
// around CJK ideographs (handle_chinese_chars), lowercasing and removal of
// combining marks (strip_accents). On the result the normalizer's own
// steps are no-ops. That matters because sugarme tracks offsets wrongly
// whenever a step changes a string's length: it appends stray ids after
// such characters and panics on stacked accents. ASCII text without
// brackets or control characters is returned unchanged.
func sanitize(text string) string {
	clean := true
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= 0x7f || c == '[' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			clean = false
			break
		}
	}
	if clean {
		return text
	}
	if strings.Contains(text, "[") {
		text = specialTokens.Replace(text)
	}
	var b strings.Builder
	b.Grow(len(text) + 8)
	for _, r := range norm.NFD.String(text) {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(r)
		case r == 0 || r == utf8.RuneError || unicode.In(r, unicode.Cc, unicode.Cf):
		case normalizer.IsChinese(r):
			b.WriteByte(' ')
			b.WriteRune(r)
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, strings.ToLower(b.String()))
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' // BertNormalizer's whitespace
}

// pipelineIDs runs sugarme's full pipeline on text. The tokenizer's
// internals may panic on input they do not expect; that becomes an error
// here so that no request can crash the process.
func (e *encoder) pipelineIDs(text string) (ids []int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrTokenize, r)
		}
	}()
	enc, err := e.tk.EncodeSingle(text, false)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrTokenize, err)
	}
	return enc.Ids, nil
}

// wordCache maps a whitespace-free chunk of text to its token ids. It holds
// at most maxEntries chunks; when full it starts over, which bounds memory
// on adversarial input at the cost of re-tokenizing. Safe for concurrent use.
type wordCache struct {
	mu         sync.RWMutex
	m          map[string][]int
	maxEntries int
}

func newWordCache(maxEntries int) *wordCache {
	return &wordCache{m: make(map[string][]int), maxEntries: maxEntries}
}

func (c *wordCache) get(chunk string) ([]int, bool) {
	c.mu.RLock()
	ids, ok := c.m[chunk]
	c.mu.RUnlock()
	return ids, ok
}

func (c *wordCache) put(chunk string, ids []int) {
	if len(chunk) > 64 {
		return // long chunks (URLs, garbage) rarely repeat
	}
	c.mu.Lock()
	if len(c.m) >= c.maxEntries {
		clear(c.m)
	}
	c.m[strings.Clone(chunk)] = ids
	c.mu.Unlock()
}

// assemble lays out one model input row:
//
//	[CLS] a [SEP]                       (b == nil)
//	[CLS] a [SEP] b [SEP]               (c == nil)
//	[CLS] a [SEP] b [SEP] c [SEP]
//
// truncating c first, then b, then a so the row fits in maxLen tokens.
// token types are 0 for the first segment and 1 after it, as BERT pairs.
func (e *encoder) assemble(dst []int, a, b, c []int, hasB, hasC bool, maxLen int) (row []int, firstLen int) {
	special := 2
	if hasB {
		special++
	}
	if hasC {
		special++
	}
	budget := max(maxLen-special, 0)
	la, lb, lc := len(a), len(b), len(c)
	for la+lb+lc > budget {
		switch {
		case lc > 0:
			lc--
		case lb > la:
			lb--
		case la > 0:
			la--
		default:
			lb--
		}
	}
	row = append(dst[:0], e.clsID)
	row = append(row, a[:la]...)
	row = append(row, e.sepID)
	firstLen = len(row)
	if hasB {
		row = append(row, b[:lb]...)
		row = append(row, e.sepID)
	}
	if hasC {
		row = append(row, c[:lc]...)
		row = append(row, e.sepID)
	}
	return row, firstLen
}

// batch is one padded model input, row-major [rows, seqLen].
type batch struct {
	rows, seqLen     int
	ids, mask, types []int64
}

// pad packs rows into a batch padded to the longest row.
func pad(rows [][]int, firstLens []int, padID int) *batch {
	seqLen := 1
	for _, r := range rows {
		seqLen = max(seqLen, len(r))
	}
	b := &batch{
		rows:   len(rows),
		seqLen: seqLen,
		ids:    make([]int64, len(rows)*seqLen),
		mask:   make([]int64, len(rows)*seqLen),
		types:  make([]int64, len(rows)*seqLen),
	}
	for i, r := range rows {
		off := i * seqLen
		for j := range seqLen {
			if j < len(r) {
				b.ids[off+j] = int64(r[j])
				b.mask[off+j] = 1
				if j >= firstLens[i] {
					b.types[off+j] = 1
				}
			} else {
				b.ids[off+j] = int64(padID)
			}
		}
	}
	return b
}
