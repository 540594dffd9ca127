package train

import (
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/stancewatch/stance/model"
)

// TestCommittedModelsKeepDevNumbers re-measures the committed default
// models on the dev set and compares with models/dev_metrics.json, written
// by the trainer when the models were made. A model or tokenizer change that
// degrades them fails here instead of shipping silently.
func TestCommittedModelsKeepDevNumbers(t *testing.T) {
	b, err := os.ReadFile("../models/dev_metrics.json")
	if err != nil {
		t.Fatal(err)
	}
	var want []Report
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	set, err := model.LoadSet("../models/stance", "../models/sentiment", model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { set.Close() })
	dev, err := ReadCorpus("../data/dev/*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	got, err := EvaluateSet(t.Context(), set, dev)
	if err != nil {
		t.Fatal(err)
	}
	const tol = 0.005
	for i, w := range want {
		g := got[i]
		if g.N != w.N {
			t.Errorf("%s: dev set has %d statements, metrics were recorded on %d (retrain with make model)", w.Head, g.N, w.N)
			continue
		}
		if g.MacroF1 < w.MacroF1-tol || g.Accuracy < w.Accuracy-tol {
			t.Errorf("%s: macro-F1 %.4f accuracy %.4f, committed %.4f / %.4f", w.Head, g.MacroF1, g.Accuracy, w.MacroF1, w.Accuracy)
		}
		if math.Abs(g.ECE-w.ECE) > 0.02 {
			t.Errorf("%s: ECE %.4f, committed %.4f", w.Head, g.ECE, w.ECE)
		}
	}
}
