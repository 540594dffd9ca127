package train

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// heldOut names the conflicts of the dev set. The dev score only predicts
// performance on unseen news if training never mentions them.
var heldOut = []string{"sudan", "darfur", "el fasher", "khartoum", "congo", "kinshasa", "goma", "rwanda", "kigali", "m23",
	"myanmar", "burma", "rakhine", "naypyidaw", "armenia", "azerbaijan", "karabakh", "yerevan", "baku",
	"venezuela", "maduro", "caracas", "libya", "tripoli", "benghazi", "haftar", "juba", "somalia", "mogadishu", "shabaab"}

func TestTrainingHoldsOutDevConflicts(t *testing.T) {
	recs, err := ReadCorpus("../data/train/*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		text := strings.ToLower(r.Text + " " + r.Context)
		for _, w := range heldOut {
			if containsWord(text, w) {
				t.Errorf("training statement mentions held-out %q: %q", w, r.Text)
			}
		}
	}
}

func TestCorpusSize(t *testing.T) {
	train, err := ReadCorpus("../data/train/*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	dev, err := ReadCorpus("../data/dev/*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(train) < 6000 || len(dev) < 800 {
		t.Errorf("corpus has %d training and %d dev statements, want at least 6000 and 800", len(train), len(dev))
	}
	seen := map[string]bool{}
	for _, r := range train {
		seen[r.Text] = true
	}
	for _, r := range dev {
		if seen[r.Text] {
			t.Errorf("dev statement also in training: %q", r.Text)
		}
	}
}

// containsWord reports whether w occurs in s between non-letters.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		if (start == 0 || !isLetter(s[start-1])) && (end == len(s) || !isLetter(s[end])) {
			return true
		}
		i = start + 1
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 0x80 }

// TestAgreementMatchesCorpus checks that the annotation record in
// data/agreement holds one entry per training and dev statement, and that
// each entry's adjudicated label is the corpus's label: a sentiment label
// edited in the corpus alone would make the recorded agreement a lie.
func TestAgreementMatchesCorpus(t *testing.T) {
	type entry struct {
		File                 string
		Record               int
		First, Second, Final string
	}
	read := func(path string) []entry {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var out []entry
		for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			var e entry
			if err := json.Unmarshal([]byte(line), &e); err != nil {
				t.Fatalf("%s:%d: %v", path, i+1, err)
			}
			for _, l := range []string{e.First, e.Second, e.Final} {
				if !slices.Contains(SentimentLabels, l) {
					t.Fatalf("%s:%d: label %q", path, i+1, l)
				}
			}
			if e.Final != e.First && e.Final != e.Second {
				t.Errorf("%s:%d: final label %q is neither pass's", path, i+1, e.Final)
			}
			out = append(out, e)
		}
		return out
	}

	files, err := filepath.Glob("../data/train/*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string][]Record{}
	for _, f := range files {
		if byFile[filepath.Base(f)], err = readJSONL(f); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	for _, e := range read("../data/agreement/train_sentiment.jsonl") {
		recs := byFile[e.File]
		if e.Record < 0 || e.Record >= len(recs) {
			t.Fatalf("train %s record %d: no such statement", e.File, e.Record)
		}
		if got := recs[e.Record].Sentiment; got != e.Final {
			t.Errorf("train %s record %d: corpus says %s, agreement record says %s", e.File, e.Record, got, e.Final)
		}
		n++
	}
	total := 0
	for _, recs := range byFile {
		total += len(recs)
	}
	if n != total {
		t.Errorf("agreement record covers %d training statements, the corpus has %d", n, total)
	}

	dev, err := ReadCorpus("../data/dev/*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	devAgree := read("../data/agreement/dev_sentiment.jsonl")
	if len(devAgree) != len(dev) {
		t.Fatalf("agreement record covers %d dev statements, the dev set has %d", len(devAgree), len(dev))
	}
	for _, e := range devAgree {
		if got := dev[e.Record].Sentiment; got != e.Final {
			t.Errorf("dev record %d: corpus says %s, agreement record says %s", e.Record, got, e.Final)
		}
	}
}
