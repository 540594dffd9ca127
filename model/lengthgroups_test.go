package model

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestLengthGroups(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 2, 7, 64, 300} {
		rows := make([][]int, n)
		for i := range rows {
			rows[i] = make([]int, 3+r.IntN(120))
		}
		groups := lengthGroups(rows)
		var seen []int
		last := 0
		for _, g := range groups {
			if len(g) == 0 && n > 0 {
				t.Fatalf("lengthGroups(%d rows) has an empty group", n)
			}
			for _, i := range g {
				if len(rows[i]) < last {
					t.Fatalf("lengthGroups(%d rows): groups not in length order", n)
				}
				last = len(rows[i])
			}
			seen = append(seen, g...)
		}
		slices.Sort(seen)
		for i, v := range seen {
			if v != i {
				t.Fatalf("lengthGroups(%d rows) covers rows %v, want each once", n, seen)
			}
		}
	}
}

// TestGroupedRunsMatchSingleRows checks that classifying statements of
// very different lengths together (sorted, split into runs, padded) gives
// each the probabilities it gets alone.
func TestGroupedRunsMatchSingleRows(t *testing.T) {
	s, err := LoadSet("../models/stance", "../models/sentiment", Options{})
	if err != nil {
		t.Skipf("models: %v", err)
	}
	defer s.Close()
	var stmts []Statement
	for i := range 40 {
		words := strings.Fields(strings.Repeat("the ceasefire must hold and sanctions must stay ", 1+i%9))
		stmts = append(stmts, Statement{Text: strings.Join(words[:1+(i*7)%len(words)], " "), Context: strings.Join(words[:(i*3)%len(words)], " ")})
	}
	together, err := s.Classify(t.Context(), stmts, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, st := range stmts {
		alone, err := s.Classify(t.Context(), []Statement{st}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for j := range alone[0].Stances {
			if !approxEqual(alone[0].Stances[j].Probs, together[i].Stances[j].Probs) {
				t.Errorf("statement %d stance %d: together %v, alone %v", i, j, together[i].Stances[j].Probs, alone[0].Stances[j].Probs)
			}
		}
		if !approxEqual(alone[0].Sentiment.Probs, together[i].Sentiment.Probs) {
			t.Errorf("statement %d sentiment: together %v, alone %v", i, together[i].Sentiment.Probs, alone[0].Sentiment.Probs)
		}
	}
}

func approxEqual(a, b []float32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(float64(a[i]-b[i])) > 1e-5 {
			return false
		}
	}
	return true
}
