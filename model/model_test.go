package model_test

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stancewatch/stance/model"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.json from the current models")

const (
	stanceDir    = "../models/stance"
	sentimentDir = "../models/sentiment"
)

func loadSet(t testing.TB) *model.Set {
	t.Helper()
	s, err := model.LoadSet(stanceDir, sentimentDir, model.Options{})
	if err != nil {
		t.Fatalf("LoadSet: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// goldenStatements are short statements whose labels the default models
// must keep; their full distributions are pinned in testdata/golden.json.
var goldenStatements = []model.Statement{
	{Text: "We are ready to put boots on the ground to secure a ceasefire.", Context: "The defence secretary said the UK would help enforce any truce."},
	{Text: "We will step up economic sanctions and pressure on the Kremlin.", Context: ""},
	{Text: "The sanctions have failed and must be lifted at once.", Context: "The minister spoke in Moscow."},
	{Text: "There will be no truce until the enemy is destroyed.", Context: ""},
	{Text: "The weather in the capital was mild on Tuesday.", Context: ""},
}

type golden struct {
	Text      string               `json:"text"`
	Stances   map[string]string    `json:"stances"`
	Sentiment string               `json:"sentiment"`
	Probs     map[string][]float32 `json:"probs"`
}

func TestGolden(t *testing.T) {
	s := loadSet(t)
	res, err := s.Classify(t.Context(), goldenStatements, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []golden
	for i, r := range res {
		g := golden{Text: goldenStatements[i].Text, Stances: map[string]string{}, Sentiment: r.Sentiment.Label, Probs: map[string][]float32{}}
		for _, st := range r.Stances {
			g.Stances[st.Target] = st.Label
			g.Probs[st.Target] = st.Probs
		}
		g.Probs["sentiment"] = r.Sentiment.Probs
		got = append(got, g)
	}
	path := filepath.Join("testdata", "golden.json")
	if *update {
		b, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./model -update after retraining)", err)
	}
	var want []golden
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if len(want) != len(got) {
		t.Fatalf("golden has %d statements, classified %d", len(want), len(got))
	}
	for i := range want {
		if got[i].Sentiment != want[i].Sentiment {
			t.Errorf("Classify(%q) sentiment = %s, want %s", want[i].Text, got[i].Sentiment, want[i].Sentiment)
		}
		for target, w := range want[i].Stances {
			if got[i].Stances[target] != w {
				t.Errorf("Classify(%q) %s = %s, want %s", want[i].Text, target, got[i].Stances[target], w)
			}
		}
		for head, wp := range want[i].Probs {
			for c := range wp {
				if math.Abs(float64(got[i].Probs[head][c]-wp[c])) > 1e-4 {
					t.Errorf("Classify(%q) %s probs = %v, want %v", want[i].Text, head, got[i].Probs[head], wp)
					break
				}
			}
		}
	}
}

func TestClassifyShapes(t *testing.T) {
	s := loadSet(t)
	if got := s.Targets(); strings.Join(got, ",") != "ceasefire,sanctions" {
		t.Errorf("Targets() = %v, want [ceasefire sanctions]", got)
	}
	res, err := s.Classify(t.Context(), []model.Statement{{Text: "Élysée: « Nous voulons la paix »  🕊️ [SEP] [CLS]"}, {Text: strings.Repeat("truce ", 2000)}}, []string{"sanctions"})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if len(r.Stances) != 1 || r.Stances[0].Target != "sanctions" {
			t.Fatalf("result %d stances = %+v, want one for sanctions", i, r.Stances)
		}
		for _, sc := range []model.Scores{r.Stances[0].Scores, r.Sentiment} {
			var sum float32
			for _, p := range sc.Probs {
				sum += p
			}
			if len(sc.Probs) != 3 || math.Abs(float64(sum-1)) > 1e-5 {
				t.Errorf("result %d probs %v: want 3 summing to 1", i, sc.Probs)
			}
		}
	}
	if _, err := s.Classify(t.Context(), []model.Statement{{Text: "x"}}, []string{"tariffs"}); !errors.Is(err, model.ErrUnknownTarget) {
		t.Errorf("Classify(target tariffs) error = %v, want ErrUnknownTarget", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := s.Classify(ctx, []model.Statement{{Text: "x"}}, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Classify(canceled ctx) error = %v, want context.Canceled", err)
	}
}

// TestBatchEqualsSingle checks that padding inside a batch does not change
// any statement's scores.
func TestBatchEqualsSingle(t *testing.T) {
	s := loadSet(t)
	batch, err := s.Classify(t.Context(), goldenStatements, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, st := range goldenStatements {
		one, err := s.Classify(t.Context(), []model.Statement{st}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for j := range one[0].Stances {
			for c, p := range one[0].Stances[j].Probs {
				if math.Abs(float64(p-batch[i].Stances[j].Probs[c])) > 1e-5 {
					t.Errorf("statement %d target %s: alone %v, in batch %v", i, one[0].Stances[j].Target, one[0].Stances[j].Probs, batch[i].Stances[j].Probs)
				}
			}
		}
	}
}

func TestConcurrentClassify(t *testing.T) {
	s := loadSet(t)
	want, err := s.Classify(t.Context(), goldenStatements, nil)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				got, err := s.Classify(t.Context(), goldenStatements, nil)
				if err != nil {
					t.Error(err)
					return
				}
				for i := range got {
					if got[i].Stances[0].Label != want[i].Stances[0].Label {
						t.Errorf("concurrent Classify changed a label")
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

// TestLoadReportsEveryProblem breaks a model directory in several ways at
// once and expects Load to name each problem.
func TestLoadReportsEveryProblem(t *testing.T) {
	dir := t.TempDir()
	onnx, err := os.ReadFile(filepath.Join(stanceDir, "model.onnx"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "model.onnx"), onnx, 0o644)
	os.WriteFile(filepath.Join(dir, "config.json"), []byte(`{"id2label":{"0":"favor","1":"against"}}`), 0o644)
	_, err = model.Load(dir, model.Options{})
	if err == nil {
		t.Fatal("Load(broken dir) succeeded")
	}
	for _, want := range []string{"tokenizer.json", "logits width 3 but config.json id2label has 2 labels"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Load error %q does not mention %q", err, want)
		}
	}
	if _, err := model.Load(t.TempDir(), model.Options{}); err == nil || !strings.Contains(err.Error(), "model.onnx") {
		t.Errorf("Load(empty dir) error = %v, want one naming model.onnx", err)
	}
}

// BenchmarkClassify measures whole batches of dev statements, each with
// the reporter's sentence around it as context, as a batch job sends them:
// about three times the tokens of the short golden statements.
func BenchmarkClassify(b *testing.B) {
	s := loadSet(b)
	dev := devStatements(b)
	for _, n := range []int{1, 8, 32, 128} {
		b.Run(fmt.Sprintf("batch=%d", n), func(b *testing.B) {
			off := 0
			for b.Loop() {
				stmts := make([]model.Statement, n)
				for i := range stmts {
					stmts[i] = dev[(off+i)%len(dev)]
				}
				off += n
				if _, err := s.Classify(context.Background(), stmts, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "statements/s")
		})
	}
}

// devStatements reads the statements and contexts of the dev set.
func devStatements(tb testing.TB) []model.Statement {
	tb.Helper()
	b, err := os.ReadFile("../data/dev/dev.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	var out []model.Statement
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var st model.Statement
		if err := json.Unmarshal([]byte(line), &st); err != nil {
			tb.Fatal(err)
		}
		out = append(out, st)
	}
	return out
}
