package train

import (
	"math"
	"math/rand/v2"
)

// Linear is a multinomial logistic regression over mean-pooled hashed
// n-grams, with separate pools for the statement and its context:
//
//	logits = mean(W[f] for f in statement) + mean(W[f] for f in context) + Bias
type Linear struct {
	Spec    Spec
	Classes int
	W       []float32 // [Buckets, Classes], row-major
	Bias    []float32 // [Classes]
}

// Example is one training row: its features and its class.
type Example struct {
	Feats []Feature
	Class int
}

// FitOptions are the training hyperparameters.
type FitOptions struct {
	Epochs   int     // passes over the data
	LR       float64 // AdaGrad learning rate
	L2       float64 // weight decay applied to each row a step touches
	Dropout  float64 // probability of dropping each feature in a step
	Balanced bool    // weight classes by inverse frequency
	Seed     uint64  // shuffling and dropout; same seed, same model
}

// Fit trains a Linear model. It is deterministic given opts.Seed.
func Fit(spec Spec, classes int, data []Example, opts FitOptions) *Linear {
	m := &Linear{Spec: spec, Classes: classes,
		W: make([]float32, spec.Buckets*int64(classes)), Bias: make([]float32, classes)}
	g2 := make([]float32, len(m.W)) // AdaGrad accumulators
	b2 := make([]float64, classes)
	weights := make([]float64, classes)
	for i := range weights {
		weights[i] = 1
	}
	if opts.Balanced {
		counts := make([]float64, classes)
		for _, ex := range data {
			counts[ex.Class]++
		}
		for c := range weights {
			if counts[c] > 0 {
				weights[c] = float64(len(data)) / (float64(classes) * counts[c])
			}
		}
	}
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	kept := make([]Feature, 0, 512)
	logits := make([]float64, classes)
	grad := make([]float64, classes)
	const eps = 1e-8
	for range opts.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			ex := data[i]
			kept = kept[:0]
			for _, f := range ex.Feats {
				if opts.Dropout == 0 || rng.Float64() >= opts.Dropout {
					kept = append(kept, f)
				}
			}
			nS, nC := m.forward(kept, logits)
			softmax64(logits)
			for c := range grad {
				y := 0.0
				if c == ex.Class {
					y = 1
				}
				grad[c] = (logits[c] - y) * weights[ex.Class]
			}
			for c := range classes {
				b2[c] += grad[c] * grad[c]
				m.Bias[c] -= float32(opts.LR * grad[c] / (math.Sqrt(b2[c]) + eps))
			}
			for _, f := range kept {
				scale := 1 / math.Max(1, nS)
				if f.Ctx {
					scale = 1 / math.Max(1, nC)
				}
				row := int64(f.Bucket) * int64(classes)
				for c := range classes {
					g := grad[c]*scale + opts.L2*float64(m.W[row+int64(c)])
					g2[row+int64(c)] += float32(g * g)
					m.W[row+int64(c)] -= float32(opts.LR * g / (math.Sqrt(float64(g2[row+int64(c)])) + eps))
				}
			}
		}
	}
	return m
}

// forward writes the logits of one feature set and returns the sizes of
// its two pools.
func (m *Linear) forward(feats []Feature, logits []float64) (nS, nC float64) {
	sumS := make([]float64, m.Classes)
	sumC := make([]float64, m.Classes)
	for _, f := range feats {
		row := int64(f.Bucket) * int64(m.Classes)
		if f.Ctx {
			nC++
			for c := range m.Classes {
				sumC[c] += float64(m.W[row+int64(c)])
			}
		} else {
			nS++
			for c := range m.Classes {
				sumS[c] += float64(m.W[row+int64(c)])
			}
		}
	}
	for c := range m.Classes {
		logits[c] = sumS[c]/math.Max(1, nS) + sumC[c]/math.Max(1, nC) + float64(m.Bias[c])
	}
	return nS, nC
}

// Probs returns the class probabilities of one feature set.
func (m *Linear) Probs(feats []Feature) []float64 {
	p := make([]float64, m.Classes)
	m.forward(feats, p)
	softmax64(p)
	return p
}

// Scale divides every weight by t: temperature scaling folded into the
// model, so the exported graph needs no extra op.
func (m *Linear) Scale(t float64) {
	for i := range m.W {
		m.W[i] = float32(float64(m.W[i]) / t)
	}
	for i := range m.Bias {
		m.Bias[i] = float32(float64(m.Bias[i]) / t)
	}
}

// FitTemperature returns the temperature that minimises the negative log
// likelihood of data under m.
func FitTemperature(m *Linear, data []Example) float64 {
	logits := make([][]float64, len(data))
	for i, ex := range data {
		logits[i] = make([]float64, m.Classes)
		m.forward(ex.Feats, logits[i])
	}
	nll := func(t float64) float64 {
		var sum float64
		p := make([]float64, m.Classes)
		for i, ex := range data {
			for c := range p {
				p[c] = logits[i][c] / t
			}
			softmax64(p)
			sum -= math.Log(math.Max(p[ex.Class], 1e-12))
		}
		return sum
	}
	// Golden-section search on log t over [0.02, 20].
	lo, hi := math.Log(0.02), math.Log(20)
	phi := (math.Sqrt(5) - 1) / 2
	for range 60 {
		a := hi - phi*(hi-lo)
		b := lo + phi*(hi-lo)
		if nll(math.Exp(a)) < nll(math.Exp(b)) {
			hi = b
		} else {
			lo = a
		}
	}
	return math.Exp((lo + hi) / 2)
}

func softmax64(v []float64) {
	m := math.Inf(-1)
	for _, x := range v {
		m = math.Max(m, x)
	}
	var s float64
	for i, x := range v {
		v[i] = math.Exp(x - m)
		s += v[i]
	}
	for i := range v {
		v[i] /= s
	}
}
