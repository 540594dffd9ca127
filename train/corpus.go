package train

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Label sets, in the order of the models' outputs.
var (
	StanceLabels    = []string{"favor", "against", "none"}
	SentimentLabels = []string{"negative", "neutral", "positive"}
	Targets         = []string{"ceasefire", "sanctions"}
)

// Record is one labelled statement of the corpus (data/README.md).
type Record struct {
	Text      string `json:"text"`
	Context   string `json:"context"`
	Ceasefire string `json:"ceasefire"`
	Sanctions string `json:"sanctions"`
	Sentiment string `json:"sentiment"`
	Conflict  string `json:"conflict,omitempty"`
	Speaker   string `json:"speaker,omitempty"`
	Form      string `json:"form,omitempty"`
}

// Stance returns the record's label for target.
func (r Record) Stance(target string) string {
	if target == "sanctions" {
		return r.Sanctions
	}
	return r.Ceasefire
}

// ReadCorpus reads every *.jsonl file matched by the glob, in sorted
// order, and checks each record's labels.
func ReadCorpus(glob string) ([]Record, error) {
	files, err := filepath.Glob(glob)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no corpus files match %s", glob)
	}
	sort.Strings(files)
	var out []Record
	for _, f := range files {
		recs, err := readJSONL(f)
		if err != nil {
			return nil, err
		}
		out = append(out, recs...)
	}
	return out, nil
}

func readJSONL(path string) ([]Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if r.Text == "" || !slices.Contains(StanceLabels, r.Ceasefire) ||
			!slices.Contains(StanceLabels, r.Sanctions) || !slices.Contains(SentimentLabels, r.Sentiment) {
			return nil, fmt.Errorf("%s:%d: empty text or a label outside %v / %v", path, line, StanceLabels, SentimentLabels)
		}
		out = append(out, r)
	}
	return out, sc.Err()
}

// PrintBalance writes a Markdown table of label counts per head.
func PrintBalance(w io.Writer, name string, recs []Record) {
	count := func(get func(Record) string, labels []string) string {
		n := map[string]int{}
		for _, r := range recs {
			n[get(r)]++
		}
		var parts []string
		for _, l := range labels {
			parts = append(parts, fmt.Sprintf("%s %d (%.0f%%)", l, n[l], 100*float64(n[l])/float64(max(1, len(recs)))))
		}
		return strings.Join(parts, ", ")
	}
	fmt.Fprintf(w, "| %s (%d) | ceasefire | %s |\n", name, len(recs), count(func(r Record) string { return r.Ceasefire }, StanceLabels))
	fmt.Fprintf(w, "| | sanctions | %s |\n", count(func(r Record) string { return r.Sanctions }, StanceLabels))
	fmt.Fprintf(w, "| | sentiment | %s |\n", count(func(r Record) string { return r.Sentiment }, SentimentLabels))
}
