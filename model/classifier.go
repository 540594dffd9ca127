package model

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// Errors returned by the model package.
var (
	ErrUnknownTarget = errors.New("model: unknown target")
	ErrTokenize      = errors.New("model: tokenize")
	ErrClosed        = errors.New("model: classifier closed")
)

// Options configures Load and LoadSet. The zero value works.
type Options struct {
	// LibraryPath is the ONNX Runtime shared library. Unset: the package
	// function LibraryPath decides ($ONNXRUNTIME_LIB, else the repository's
	// third_party copy found from the working or executable directory).
	LibraryPath string
	// IntraOpThreads is ONNX Runtime's intra-op thread count per session.
	// Unset: 1, which measures best for these small graphs with callers
	// running sessions from several goroutines.
	IntraOpThreads int
	// MaxSequenceLength caps the token rows fed to the model. Unset: the
	// model's config.json (max_length, else max_position_embeddings), else 256.
	MaxSequenceLength int
}

// Input is one row to classify: for a stance model the (target, statement)
// pair, with the statement's context when the model reads it; for a
// sentiment model the statement alone (Target is ignored).
type Input struct {
	Target, Text, Context string
}

// Classifier is one model directory loaded into ONNX Runtime: model.onnx,
// tokenizer.json and config.json in the Hugging Face layout.
// Classify is safe for concurrent use; Close must be called once no call is
// in flight.
type Classifier struct {
	info    Info
	cfg     *config
	enc     *encoder
	sess    *ortSession
	maxLen  int
	targets []string
	tokHash string // identifies the tokenizer file, so a Set can share encodings
}

// Load reads and validates a model directory and opens an ONNX Runtime
// session on it. Every problem found is reported at once.
func Load(dir string, opts Options) (_ *Classifier, err error) {
	var problems []error
	cfg, labels, err := readConfig(filepath.Join(dir, "config.json"))
	if err != nil {
		problems = append(problems, fmt.Errorf("config.json: %w", err))
	}
	tokPath := filepath.Join(dir, "tokenizer.json")
	enc, err := loadEncoder(tokPath)
	if err != nil {
		problems = append(problems, fmt.Errorf("tokenizer.json: %w", err))
	}
	onnxPath := filepath.Join(dir, "model.onnx")
	if _, err := os.Stat(onnxPath); err != nil {
		problems = append(problems, fmt.Errorf("model.onnx: %w", err))
		return nil, fmt.Errorf("model: load %s: %w", dir, errors.Join(problems...))
	}
	if err := initRuntime(libraryPath(opts.LibraryPath)); err != nil {
		return nil, err
	}
	inputs, outputs, err := graphIO(onnxPath)
	if err != nil {
		problems = append(problems, fmt.Errorf("model.onnx: %w", err))
	} else {
		problems = append(problems, checkGraph(inputs, outputs, labels)...)
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("model: load %s: %w", dir, errors.Join(problems...))
	}
	sess, err := newSession(onnxPath, inputs, "logits", opts)
	if err != nil {
		return nil, fmt.Errorf("model: load %s: %w", dir, err)
	}
	c := &Classifier{cfg: cfg, enc: enc, sess: sess, targets: cfg.Targets}
	c.maxLen = opts.MaxSequenceLength
	if c.maxLen <= 0 {
		c.maxLen = cmp.Or(cfg.MaxLength, cfg.MaxPosition, 256)
	}
	abs, _ := filepath.Abs(dir)
	c.info = Info{
		Name:              cmp.Or(cfg.Name, filepath.Base(abs)),
		Version:           cmp.Or(cfg.Version, "unversioned"),
		Task:              cfg.Task,
		Path:              abs,
		Labels:            labels,
		MaxSequenceLength: c.maxLen,
	}
	c.tokHash, _ = fileDigest(tokPath)
	return c, nil
}

// checkGraph validates the graph's inputs and outputs against what the
// classifier feeds and what config.json promises.
func checkGraph(inputs []string, outputs map[string][]int64, labels []string) []error {
	var problems []error
	known := []string{"input_ids", "attention_mask", "token_type_ids"}
	for _, in := range inputs {
		if !slices.Contains(known, in) {
			problems = append(problems, fmt.Errorf("model.onnx: input %q is not one of %v", in, known))
		}
	}
	if !slices.Contains(inputs, "input_ids") {
		problems = append(problems, errors.New("model.onnx: has no input_ids input"))
	}
	dims, ok := outputs["logits"]
	switch {
	case !ok:
		problems = append(problems, errors.New("model.onnx: has no logits output"))
	case len(dims) != 2:
		problems = append(problems, fmt.Errorf("model.onnx: logits has rank %d, want 2 [batch, labels]", len(dims)))
	case labels != nil && dims[1] > 0 && int(dims[1]) != len(labels):
		problems = append(problems, fmt.Errorf("model.onnx: logits width %d but config.json id2label has %d labels", dims[1], len(labels)))
	}
	return problems
}

// Info describes the model. It is safe for concurrent use.
func (c *Classifier) Info() Info { return c.info }

// Targets returns the stance targets named in config.json (nil for a
// sentiment model or a model whose config does not list them).
func (c *Classifier) Targets() []string { return slices.Clone(c.targets) }

