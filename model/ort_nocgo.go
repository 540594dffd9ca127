//go:build !cgo

package model

import "errors"

var errNoCgo = errors.New("model: built without cgo; ONNX Runtime needs it: rebuild with CGO_ENABLED=1")

type ortSession struct{ inputs []string }

func initRuntime(string) error { return errNoCgo }

func graphIO(string) ([]string, map[string][]int64, error) { return nil, nil, errNoCgo }

func newSession(string, []string, string, Options) (*ortSession, error) { return nil, errNoCgo }

func (o *ortSession) run(*batch) ([]float32, int, error) { return nil, 0, errNoCgo }

func (o *ortSession) close() error { return nil }
