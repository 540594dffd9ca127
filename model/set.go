package model

import "context"

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
