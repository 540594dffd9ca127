package train

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// WriteTokenizerJSON writes a Hugging Face tokenizer.json for an uncased
// BERT WordPiece vocabulary (one token per line, id = line number). The
// normalizer runs NFD before BertNormalizer so that accented words
// (Zelensky's "Élysée") decompose and lose their accents instead of
// becoming [UNK].
func WriteTokenizerJSON(vocabPath, out string) error {
	f, err := os.Open(vocabPath)
	if err != nil {
		return err
	}
	defer f.Close()
	vocab := make(map[string]int)
	sc := bufio.NewScanner(f)
	for id := 0; sc.Scan(); id++ {
		tok := strings.TrimRight(sc.Text(), "\r")
		if _, dup := vocab[tok]; !dup {
			vocab[tok] = id
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	special := []string{"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"}
	var added []map[string]any
	for _, s := range special {
		id, ok := vocab[s]
		if !ok {
			return fmt.Errorf("vocabulary %s has no %s", vocabPath, s)
		}
		added = append(added, map[string]any{
			"id": id, "content": s, "single_word": false, "lstrip": false,
			"rstrip": false, "normalized": false, "special": true,
		})
	}
	tok := map[string]any{
		"version":      "1.0",
		"truncation":   nil,
		"padding":      nil,
		"added_tokens": added,
		"normalizer": map[string]any{
			"type": "Sequence",
			"normalizers": []any{
				map[string]any{"type": "NFD"},
				map[string]any{"type": "BertNormalizer", "clean_text": true,
					"handle_chinese_chars": true, "strip_accents": true, "lowercase": true},
			},
		},
		"pre_tokenizer": map[string]any{"type": "BertPreTokenizer"},
		"post_processor": map[string]any{
			"type": "BertProcessing",
			"sep":  []any{"[SEP]", vocab["[SEP]"]},
			"cls":  []any{"[CLS]", vocab["[CLS]"]},
		},
		"decoder": map[string]any{"type": "WordPiece", "prefix": "##", "cleanup": true},
		"model": map[string]any{
			"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
			"max_input_chars_per_word": 100, "vocab": vocab,
		},
	}
	b, err := json.Marshal(tok)
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}
