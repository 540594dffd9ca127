package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
)

// config is the subset of a Hugging Face config.json the service reads.
// Fields beyond id2label are optional so that a model exported elsewhere
// with Optimum loads as is.
type config struct {
	ID2Label map[string]string `json:"id2label"`
	// Name and Version identify the model in GetModelInfo.
	Name    string `json:"name_or_path"`
	Version string `json:"version"`
	// Task is "stance" or "sentiment"; when absent Load's caller decides.
	Task string `json:"task"`
	// MaxLength is the longest token sequence the model reads
	// (max_position_embeddings in BERT-style configs).
	MaxLength   int `json:"max_length"`
	MaxPosition int `json:"max_position_embeddings"`
	// Targets lists the stance targets the model was trained on.
	Targets []string `json:"targets"`
	// ContextSegment says the stance model reads the quote's context as a
	// third segment: [CLS] target [SEP] statement [SEP] context [SEP].
	ContextSegment bool `json:"context_segment"`
}

func readConfig(path string) (*config, []string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var c config
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	labels, err := c.labels()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return &c, labels, nil
}

// labels returns id2label as a slice indexed by class id, requiring ids
// 0..n-1 with no gaps.
func (c *config) labels() ([]string, error) {
	if len(c.ID2Label) == 0 {
		return nil, errors.New("id2label is missing or empty")
	}
	labels := make([]string, len(c.ID2Label))
	for k, v := range c.ID2Label {
		i, err := strconv.Atoi(k)
		if err != nil || i < 0 || i >= len(labels) {
			return nil, fmt.Errorf("id2label key %q is not an id in 0..%d", k, len(labels)-1)
		}
		labels[i] = v
	}
	for i, l := range labels {
		if l == "" {
			return nil, fmt.Errorf("id2label has no label for id %d", i)
		}
	}
	return labels, nil
}
