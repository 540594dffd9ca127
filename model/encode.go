package model

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/sugarme/tokenizer"
	"github.com/sugarme/tokenizer/model/wordpiece"
	"github.com/sugarme/tokenizer/normalizer"
	"github.com/sugarme/tokenizer/pretokenizer"
	"github.com/sugarme/tokenizer/pretrained"
)

// encoder turns text into WordPiece ids with a tokenizer.json pipeline.
// It never adds special tokens itself; assemble does.
type encoder struct {
	tk                  *tokenizer.Tokenizer
	cache               *wordCache
	clsID, sepID, padID int
	// wordPiece is the tokenizer's WordPiece model when its pipeline is
	// the uncased BERT one (bertUncased); chunkIDs then splits a new ASCII
	// chunk itself and runs only the model, on pieces it caches apart.
	wordPiece tokenizer.Model
	pieces    *wordCache
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
	if bertUncased(tk) {
		e.wordPiece, e.pieces = tk.GetModel(), newWordCache(1<<17)
	}
	return e, nil
}

// bertUncased reports whether tk runs the uncased BERT pipeline: (NFD
// then) a lowercasing BertNormalizer, the BertPreTokenizer and a WordPiece
// model. On printable ASCII that pipeline lowercases, splits runs of
// letters and digits from every other character, and runs WordPiece on
// each piece, which is what chunkIDs does without the pipeline's overhead.
// It inspects the pipeline sugarme built, so it judges what will run.
func bertUncased(tk *tokenizer.Tokenizer) bool {
	if _, ok := tk.GetPreTokenizer().(*pretokenizer.BertPreTokenizer); !ok {
		return false
	}
	if _, ok := tk.GetModel().(*wordpiece.WordPiece); !ok {
		return false
	}
	norms := []normalizer.Normalizer{tk.GetNormalizer()}
	if seq, ok := norms[0].(*normalizer.Sequence); ok {
		norms = seq.Normalizers
	}
	lower := false
	for _, n := range norms {
		switch n := n.(type) {
		case *normalizer.NFD:
		case *normalizer.BertNormalizer:
			lower = n.Lowercase
		default:
			return false
		}
	}
	return lower
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
		chunkIDs, err := e.chunkIDs(chunk)
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

// chunkIDs tokenizes one whitespace-free chunk that missed the cache. For
// printable ASCII under the uncased BERT pipeline it does the pipeline's
// work directly: lowercase, split letter-and-digit runs from each other
// character (all BERT punctuation), and look each piece up in the piece
// cache or run the WordPiece model on it. A new chunk is most often a
// known word with new punctuation or capitals ("Truce," after "truce"),
// so this path rarely runs WordPiece at all. Other chunks take the full
// pipeline.
func (e *encoder) chunkIDs(chunk string) ([]int, error) {
	if e.wordPiece == nil || !printableASCII(chunk) {
		return e.pipelineIDs(chunk)
	}
	var buf [64]byte
	lower := buf[:0]
	for i := 0; i < len(chunk); i++ {
		c := chunk[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower = append(lower, c)
	}
	var ids []int
	for len(lower) > 0 {
		n := 1
		if isAlnum(lower[0]) {
			for n < len(lower) && isAlnum(lower[n]) {
				n++
			}
		}
		piece := string(lower[:n])
		lower = lower[n:]
		pids, ok := e.pieces.get(piece)
		if !ok {
			var err error
			if pids, err = e.wordPieceIDs(piece); err != nil {
				return nil, err
			}
			e.pieces.put(piece, pids)
		}
		ids = append(ids, pids...)
	}
	return ids, nil
}

// wordPieceIDs runs the WordPiece model alone on one pre-tokenized piece;
// like pipelineIDs, it turns a panic inside the tokenizer into an error.
func (e *encoder) wordPieceIDs(piece string) (ids []int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrTokenize, r)
		}
	}()
	toks, err := e.wordPiece.Tokenize(piece)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrTokenize, err)
	}
	ids = make([]int, len(toks))
	for i, t := range toks {
		ids[i] = t.Id
	}
	return ids, nil
}

// printableASCII reports whether chunk is printable ASCII without '[',
// which could open an added token such as [CLS].
func printableASCII(chunk string) bool {
	for i := 0; i < len(chunk); i++ {
		if c := chunk[i]; c < 0x21 || c > 0x7e || c == '[' {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
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