// Classify returns one probability row per input, in the order of Labels.
func (c *Classifier) Classify(ctx context.Context, in []Input) ([][]float32, error) {
	rows := make([]encodedRow, len(in))
	for i, x := range in {
		var err error
		if rows[i], err = c.encodeInput(x); err != nil {
			return nil, fmt.Errorf("inputs[%d]: %w", i, err)
		}
	}
	return c.run(ctx, rows)
}

// encodedRow is one input's token ids: its first segment (target, or the
// statement for a single-text model) and the optional ones after it.
type encodedRow struct {
	a, b, c    []int
	hasB, hasC bool
}

func (c *Classifier) encodeInput(x Input) (encodedRow, error) {
	if c.info.Task != "stance" {
		a, err := c.enc.ids(x.Text)
		return encodedRow{a: a}, err
	}
	a, err := c.enc.ids(x.Target)
	if err != nil {
		return encodedRow{}, err
	}
	b, err := c.enc.ids(x.Text)
	if err != nil {
		return encodedRow{}, err
	}
	r := encodedRow{a: a, b: b, hasB: true}
	if c.cfg.ContextSegment {
		if r.c, err = c.enc.ids(x.Context); err != nil {
			return encodedRow{}, err
		}
		r.hasC = true
	}
	return r, nil
}

func (c *Classifier) run(ctx context.Context, rows []encodedRow) ([][]float32, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ids := make([][]int, len(rows))
	firsts := make([]int, len(rows))
	for i, r := range rows {
		ids[i], firsts[i] = c.enc.assemble(nil, r.a, r.b, r.c, r.hasB, r.hasC, c.maxLen)
	}
	probs := make([][]float32, len(rows))
	for _, g := range lengthGroups(ids) {
		gids := make([][]int, len(g))
		gfirsts := make([]int, len(g))
		for k, i := range g {
			gids[k], gfirsts[k] = ids[i], firsts[i]
		}
		b := pad(gids, gfirsts, c.enc.padID)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		logits, width, err := c.sess.run(b)
		if err != nil {
			return nil, fmt.Errorf("model %s: %w", c.info.Name, err)
		}
		if width != len(c.info.Labels) {
			return nil, fmt.Errorf("model %s: logits width %d, want %d labels", c.info.Name, width, len(c.info.Labels))
		}
		for k, i := range g {
			probs[i] = logits[k*width : (k+1)*width : (k+1)*width]
			softmax(probs[i])
		}
	}
	return probs, nil
}

// runOverheadTokens is the fixed cost of one ONNX Runtime run in units of
// the cost of one (padded) token, as measured on the default models on one
// core: about 70µs a run against 0.25µs a token (35µs and 0.1µs for the
// first models; both grow with the number of graph nodes, so the ratio
// holds).
const runOverheadTokens = 300

// lengthGroups splits rows into runs that cost least in total: rows sorted
// by length and cut where the padding saved outweighs another run's fixed
// cost. It returns row indices, one slice per run.
func lengthGroups(rows [][]int) [][]int {
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	if len(rows) <= 1 {
		return [][]int{order}
	}
	slices.SortStableFunc(order, func(a, b int) int { return len(rows[a]) - len(rows[b]) })
	// best[j] is the least cost of the first j sorted rows; cut[j] where
	// the last run of that solution starts.
	n := len(order)
	best := make([]int, n+1)
	cut := make([]int, n+1)
	for j := 1; j <= n; j++ {
		longest := len(rows[order[j-1]])
		best[j] = -1
		for i := j - 1; i >= 0; i-- {
			cost := best[i] + runOverheadTokens + (j-i)*longest
			if best[j] < 0 || cost < best[j] {
				best[j], cut[j] = cost, i
			}
		}
	}
	var groups [][]int
	for j := n; j > 0; j = cut[j] {
		groups = append(groups, order[cut[j]:j])
	}
	slices.Reverse(groups)
	return groups
}

// Close releases the ONNX Runtime session.
func (c *Classifier) Close() error { return c.sess.close() }

// DefaultLibraryRel is where `make ort` puts ONNX Runtime in the repository.
const DefaultLibraryRel = "third_party/onnxruntime/libonnxruntime.so.1"

// LibraryPath returns the ONNX Runtime library Load uses when
// Options.LibraryPath is unset: $ONNXRUNTIME_LIB, else DefaultLibraryRel in
// the working directory, the executable's directory or a parent of either.
// ok is false when no such file exists; path then names where it was
// expected, for error messages.
func LibraryPath() (path string, ok bool) {
	if p := os.Getenv("ONNXRUNTIME_LIB"); p != "" {
		_, err := os.Stat(p)
		return p, err == nil
	}
	var bases []string
	if wd, err := os.Getwd(); err == nil {
		bases = append(bases, wd)
	}
	if exe, err := os.Executable(); err == nil {
		if exe, err := filepath.EvalSymlinks(exe); err == nil {
			bases = append(bases, filepath.Dir(exe))
		}
	}
	for _, base := range bases {
		for dir := base; ; dir = filepath.Dir(dir) {
			p := filepath.Join(dir, DefaultLibraryRel)
			if _, err := os.Stat(p); err == nil {
				return p, true
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	return DefaultLibraryRel, false
}

func libraryPath(p string) string {
	if p != "" {
		return p
	}
	p, _ = LibraryPath()
	return p
}

// fileDigest identifies a file's contents.
func fileDigest(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}
