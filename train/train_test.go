package train

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancewatch/stance/model"
)

func vocabPath(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/sugarme/tokenizer").Output()
	if err != nil {
		t.Fatalf("locate sugarme/tokenizer: %v", err)
	}
	return filepath.Join(strings.TrimSpace(string(out)), "pretrained", "model", "bert-base-uncased-vocab.txt")
}

var tiny = []Record{
	{Text: "We call on both sides to agree a ceasefire now.", Context: "", Ceasefire: "favor", Sanctions: "none", Sentiment: "neutral"},
	{Text: "A truce would only let them rearm.", Context: "The commander rejected the proposal.", Ceasefire: "against", Sanctions: "none", Sentiment: "negative"},
	{Text: "The sanctions must be lifted immediately.", Context: "", Ceasefire: "none", Sanctions: "against", Sentiment: "negative"},
	{Text: "We will tighten the embargo and freeze their assets.", Context: "", Ceasefire: "none", Sanctions: "favor", Sentiment: "neutral"},
	{Text: "The harvest this year was excellent.", Context: "", Ceasefire: "none", Sanctions: "none", Sentiment: "positive"},
}

// TestGraphMatchesFeatures trains a small stance model and a small
// sentiment model, exports both, runs the exported graphs in ONNX Runtime
// through model.Set and checks they reproduce the Go models'
// probabilities: the in-graph hashing equals Spec.Features for both input
// layouts, and the Set feeds each model the rows its trainer saw.
func TestGraphMatchesFeatures(t *testing.T) {
	dir := t.TempDir()
	stDir, seDir := filepath.Join(dir, "stance"), filepath.Join(dir, "sentiment")
	for _, d := range []string{stDir, seDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := WriteTokenizerJSON(vocabPath(t), filepath.Join(d, "tokenizer.json")); err != nil {
			t.Fatal(err)
		}
	}
	tk, err := model.LoadTokenizer(filepath.Join(stDir, "tokenizer.json"))
	if err != nil {
		t.Fatal(err)
	}
	stSpec := Spec{Vocab: 30522, Buckets: 1 << 12, Sep: int64(tk.SEP()), Pair: true}
	seSpec := Spec{Vocab: 30522, Buckets: 1 << 12, Sep: int64(tk.SEP())}
	stRow := func(target string, r Record) []int {
		ids, err := tk.Row(target, r.Text, r.Context, true, true, 64)
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	seRow := func(r Record) []int {
		ids, err := tk.Row("", r.Text, "", false, false, 64)
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	var stData, seData []Example
	for i, r := range tiny {
		for ti, target := range Targets {
			stData = append(stData, Example{Feats: stSpec.Features(stRow(target, r), nil), Class: ti % 3})
		}
		seData = append(seData, Example{Feats: seSpec.Features(seRow(r), nil), Class: i % 3})
	}
	st := Fit(stSpec, 3, stData, FitOptions{Epochs: 5, LR: 0.5, Seed: 7})
	se := Fit(seSpec, 3, seData, FitOptions{Epochs: 5, LR: 0.5, Seed: 8})
	if err := writeModel(stDir, st, modelConfig{Name: "t", Task: "stance", Labels: StanceLabels, MaxLength: 64, Targets: Targets, ContextSegment: true}); err != nil {
		t.Fatal(err)
	}
	if err := writeModel(seDir, se, modelConfig{Name: "s", Task: "sentiment", Labels: SentimentLabels, MaxLength: 64}); err != nil {
		t.Fatal(err)
	}
	set, err := model.LoadSet(stDir, seDir, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { set.Close() })
	stmts := make([]model.Statement, len(tiny))
	for i, r := range tiny {
		stmts[i] = model.Statement{Text: r.Text, Context: r.Context}
	}
	got, err := set.Classify(context.Background(), stmts, Targets)
	if err != nil {
		t.Fatal(err)
	}
	near := func(what string, got []float32, want []float64) {
		t.Helper()
		for c := range want {
			if math.Abs(float64(got[c])-want[c]) > 1e-4 {
				t.Errorf("%s: ORT probs %v, Go probs %v", what, got, want)
				return
			}
		}
	}
	for i, r := range tiny {
		for j, target := range Targets {
			near(fmt.Sprintf("%s %q", target, r.Text), reorder(got[i].Stances[j].Scores, StanceLabels), st.Probs(stSpec.Features(stRow(target, r), nil)))
		}
		near(fmt.Sprintf("sentiment %q", r.Text), reorder(got[i].Sentiment, SentimentLabels), se.Probs(seSpec.Features(seRow(r), nil)))
	}
}

func TestFitIsDeterministic(t *testing.T) {
	spec := Spec{Vocab: 100, Buckets: 1 << 10, Sep: 3}
	data := []Example{
		{Feats: spec.Features([]int{1, 5, 6, 7, 3}, nil), Class: 0},
		{Feats: spec.Features([]int{1, 8, 9, 3}, nil), Class: 1},
		{Feats: spec.Features([]int{1, 5, 9, 10, 3}, nil), Class: 2},
	}
	opts := FitOptions{Epochs: 4, LR: 0.3, Dropout: 0.2, Balanced: true, Seed: 42}
	a, b := Fit(spec, 3, data, opts), Fit(spec, 3, data, opts)
	for i := range a.W {
		if a.W[i] != b.W[i] {
			t.Fatalf("W[%d] differs between two runs with one seed: %v vs %v", i, a.W[i], b.W[i])
		}
	}
	opts.Seed = 43
	c := Fit(spec, 3, data, opts)
	same := true
	for i := range a.W {
		same = same && a.W[i] == c.W[i]
	}
	if same {
		t.Error("a different seed gave identical weights; the seed is not used")
	}
}

func TestEvaluate(t *testing.T) {
	gold := []int{0, 0, 1, 2}
	probs := [][]float32{{0.9, 0.05, 0.05}, {0.2, 0.7, 0.1}, {0.1, 0.8, 0.1}, {0.1, 0.1, 0.8}}
	r := Evaluate("h", StanceLabels, gold, probs)
	if r.Accuracy != 0.75 {
		t.Errorf("accuracy = %v, want 0.75", r.Accuracy)
	}
	// favor: P=1 R=.5 F=.667; against: P=.5 R=1 F=.667; none: 1.
	if want := (2.0/3 + 2.0/3 + 1) / 3; math.Abs(r.MacroF1-want) > 1e-9 {
		t.Errorf("macro-F1 = %v, want %v", r.MacroF1, want)
	}
	var buf bytes.Buffer
	r.Print(&buf)
	if !strings.Contains(buf.String(), "macro-F1=0.778") {
		t.Errorf("Print output lacks the macro-F1:\n%s", buf.String())
	}
}

func TestFormErrors(t *testing.T) {
	res := func(cf, sa, se string) model.Result {
		return model.Result{
			Stances:   []model.TargetScores{{Target: "ceasefire", Scores: model.Scores{Label: cf}}, {Target: "sanctions", Scores: model.Scores{Label: sa}}},
			Sentiment: model.Scores{Label: se},
		}
	}
	recs := []Record{
		{Form: "plain", Ceasefire: "favor", Sanctions: "none", Sentiment: "positive"},
		{Form: "plain", Ceasefire: "none", Sanctions: "none", Sentiment: "neutral"},
		{Form: "sarcasm", Ceasefire: "against", Sanctions: "none", Sentiment: "negative"},
	}
	results := []model.Result{
		res("favor", "none", "positive"),
		res("none", "favor", "neutral"),  // sanctions wrong
		res("favor", "none", "positive"), // ceasefire and sentiment wrong
	}
	var buf bytes.Buffer
	FormErrors(&buf, recs, results)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	want := []string{"| sarcasm | 1 | 100% | 0% | 100% |", "| plain | 2 | 0% | 50% | 0% |"}
	if len(lines) != 4 || lines[2] != want[0] || lines[3] != want[1] {
		t.Errorf("FormErrors =\n%s\nwant rows\n%s", buf.String(), strings.Join(want, "\n"))
	}
}

func TestReadCorpusRejectsBadLabels(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(p, []byte(`{"text":"x","ceasefire":"maybe","sanctions":"none","sentiment":"neutral"}`+"\n"), 0o644)
	if _, err := ReadCorpus(p); err == nil || !strings.Contains(err.Error(), "bad.jsonl:1") {
		t.Errorf("ReadCorpus(bad label) error = %v, want one naming bad.jsonl:1", err)
	}
}
