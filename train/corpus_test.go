package train

import (
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
