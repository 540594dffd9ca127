//go:build cgo

package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	ort "github.com/yalue/onnxruntime_go"
)

// The ONNX Runtime environment is process-wide: it is created by the first
// Load and lives until the process exits. onnxruntime_go refuses a second
// initialisation with a different library, so the first path wins.
var (
	envOnce sync.Once
	envErr  error
	envLib  string
)

func initRuntime(lib string) error {
	envOnce.Do(func() {
		envLib = lib
		if _, err := os.Stat(lib); err != nil {
			envErr = fmt.Errorf("model: ONNX Runtime library %s: %w (run `make ort` or set ONNXRUNTIME_LIB)", lib, err)
			return
		}
		ort.SetSharedLibraryPath(lib)
		if err := ort.InitializeEnvironment(ort.WithLogLevelError()); err != nil {
			envErr = fmt.Errorf("model: initialise ONNX Runtime from %s: %w", lib, err)
		}
	})
	if envErr == nil && lib != envLib {
		return fmt.Errorf("model: ONNX Runtime already loaded from %s; cannot switch to %s", envLib, lib)
	}
	return envErr
}

// ortSession is one ONNX Runtime session. Run is safe for concurrent use
// (ONNX Runtime allows concurrent Run calls on one session).
type ortSession struct {
	s          *ort.DynamicAdvancedSession
	inputs     []string // graph input names, in the order Run feeds them
	numLabels  int      // static logits width, 0 when dynamic
	outputName string
}

// graphIO reads the input and output names of an ONNX file without building
// a session, so Load can validate before it commits to one.
func graphIO(path string) (inputs []string, outputs map[string][]int64, err error) {
	ins, outs, err := ort.GetInputOutputInfo(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read graph inputs/outputs: %w", err)
	}
	for _, in := range ins {
		inputs = append(inputs, in.Name)
	}
	outputs = make(map[string][]int64)
	for _, o := range outs {
		outputs[o.Name] = []int64(o.Dimensions)
	}
	return inputs, outputs, nil
}

func newSession(path string, inputs []string, output string, opts Options) (*ortSession, error) {
	so, err := ort.NewSessionOptions()
	if err != nil {
		return nil, fmt.Errorf("session options: %w", err)
	}
	defer so.Destroy()
	intra := opts.IntraOpThreads
	if intra <= 0 {
		intra = 1
	}
	if err := so.SetIntraOpNumThreads(intra); err != nil {
		return nil, err
	}
	if err := so.SetInterOpNumThreads(1); err != nil {
		return nil, err
	}
	s, err := ort.NewDynamicAdvancedSession(path, inputs, []string{output}, so)
	if err != nil {
		return nil, fmt.Errorf("create session for %s: %w", filepath.Base(path), err)
	}
	return &ortSession{s: s, inputs: inputs, outputName: output}, nil
}

// run feeds one padded batch and returns the logits, row-major
// [batch, numLabels].
func (o *ortSession) run(b *batch) (logits []float32, width int, err error) {
	shape := ort.NewShape(int64(b.rows), int64(b.seqLen))
	var in []ort.Value
	defer func() {
		for _, v := range in {
			err = errors.Join(err, v.Destroy())
		}
	}()
	for _, name := range o.inputs {
		var data []int64
		switch name {
		case "input_ids":
			data = b.ids
		case "attention_mask":
			data = b.mask
		case "token_type_ids":
			data = b.types
		default:
			return nil, 0, fmt.Errorf("unsupported input %q", name)
		}
		t, err := ort.NewTensor(shape, data)
		if err != nil {
			return nil, 0, fmt.Errorf("input tensor %s: %w", name, err)
		}
		in = append(in, t)
	}
	out := []ort.Value{nil}
	if err := o.s.Run(in, out); err != nil {
		return nil, 0, fmt.Errorf("run: %w", err)
	}
	defer func() { err = errors.Join(err, out[0].Destroy()) }()
	t, ok := out[0].(*ort.Tensor[float32])
	if !ok {
		return nil, 0, fmt.Errorf("output %s is %v, want float32 tensor", o.outputName, out[0].DataType())
	}
	dims := t.GetShape()
	if len(dims) != 2 || dims[0] != int64(b.rows) {
		return nil, 0, fmt.Errorf("output %s has shape %v, want [%d, labels]", o.outputName, dims, b.rows)
	}
	logits = append([]float32(nil), t.GetData()...)
	return logits, int(dims[1]), nil
}

func (o *ortSession) close() error { return o.s.Destroy() }
