package train

import (
	"encoding/json"
	"fmt"
	"maps"
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
// data/agreement holds exactly one entry per training statement, dev
// statement and seed quote, and that each entry's adjudicated label is the
// corpus's label: a sentiment label edited in the corpus alone would make
// the recorded agreement a lie.
func TestAgreementMatchesCorpus(t *testing.T) {
	type entry struct {
		File                 string // training file; empty for dev and seed quotes
		Record               int    // index among the file's statements
		First, Second, Final string
	}
	// sentiments maps "file#record" to the corpus label; check compares the
	// record at path against it.
	check := func(path string, sentiments map[string]string) {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
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
			key := fmt.Sprintf("%s#%d", e.File, e.Record)
			got, ok := sentiments[key]
			switch {
			case seen[key]:
				t.Errorf("%s:%d: a second entry for %q record %d", path, i+1, e.File, e.Record)
			case !ok:
				t.Errorf("%s:%d: no statement %q record %d in the corpus", path, i+1, e.File, e.Record)
			case got != e.Final:
				t.Errorf("%s:%d: corpus says %s, the record says %s", path, i+1, got, e.Final)
			}
			seen[key] = true
		}
		if len(seen) != len(sentiments) {
			t.Errorf("%s: entries for %d of %d statements", path, len(seen), len(sentiments))
		}
	}
	index := func(file string, labels []string) map[string]string {
		m := map[string]string{}
		for i, l := range labels {
			m[fmt.Sprintf("%s#%d", file, i)] = l
		}
		return m
	}
	sentimentsOf := func(recs []Record) []string {
		var out []string
		for _, r := range recs {
			out = append(out, r.Sentiment)
		}
		return out
	}

	files, err := filepath.Glob("../data/train/*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	train := map[string]string{}
	for _, f := range files {
		recs, err := readJSONL(f)
		if err != nil {
			t.Fatal(err)
		}
		maps.Copy(train, index(filepath.Base(f), sentimentsOf(recs)))
	}
	check("../data/agreement/train_sentiment.jsonl", train)

	dev, err := ReadCorpus("../data/dev/*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	check("../data/agreement/dev_sentiment.jsonl", index("", sentimentsOf(dev)))

	// Seed-quote labels point into the articles rather than carry text, so
	// they are not Records; only their sentiment matters here.
	b, err := os.ReadFile("../data/eval/seed_quotes.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var seeds []string
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var l struct{ Sentiment string }
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, l.Sentiment)
	}
	check("../data/agreement/seed_quotes_sentiment.jsonl", index("", seeds))
}
