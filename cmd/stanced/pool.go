package main

import (
	"context"
	"errors"

	"github.com/stancewatch/stance/model"
)

// pool serves classifier calls from several copies of the models, each
// with its own ONNX Runtime sessions, one call per copy at a time. It is
// what -sessions N > 1 runs; with one copy the server calls the model.Set
// directly, and ONNX Runtime runs concurrent calls on shared sessions.
type pool struct {
	sets []*model.Set
	free chan *model.Set
}

func newPool(sets []*model.Set) *pool {
	p := &pool{sets: sets, free: make(chan *model.Set, len(sets))}
	for _, s := range sets {
		p.free <- s
	}
	return p
}

// Classify runs on the next free copy, waiting for one until ctx ends.
func (p *pool) Classify(ctx context.Context, stmts []model.Statement, targets []string) ([]model.Result, error) {
	var s *model.Set
	select {
	case s = <-p.free:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { p.free <- s }()
	return s.Classify(ctx, stmts, targets)
}

func (p *pool) Targets() []string         { return p.sets[0].Targets() }
func (p *pool) StanceInfo() model.Info    { return p.sets[0].StanceInfo() }
func (p *pool) SentimentInfo() model.Info { return p.sets[0].SentimentInfo() }

// Close closes every copy; call it once no call is in flight.
func (p *pool) Close() error {
	var errs []error
	for _, s := range p.sets {
		errs = append(errs, s.Close())
	}
	return errors.Join(errs...)
}
