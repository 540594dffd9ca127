package model

import (
	"context"
	"errors"
	"fmt"
	"slices"
)

// Statement is one quoted statement to label.
type Statement struct {
	// Text is the quoted words, without quote marks.
	Text string
	// Context is the sentence around the quote; may be empty.
	Context string
}

// Scores is one probability distribution over a model's labels.
type Scores struct {
	// Label is the most probable label.
	Label string
	// Confidence is Label's probability.
	Confidence float32
	// Labels and Probs are the full distribution, in the model's label order.
	Labels []string
	Probs  []float32
}

// TargetScores is a statement's stance distribution toward one target.
type TargetScores struct {
	Target string
	Scores
}

// Result is the labelling of one statement.
type Result struct {
	// Stances holds one entry per requested target, in request order.
	Stances []TargetScores
	// Sentiment is the statement's sentiment distribution.
	Sentiment Scores
}

// Info describes one loaded model.
type Info struct {
	Name, Version, Task, Path string
	Labels                    []string
	MaxSequenceLength         int
}

// Set is the pair of models the service runs: a stance model that reads
// (target, statement[, context]) and a sentiment model that reads the
// statement. Classify is safe for concurrent use; call Close once no call
// is in flight.
type Set struct {
	stance, sentiment *Classifier
	sharedTokenizer   bool
}

// LoadSet loads the stance and sentiment model directories. It reports the
// problems of both at once.
func LoadSet(stanceDir, sentimentDir string, opts Options) (*Set, error) {
	// A missing runtime would fail both loads with one message; say it once.
	if err := initRuntime(libraryPath(opts.LibraryPath)); err != nil {
		return nil, err
	}
	st, err1 := Load(stanceDir, opts)
	se, err2 := Load(sentimentDir, opts)
	var problems []error
	if err1 != nil {
		problems = append(problems, err1)
	}
	if err2 != nil {
		problems = append(problems, err2)
	}
	if st != nil && len(st.Targets()) == 0 {
		problems = append(problems, fmt.Errorf("model: %s: config.json lists no targets for the stance model", stanceDir))
	}
	if len(problems) > 0 {
		if st != nil {
			st.Close()
		}
		if se != nil {
			se.Close()
		}
		return nil, errors.Join(problems...)
	}
	st.info.Task, se.info.Task = "stance", "sentiment"
	return &Set{stance: st, sentiment: se, sharedTokenizer: st.tokHash != "" && st.tokHash == se.tokHash}, nil
}

// Targets returns the stance targets the stance model knows, in its order.
func (s *Set) Targets() []string { return s.stance.Targets() }

// StanceInfo describes the stance model.
func (s *Set) StanceInfo() Info { return s.stance.Info() }

// SentimentInfo describes the sentiment model.
func (s *Set) SentimentInfo() Info { return s.sentiment.Info() }

// Classify labels every statement with its stance toward each target (nil
// targets: every target the model knows) and its sentiment. Each text is
// tokenized once and reused by both models when they share a tokenizer.
func (s *Set) Classify(ctx context.Context, stmts []Statement, targets []string) ([]Result, error) {
	if len(targets) == 0 {
		targets = s.stance.targets
	}
	for _, t := range targets {
		if !slices.Contains(s.stance.targets, t) {
			return nil, fmt.Errorf("%w %q (known: %v)", ErrUnknownTarget, t, s.stance.targets)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	tids := make([][]int, len(targets))
	for i, t := range targets {
		var err error
		if tids[i], err = s.stance.enc.ids(t); err != nil {
			return nil, err
		}
	}
	stanceRows := make([]encodedRow, 0, len(stmts)*len(targets))
	sentRows := make([]encodedRow, len(stmts))
	for i, st := range stmts {
		text, err := s.stance.enc.ids(st.Text)
		if err != nil {
			return nil, fmt.Errorf("statements[%d].text: %w", i, err)
		}
		var ctxIDs []int
		if s.stance.cfg.ContextSegment {
			if ctxIDs, err = s.stance.enc.ids(st.Context); err != nil {
				return nil, fmt.Errorf("statements[%d].context: %w", i, err)
			}
		}
		for j := range targets {
			stanceRows = append(stanceRows, encodedRow{a: tids[j], b: text, c: ctxIDs, hasB: true, hasC: s.stance.cfg.ContextSegment})
		}
		if s.sharedTokenizer {
			sentRows[i] = encodedRow{a: text}
		} else if sentRows[i], err = s.sentiment.encodeInput(Input{Text: st.Text}); err != nil {
			return nil, fmt.Errorf("statements[%d].text: %w", i, err)
		}
	}
	stanceProbs, err := s.stance.run(ctx, stanceRows)
	if err != nil {
		return nil, err
	}
	sentProbs, err := s.sentiment.run(ctx, sentRows)
	if err != nil {
		return nil, err
	}
	out := make([]Result, len(stmts))
	for i := range stmts {
		r := Result{Stances: make([]TargetScores, len(targets))}
		for j, t := range targets {
			r.Stances[j] = TargetScores{Target: t, Scores: scores(s.stance.info.Labels, stanceProbs[i*len(targets)+j])}
		}
		r.Sentiment = scores(s.sentiment.info.Labels, sentProbs[i])
		out[i] = r
	}
	return out, nil
}

// Close releases both models.
func (s *Set) Close() error {
	return errors.Join(s.stance.Close(), s.sentiment.Close())
}

func scores(labels []string, probs []float32) Scores {
	best := 0
	for i, p := range probs {
		if p > probs[best] {
			best = i
		}
	}
	return Scores{Label: labels[best], Confidence: probs[best], Labels: labels, Probs: probs}
}
