// Command stance-train trains the default stance and sentiment models from
// the labelled corpus in data/ and writes them as Hugging Face style model
// directories (model.onnx, tokenizer.json, config.json, README.md).
//
//	stance-train -vocab VOCAB.txt [-train 'data/train/*.jsonl'] [-dev 'data/dev/*.jsonl'] [-out models]
//
// Training is deterministic given -seed.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/stancewatch/stance/train"
)

var (
	trainGlob = flag.String("train", "data/train/*.jsonl", "training corpus files (glob)")
	devGlob   = flag.String("dev", "data/dev/*.jsonl", "dev corpus files (glob), held out from training")
	vocab     = flag.String("vocab", "", "WordPiece vocabulary; default: bert-base-uncased-vocab.txt shipped in the sugarme/tokenizer module")
	out       = flag.String("out", "models", "output directory; the models go to OUT/stance and OUT/sentiment")
	seed      = flag.Uint64("seed", 1, "random seed for shuffling and dropout")
	version   = flag.String("version", "", "model version written to config.json (default: digest of the training corpus and the seed)")
	ortLib    = flag.String("ort_lib", "", "ONNX Runtime shared library (default: $ONNXRUNTIME_LIB or third_party/onnxruntime/libonnxruntime.so.1)")
	epochs    = flag.Int("epochs", 25, "training epochs")
	lr        = flag.Float64("lr", 0.5, "AdaGrad learning rate")
	dropout   = flag.Float64("dropout", 0.1, "feature dropout")
	l2        = flag.Float64("l2", 1e-5, "weight decay")
	nolex     = flag.Bool("nolex", false, "train without the lexicon class features")
	stats     = flag.Bool("stats", false, "print the corpus's class balance as Markdown and exit")
	cv        = flag.Bool("cv", false, "leave-one-file-out cross-validation over the training files; writes no model")
)

func main() {
	flag.Parse()
	log.SetFlags(0)
	if err := run(context.Background()); err != nil {
		log.Fatalf("stance-train: %v", err)
	}
}

func run(ctx context.Context) error {
	start := time.Now()
	if *vocab == "" {
		dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/sugarme/tokenizer").Output()
		if err != nil {
			return fmt.Errorf("locate the sugarme/tokenizer module for its vocabulary (pass -vocab): %w", err)
		}
		*vocab = filepath.Join(strings.TrimSpace(string(dir)), "pretrained", "model", "bert-base-uncased-vocab.txt")
	}
	fit := train.FitOptions{Epochs: *epochs, LR: *lr, L2: *l2, Dropout: *dropout, Balanced: true}
	cfg := train.Config{
		TrainGlob: *trainGlob, DevGlob: *devGlob, VocabPath: *vocab,
		StanceDir: filepath.Join(*out, "stance"), SentDir: filepath.Join(*out, "sentiment"),
		Version: *version, Seed: *seed, MaxLength: 256,
		StanceBuckets: 1 << 20, SentimentBuckets: 1 << 20,
		Stance: fit, Sentiment: fit, LibraryPath: *ortLib, Log: os.Stderr, NoLexicon: *nolex,
	}
	if *stats {
		for _, split := range []struct{ name, glob string }{{"train", *trainGlob}, {"dev", *devGlob}} {
			recs, err := train.ReadCorpus(split.glob)
			if err != nil {
				return err
			}
			train.PrintBalance(os.Stdout, split.name, recs)
		}
		return nil
	}
	if *cv {
		tok := filepath.Join(os.TempDir(), "stance-train-tokenizer.json")
		if err := train.WriteTokenizerJSON(*vocab, tok); err != nil {
			return err
		}
		return train.CrossValidate(cfg, tok, os.Stdout)
	}
	if cfg.Version == "" {
		digest, err := corpusDigest(*trainGlob)
		if err != nil {
			return err
		}
		cfg.Version = fmt.Sprintf("corpus-%s-seed%d", digest, *seed)
	}
	reports, err := train.Run(ctx, cfg)
	if err != nil {
		return err
	}
	fmt.Println("dev set (held-out conflicts), measured through ONNX Runtime on the exported models:")
	for _, r := range reports {
		r.Print(os.Stdout)
	}
	b, err := json.MarshalIndent(reports, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(*out, "dev_metrics.json"), append(b, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Printf("trained in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}

// corpusDigest identifies the training corpus: the first 8 hex digits of
// the SHA-256 of its files in sorted order.
func corpusDigest(glob string) (string, error) {
	files, err := filepath.Glob(glob)
	if err != nil {
		return "", err
	}
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:8], nil
}
