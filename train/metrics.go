package train

import (
	"fmt"
	"io"
	"math"
	"strings"
)

// Report holds the classification metrics of one head.
type Report struct {
	Head      string    `json:"head"`
	Labels    []string  `json:"labels"`
	N         int       `json:"n"`
	Accuracy  float64   `json:"accuracy"`
	MacroF1   float64   `json:"macro_f1"`
	Precision []float64 `json:"precision"`
	Recall    []float64 `json:"recall"`
	F1        []float64 `json:"f1"`
	Confusion [][]int   `json:"confusion"` // [gold][predicted]
	ECE       float64   `json:"ece"`
}

// Evaluate scores predicted distributions against gold class ids.
func Evaluate(head string, labels []string, gold []int, probs [][]float32) Report {
	k := len(labels)
	r := Report{Head: head, Labels: labels, N: len(gold), Confusion: make([][]int, k),
		Precision: make([]float64, k), Recall: make([]float64, k), F1: make([]float64, k)}
	for i := range r.Confusion {
		r.Confusion[i] = make([]int, k)
	}
	const bins = 15
	var binConf, binAcc [bins]float64
	var binN [bins]int
	correct := 0
	for i, g := range gold {
		p := probs[i]
		best := 0
		for c := range p {
			if p[c] > p[best] {
				best = c
			}
		}
		r.Confusion[g][best]++
		hit := 0.0
		if best == g {
			correct++
			hit = 1
		}
		b := min(int(float64(p[best])*bins), bins-1)
		binConf[b] += float64(p[best])
		binAcc[b] += hit
		binN[b]++
	}
	if len(gold) == 0 {
		return r
	}
	r.Accuracy = float64(correct) / float64(len(gold))
	for b := range bins {
		if binN[b] > 0 {
			r.ECE += math.Abs(binAcc[b]-binConf[b]) / float64(len(gold))
		}
	}
	for c := range k {
		var tp, fp, fn int
		for o := range k {
			if o == c {
				tp = r.Confusion[c][c]
				continue
			}
			fp += r.Confusion[o][c]
			fn += r.Confusion[c][o]
		}
		if tp+fp > 0 {
			r.Precision[c] = float64(tp) / float64(tp+fp)
		}
		if tp+fn > 0 {
			r.Recall[c] = float64(tp) / float64(tp+fn)
		}
		if r.Precision[c]+r.Recall[c] > 0 {
			r.F1[c] = 2 * r.Precision[c] * r.Recall[c] / (r.Precision[c] + r.Recall[c])
		}
		r.MacroF1 += r.F1[c] / float64(k)
	}
	return r
}

// Print writes the report as a small table.
func (r Report) Print(w io.Writer) {
	fmt.Fprintf(w, "%-10s n=%d accuracy=%.3f macro-F1=%.3f ECE=%.3f\n", r.Head, r.N, r.Accuracy, r.MacroF1, r.ECE)
	fmt.Fprintf(w, "  %-9s %9s %9s %9s   confusion (rows gold, cols predicted: %s)\n", "label", "precision", "recall", "f1", strings.Join(r.Labels, " "))
	for c, l := range r.Labels {
		row := make([]string, len(r.Labels))
		for o := range r.Labels {
			row[o] = fmt.Sprintf("%5d", r.Confusion[c][o])
		}
		fmt.Fprintf(w, "  %-9s %9.3f %9.3f %9.3f   %s\n", l, r.Precision[c], r.Recall[c], r.F1[c], strings.Join(row, " "))
	}
}
