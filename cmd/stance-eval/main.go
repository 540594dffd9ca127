// Command stance-eval prints classification metrics of a pair of models:
// accuracy, macro-F1, per-class precision and recall, the confusion matrix
// and expected calibration error for each head (ceasefire, sanctions,
// sentiment), on the held-out dev set and on the quotes of the seed
// articles.
//
//	stance-eval [-stance_model DIR] [-sentiment_model DIR] [-dev GLOB] [-seeds DIR]
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/stancewatch/stance/model"
	"github.com/stancewatch/stance/quote"
	"github.com/stancewatch/stance/train"
)

var (
	stanceDir = flag.String("stance_model", "models/stance", "stance model directory")
	sentDir   = flag.String("sentiment_model", "models/sentiment", "sentiment model directory")
	devGlob   = flag.String("dev", "data/dev/*.jsonl", "dev corpus files (glob)")
	seedsDir  = flag.String("seeds", "../shared/seeds", "directory of the seed articles")
	seedGold  = flag.String("seed_gold", "quote/testdata/seeds", "gold quote spans of the seed articles")
	seedLabel = flag.String("seed_labels", "data/eval/seed_quotes.jsonl", "labels of the seed quotes")
	errorsOut = flag.String("errors", "", "write every wrong label, dev and seed quotes, to this file as JSON Lines (for error analysis)")
	ortLib    = flag.String("ort_lib", "", "ONNX Runtime shared library (default: $ONNXRUNTIME_LIB or third_party/onnxruntime/libonnxruntime.so.1)")
)

func main() {
	flag.Parse()
	log.SetFlags(0)
	if err := run(context.Background()); err != nil {
		log.Fatalf("stance-eval: %v", err)
	}
}

func run(ctx context.Context) error {
	set, err := model.LoadSet(*stanceDir, *sentDir, model.Options{LibraryPath: *ortLib})
	if err != nil {
		return err
	}
	defer set.Close()
	dev, err := train.ReadCorpus(*devGlob)
	if err != nil {
		return err
	}
	results, err := train.PredictSet(ctx, set, dev)
	if err != nil {
		return err
	}
	fmt.Printf("== dev set: %d statements from conflicts held out of training (%s)\n", len(dev), *devGlob)
	for _, r := range train.Score(dev, results) {
		r.Print(os.Stdout)
	}
	fmt.Printf("\n== dev errors by statement form, worst first\n")
	train.FormErrors(os.Stdout, dev, results)
	seeds, err := seedRecords()
	switch {
	case errors.Is(err, os.ErrNotExist):
		fmt.Printf("\n== seed quotes: skipped (%v)\n", err)
		return nil
	case err != nil:
		return err
	}
	seedResults, err := train.PredictSet(ctx, set, seeds)
	if err != nil {
		return err
	}
	fmt.Printf("\n== seed quotes: %d quotes of the five seed articles (%s)\n", len(seeds), *seedLabel)
	for _, r := range train.Score(seeds, seedResults) {
		r.Print(os.Stdout)
	}
	if *errorsOut == "" {
		return nil
	}
	return writeErrors(*errorsOut, func(enc *json.Encoder) error {
		if err := encodeErrors(enc, "dev", dev, results); err != nil {
			return err
		}
		return encodeErrors(enc, "seeds", seeds, seedResults)
	})
}

// writeErrors creates path and lets write fill it through a JSON encoder.
func writeErrors(path string, write func(*json.Encoder) error) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, f.Close()) }()
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	return write(enc)
}

// encodeErrors writes one JSON line per wrong label of recs: the split, the
// head, the gold and predicted labels, the confidence and the statement.
func encodeErrors(enc *json.Encoder, split string, recs []train.Record, results []model.Result) error {
	for i, r := range recs {
		for _, h := range train.HeadLabels(r, results[i]) {
			if h.Got.Label == h.Gold {
				continue
			}
			if err := enc.Encode(map[string]any{
				"split": split, "head": h.Head, "gold": h.Gold, "predicted": h.Got.Label,
				"confidence": h.Got.Confidence, "form": r.Form, "text": r.Text, "context": r.Context,
			}); err != nil {
				return err
			}
		}
	}
	return nil
}

type seedLabelLine struct {
	Seed                            string
	Index                           int
	Ceasefire, Sanctions, Sentiment string
}

type goldFile struct {
	Quotes []struct {
		Text  string `json:"text"`
		Begin *int   `json:"begin"`
		End   *int   `json:"end"`
	} `json:"quotes"`
}

// seedRecords turns the labelled seed quotes into corpus records: the quote
// text comes from the article at the gold span, the context from the
// extractor's sentence around it, as the service would see it.
func seedRecords() ([]train.Record, error) {
	b, err := os.ReadFile(*seedLabel)
	if err != nil {
		return nil, err
	}
	var out []train.Record
	texts := map[string]string{}
	spans := map[string][][2]int{}
	for n, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var l seedLabelLine
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", *seedLabel, n+1, err)
		}
		if _, ok := texts[l.Seed]; !ok {
			art, err := os.ReadFile(filepath.Join(*seedsDir, l.Seed+".txt"))
			if err != nil {
				return nil, err
			}
			texts[l.Seed] = string(art)
			if spans[l.Seed], err = goldSpans(filepath.Join(*seedGold, l.Seed+".gold.json"), string(art)); err != nil {
				return nil, err
			}
		}
		text, sp := texts[l.Seed], spans[l.Seed]
		if l.Index < 0 || l.Index >= len(sp) {
			return nil, fmt.Errorf("%s:%d: index %d outside the %d gold quotes of %s", *seedLabel, n+1, l.Index, len(sp), l.Seed)
		}
		begin, end := sp[l.Index][0], sp[l.Index][1]
		out = append(out, train.Record{
			Text: text[begin:end], Context: contextOf(text, begin, end),
			Ceasefire: l.Ceasefire, Sanctions: l.Sanctions, Sentiment: l.Sentiment,
		})
	}
	return out, nil
}

// goldSpans reads a gold file's quote spans: begin/end byte offsets when
// given, else each text searched for after the previous match.
func goldSpans(path, article string) ([][2]int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g goldFile
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var spans [][2]int
	pos := 0
	for i, q := range g.Quotes {
		if q.Begin != nil && q.End != nil {
			spans = append(spans, [2]int{*q.Begin, *q.End})
			pos = *q.End
			continue
		}
		j := strings.Index(article[pos:], q.Text)
		if j < 0 {
			return nil, fmt.Errorf("%s: quote %d not found in the article after byte %d", path, i, pos)
		}
		spans = append(spans, [2]int{pos + j, pos + j + len(q.Text)})
		pos += j + len(q.Text)
	}
	return spans, nil
}

// contextOf returns the extractor's context for the quote overlapping
// [begin, end), or the paragraph around it when the extractor missed it.
func contextOf(article string, begin, end int) string {
	for _, q := range quote.Extract(article) {
		if q.Begin < end && begin < q.End {
			return q.Context
		}
	}
	start := strings.LastIndex(article[:begin], "\n") + 1
	stop := strings.Index(article[end:], "\n")
	if stop < 0 {
		return article[start:]
	}
	return article[start : end+stop]
}
