package quote

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldQuote is one annotated quote, located in its article.
type goldQuote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Group   int    `json:"group"`
	Case    string `json:"case"`
	begin   int
}

// readGold reads a gold file and locates its quotes in text, each searched
// from the end of the previous match.
func readGold(t *testing.T, path, text string) []goldQuote {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Quotes []goldQuote `json:"quotes"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	pos := 0
	for i := range g.Quotes {
		k := strings.Index(text[pos:], g.Quotes[i].Text)
		if k < 0 || g.Quotes[i].Text == "" {
			t.Fatalf("%s: gold quote %d %q not in the article after byte %d", path, i+1, g.Quotes[i].Text, pos)
		}
		g.Quotes[i].begin = pos + k
		pos = g.Quotes[i].begin + len(g.Quotes[i].Text)
	}
	return g.Quotes
}

// seedsDir is shared/seeds beside the repository, as the evaluator reads it.
const seedsDir = "../../shared/seeds"

// TestSeeds checks that every gold quote of the real seed articles is
// extracted with exactly its offsets.
func TestSeeds(t *testing.T) {
	golds, _ := filepath.Glob("testdata/seeds/*.gold.json")
	if len(golds) == 0 {
		t.Skip("no gold files in testdata/seeds")
	}
	if _, err := os.Stat(seedsDir); err != nil {
		t.Skipf("seed articles not found at %s (the shared/ directory beside the repository); skipping", seedsDir)
	}
	for _, g := range golds {
		name := strings.TrimSuffix(filepath.Base(g), ".gold.json")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(seedsDir, name+".txt"))
			if err != nil {
				t.Skipf("seed article %s.txt missing: %v", name, err)
			}
			text := string(b)
			got := Extract(text)
			checkWellFormed(t, text, got)
			byBegin := map[int]Quote{}
			for _, q := range got {
				byBegin[q.Begin] = q
			}
			for _, gq := range readGold(t, g, text) {
				q, ok := byBegin[gq.begin]
				if !ok || q.End != gq.begin+len(gq.Text) {
					t.Errorf("gold quote [%d:%d] %q (%s) not extracted with these offsets", gq.begin, gq.begin+len(gq.Text), gq.Text, gq.Case)
					continue
				}
				if text[q.Begin:q.End] != gq.Text || q.Text != gq.Text {
					t.Errorf("quote at %d: Text %q, want %q", q.Begin, q.Text, gq.Text)
				}
			}
		})
	}
}

// Quality floors over the annotated articles. The real test is unseen
// articles; these guard against regressions.
const (
	minSpanF1          = 0.95
	minSpeakerAccuracy = 0.90
)

// TestArticlesQuality scores Extract on testdata/articles: exact-span F1
// and speaker accuracy over the gold quotes, overall.
func TestArticlesQuality(t *testing.T) {
	golds, _ := filepath.Glob("testdata/articles/*.gold.json")
	if len(golds) == 0 {
		t.Skip("no annotated articles in testdata/articles")
	}
	var pred, gold, exact, speakerOK int
	for _, g := range golds {
		b, err := os.ReadFile(strings.TrimSuffix(g, ".gold.json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		got := Extract(text)
		checkWellFormed(t, text, got)
		gq := readGold(t, g, text)
		pred += len(got)
		gold += len(gq)
		for _, w := range gq {
			end := w.begin + len(w.Text)
			spk := false
			for _, q := range got {
				if q.Begin == w.begin && q.End == end {
					exact++
				}
				if q.Begin < end && w.begin < q.End && sameSpeaker(q.Speaker, w.Speaker) {
					spk = true
				}
			}
			if spk {
				speakerOK++
			} else {
				t.Logf("%s: %q: speaker not %q", filepath.Base(g), w.Text, w.Speaker)
			}
		}
	}
	p, r := float64(exact)/float64(max(pred, 1)), float64(exact)/float64(max(gold, 1))
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	acc := float64(speakerOK) / float64(max(gold, 1))
	t.Logf("%d articles, %d gold quotes, %d extracted: exact P %.3f R %.3f F1 %.3f, speaker accuracy %.3f", len(golds), gold, pred, p, r, f1, acc)
	if f1 < minSpanF1 {
		t.Errorf("exact-span F1 = %.3f, want >= %.2f", f1, minSpanF1)
	}
	if acc < minSpeakerAccuracy {
		t.Errorf("speaker accuracy = %.3f, want >= %.2f", acc, minSpeakerAccuracy)
	}
}

// sameSpeaker compares speakers as the evaluation does: case-insensitive,
// with ’ and ' the same.
func sameSpeaker(a, b string) bool {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "’", "'")) }
	return norm(a) == norm(b)
}
