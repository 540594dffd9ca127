package model

import (
	"fmt"

	"github.com/sugarme/tokenizer"
	"github.com/sugarme/tokenizer/pretrained"
)

// encoder turns text into WordPiece ids with a tokenizer.json pipeline.
// It never adds special tokens itself; assemble does.
type encoder struct {
	tk                  *tokenizer.Tokenizer
	clsID, sepID, padID int
}

func loadEncoder(path string) (*encoder, error) {
	tk, err := pretrained.FromFile(path)
	if err != nil {
		return nil, fmt.Errorf("load tokenizer %s: %w", path, err)
	}
	e := &encoder{tk: tk}
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

// ids tokenizes text without special tokens. The tokenizer's internals
// may panic on input they do not expect; that becomes an error here so
// that no request can crash the process.
func (e *encoder) ids(text string) (ids []int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrTokenize, r)
		}
	}()
	enc, err := e.tk.EncodeSingle(text, false)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrTokenize, err)
	}
	// Special tokens typed into the text ("[SEP]") would shift the model's
	// segments; they are dropped like any other markup.
	ids = enc.Ids[:0:0]
	for _, id := range enc.Ids {
		if id != e.clsID && id != e.sepID && id != e.padID {
			ids = append(ids, id)
		}
	}
	return ids, nil
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
	rows, seqLen      int
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
