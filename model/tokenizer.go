package model

import "fmt"

// Tokenizer lays out model input rows exactly as a Classifier does. The
// trainer uses it so that training and serving see the same token ids.
// It is safe for concurrent use.
type Tokenizer struct {
	enc *encoder
}

// LoadTokenizer reads a Hugging Face tokenizer.json.
func LoadTokenizer(path string) (*Tokenizer, error) {
	enc, err := loadEncoder(path)
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	return &Tokenizer{enc: enc}, nil
}

// IDs tokenizes text without special tokens.
func (t *Tokenizer) IDs(text string) ([]int, error) { return t.enc.ids(text) }

// Row returns the token ids of one model input row:
// [CLS] target [SEP] text [SEP] context [SEP] for a stance model that reads
// context, [CLS] target [SEP] text [SEP] for one that does not, and
// [CLS] text [SEP] for a single-text model (target == "" and !pair).
func (t *Tokenizer) Row(target, text, context string, pair, withContext bool, maxLen int) ([]int, error) {
	if !pair {
		a, err := t.enc.ids(text)
		if err != nil {
			return nil, err
		}
		row, _ := t.enc.assemble(nil, a, nil, nil, false, false, maxLen)
		return row, nil
	}
	a, err := t.enc.ids(target)
	if err != nil {
		return nil, err
	}
	b, err := t.enc.ids(text)
	if err != nil {
		return nil, err
	}
	var c []int
	if withContext {
		if c, err = t.enc.ids(context); err != nil {
			return nil, err
		}
	}
	row, _ := t.enc.assemble(nil, a, b, c, true, withContext, maxLen)
	return row, nil
}

// SEP returns the [SEP] token id; PadID the [PAD] id.
func (t *Tokenizer) SEP() int   { return t.enc.sepID }
func (t *Tokenizer) PadID() int { return t.enc.padID }
