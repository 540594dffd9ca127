package train

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/stancewatch/stance/model"
)

// Config drives one training run: corpus in, two model directories out.
type Config struct {
	TrainGlob, DevGlob string // corpus files
	VocabPath          string // WordPiece vocabulary, one token per line
	StanceDir, SentDir string // output model directories
	Version            string // written to config.json
	Seed               uint64
	MaxLength          int
	StanceBuckets      int64
	SentimentBuckets   int64
	Stance, Sentiment  FitOptions
	NoLexicon          bool   // leave out the lexicon class features
	LibraryPath        string // ONNX Runtime, for the post-export check
	Log                io.Writer
}

// heads are the three outputs evaluated on dev.
type headData struct {
	gold  []int
	probs [][]float32
}

// Run trains both models, exports them, reloads the exported files in ONNX
// Runtime and reports dev metrics computed from ONNX Runtime's outputs.
func Run(ctx context.Context, cfg Config) ([]Report, error) {
	trainRecs, err := ReadCorpus(cfg.TrainGlob)
	if err != nil {
		return nil, err
	}
	devRecs, err := ReadCorpus(cfg.DevGlob)
	if err != nil {
		return nil, err
	}
	fit, cal := splitCalibration(trainRecs)
	fmt.Fprintf(cfg.Log, "corpus: %d train (%d fit, %d calibration), %d dev\n", len(trainRecs), len(fit), len(cal), len(devRecs))

	for _, dir := range []string{cfg.StanceDir, cfg.SentDir} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		if err := WriteTokenizerJSON(cfg.VocabPath, filepath.Join(dir, "tokenizer.json")); err != nil {
			return nil, err
		}
	}
	tr, err := newTrainer(cfg, filepath.Join(cfg.StanceDir, "tokenizer.json"))
	if err != nil {
		return nil, err
	}
	stance, tSt, sent, tSe, err := tr.fit(fit, cal)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(cfg.Log, "temperature: stance %.3f, sentiment %.3f\n", tSt, tSe)

	if err := writeModel(cfg.StanceDir, stance, modelConfig{
		Name: "stance-ngram", Version: cfg.Version, Task: "stance", Labels: StanceLabels,
		MaxLength: cfg.MaxLength, Targets: Targets, ContextSegment: true, Temperature: tSt,
	}); err != nil {
		return nil, err
	}
	if err := writeModel(cfg.SentDir, sent, modelConfig{
		Name: "sentiment-ngram", Version: cfg.Version, Task: "sentiment", Labels: SentimentLabels,
		MaxLength: cfg.MaxLength, Temperature: tSe,
	}); err != nil {
		return nil, err
	}

	// The exported graphs, not the Go models, are what is measured.
	set, err := model.LoadSet(cfg.StanceDir, cfg.SentDir, model.Options{LibraryPath: cfg.LibraryPath})
	if err != nil {
		return nil, fmt.Errorf("reload exported models: %w", err)
	}
	defer set.Close()
	results, err := PredictSet(ctx, set, devRecs)
	if err != nil {
		return nil, err
	}
	reports := Score(devRecs, results)
	var forms bytes.Buffer
	FormErrors(&forms, devRecs, results)
	if err := writeCards(cfg, len(trainRecs), len(devRecs), tSt, tSe, reports, forms.String()); err != nil {
		return nil, err
	}
	return reports, nil
}

// trainer turns records into features and fits both models.
type trainer struct {
	cfg            Config
	tk             *model.Tokenizer
	stSpec, seSpec Spec
}

func newTrainer(cfg Config, tokenizerPath string) (*trainer, error) {
	tk, err := model.LoadTokenizer(tokenizerPath)
	if err != nil {
		return nil, err
	}
	vocab, err := vocabSize(cfg.VocabPath)
	if err != nil {
		return nil, err
	}
	var lex []int64
	if !cfg.NoLexicon {
		if lex, err = lexiconTable(vocab, tk.IDs); err != nil {
			return nil, err
		}
	}
	return &trainer{
		cfg:    cfg,
		tk:     tk,
		stSpec: Spec{Vocab: vocab, Buckets: cfg.StanceBuckets, Sep: int64(tk.SEP()), Pair: true, Lex: lex},
		seSpec: Spec{Vocab: vocab, Buckets: cfg.SentimentBuckets, Sep: int64(tk.SEP()), Lex: lex},
	}, nil
}

func (tr *trainer) stanceRows(recs []Record) ([]Example, error) {
	var out []Example
	for _, r := range recs {
		for _, t := range Targets {
			ids, err := tr.tk.Row(t, r.Text, r.Context, true, true, tr.cfg.MaxLength)
			if err != nil {
				return nil, err
			}
			out = append(out, Example{Feats: tr.stSpec.Features(ids, nil), Class: slices.Index(StanceLabels, r.Stance(t))})
		}
	}
	return out, nil
}

func (tr *trainer) sentimentRows(recs []Record) ([]Example, error) {
	var out []Example
	for _, r := range recs {
		ids, err := tr.tk.Row("", r.Text, "", false, false, tr.cfg.MaxLength)
		if err != nil {
			return nil, err
		}
		out = append(out, Example{Feats: tr.seSpec.Features(ids, nil), Class: slices.Index(SentimentLabels, r.Sentiment)})
	}
	return out, nil
}

// fit trains both models on fit and calibrates their temperature on cal.
func (tr *trainer) fit(fit, cal []Record) (stance *Linear, tSt float64, sent *Linear, tSe float64, err error) {
	stFit, err := tr.stanceRows(fit)
	if err != nil {
		return nil, 0, nil, 0, err
	}
	stCal, err := tr.stanceRows(cal)
	if err != nil {
		return nil, 0, nil, 0, err
	}
	seFit, err := tr.sentimentRows(fit)
	if err != nil {
		return nil, 0, nil, 0, err
	}
	seCal, err := tr.sentimentRows(cal)
	if err != nil {
		return nil, 0, nil, 0, err
	}
	stOpts, seOpts := tr.cfg.Stance, tr.cfg.Sentiment
	stOpts.Seed, seOpts.Seed = tr.cfg.Seed, tr.cfg.Seed+1
	stance = Fit(tr.stSpec, len(StanceLabels), stFit, stOpts)
	tSt = FitTemperature(stance, stCal)
	stance.Scale(tSt)
	sent = Fit(tr.seSpec, len(SentimentLabels), seFit, seOpts)
	tSe = FitTemperature(sent, seCal)
	sent.Scale(tSe)
	return stance, tSt, sent, tSe, nil
}

// evaluate scores the Go models on recs, as EvaluateSet does for the
// exported ones.
func (tr *trainer) evaluate(stance, sent *Linear, recs []Record) ([]Report, error) {
	st, err := tr.stanceRows(recs)
	if err != nil {
		return nil, err
	}
	se, err := tr.sentimentRows(recs)
	if err != nil {
		return nil, err
	}
	heads := make([]headData, 3)
	for i, ex := range st {
		h := &heads[i%len(Targets)]
		h.gold = append(h.gold, ex.Class)
		h.probs = append(h.probs, toFloat32(stance.Probs(ex.Feats)))
	}
	for _, ex := range se {
		heads[2].gold = append(heads[2].gold, ex.Class)
		heads[2].probs = append(heads[2].probs, toFloat32(sent.Probs(ex.Feats)))
	}
	return []Report{
		Evaluate("ceasefire", StanceLabels, heads[0].gold, heads[0].probs),
		Evaluate("sanctions", StanceLabels, heads[1].gold, heads[1].probs),
		Evaluate("sentiment", SentimentLabels, heads[2].gold, heads[2].probs),
	}, nil
}

func toFloat32(p []float64) []float32 {
	out := make([]float32, len(p))
	for i, x := range p {
		out[i] = float32(x)
	}
	return out
}

// CrossValidate holds out each training file in turn (the files split the
// corpus by conflict), trains on the rest and reports macro-F1 per head on
// the held-out file: how well the models carry over to a conflict they
// never saw, without touching the dev set. It writes nothing.
func CrossValidate(cfg Config, tokenizerPath string, w io.Writer) error {
	files, err := filepath.Glob(cfg.TrainGlob)
	if err != nil {
		return err
	}
	tr, err := newTrainer(cfg, tokenizerPath)
	if err != nil {
		return err
	}
	sums := make([]float64, 3)
	for _, held := range files {
		var rest []Record
		for _, f := range files {
			if f == held {
				continue
			}
			recs, err := readJSONL(f)
			if err != nil {
				return err
			}
			rest = append(rest, recs...)
		}
		test, err := readJSONL(held)
		if err != nil {
			return err
		}
		fit, cal := splitCalibration(rest)
		stance, _, sent, _, err := tr.fit(fit, cal)
		if err != nil {
			return err
		}
		reps, err := tr.evaluate(stance, sent, test)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "held out %-40s", filepath.Base(held))
		for i, r := range reps {
			fmt.Fprintf(w, " %s F1=%.3f ECE=%.3f", r.Head, r.MacroF1, r.ECE)
			sums[i] += r.MacroF1 / float64(len(files))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "mean macro-F1: ceasefire %.3f sanctions %.3f sentiment %.3f\n", sums[0], sums[1], sums[2])
	return nil
}

// EvaluateSet classifies recs with the loaded models and scores the three
// heads: ceasefire, sanctions, sentiment.
func EvaluateSet(ctx context.Context, set *model.Set, recs []Record) ([]Report, error) {
	results, err := PredictSet(ctx, set, recs)
	if err != nil {
		return nil, err
	}
	return Score(recs, results), nil
}

// PredictSet classifies recs with the loaded models, toward every target.
func PredictSet(ctx context.Context, set *model.Set, recs []Record) ([]model.Result, error) {
	stmts := make([]model.Statement, len(recs))
	for i, r := range recs {
		stmts[i] = model.Statement{Text: r.Text, Context: r.Context}
	}
	var results []model.Result
	for start := 0; start < len(stmts); start += 256 {
		end := min(start+256, len(stmts))
		res, err := set.Classify(ctx, stmts[start:end], Targets)
		if err != nil {
			return nil, err
		}
		results = append(results, res...)
	}
	return results, nil
}

// HeadLabel is one head's gold label and predicted scores for a record.
type HeadLabel struct {
	Head, Gold string
	Labels     []string // the head's label set, in model output order
	Got        model.Scores
}

// HeadLabels returns a record's three heads, ceasefire, sanctions and
// sentiment, with res's prediction for each; res is toward Targets in order.
func HeadLabels(r Record, res model.Result) []HeadLabel {
	out := make([]HeadLabel, 0, len(Targets)+1)
	for j, t := range Targets {
		out = append(out, HeadLabel{Head: t, Gold: r.Stance(t), Labels: StanceLabels, Got: res.Stances[j].Scores})
	}
	return append(out, HeadLabel{Head: "sentiment", Gold: r.Sentiment, Labels: SentimentLabels, Got: res.Sentiment})
}

// Score measures results, one per record of recs, against the records'
// labels: one report per head, in the order of HeadLabels; none for no
// records.
func Score(recs []Record, results []model.Result) []Report {
	var heads []HeadLabel // the first record's, for names and label sets
	var data []headData
	for i, r := range recs {
		hs := HeadLabels(r, results[i])
		if heads == nil {
			heads, data = hs, make([]headData, len(hs))
		}
		for j, h := range hs {
			data[j].gold = append(data[j].gold, slices.Index(h.Labels, h.Gold))
			data[j].probs = append(data[j].probs, reorder(h.Got, h.Labels))
		}
	}
	reports := make([]Report, len(heads))
	for j, h := range heads {
		reports[j] = Evaluate(h.Head, h.Labels, data[j].gold, data[j].probs)
	}
	return reports
}

// FormErrors writes, as a Markdown table, each head's error rate on the
// records of each form (data/README.md lists them), worst forms first by
// their mean error over the three heads. results holds one result per
// record of recs, toward Targets in order.
func FormErrors(w io.Writer, recs []Record, results []model.Result) {
	type row struct {
		form string
		n    int
		errs [3]int
	}
	byForm := map[string]*row{}
	for i, r := range recs {
		f := cmp.Or(r.Form, "untagged")
		if byForm[f] == nil {
			byForm[f] = &row{form: f}
		}
		x := byForm[f]
		x.n++
		for j, h := range HeadLabels(r, results[i]) {
			if h.Got.Label != h.Gold {
				x.errs[j]++
			}
		}
	}
	rows := slices.Collect(maps.Values(byForm))
	mean := func(x *row) float64 { return float64(x.errs[0]+x.errs[1]+x.errs[2]) / float64(3*x.n) }
	slices.SortFunc(rows, func(a, b *row) int { return cmp.Or(cmp.Compare(mean(b), mean(a)), cmp.Compare(a.form, b.form)) })
	fmt.Fprintln(w, "| form | statements | ceasefire errors | sanctions errors | sentiment errors |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, x := range rows {
		fmt.Fprintf(w, "| %s | %d | %.0f%% | %.0f%% | %.0f%% |\n", x.form, x.n,
			100*float64(x.errs[0])/float64(x.n), 100*float64(x.errs[1])/float64(x.n), 100*float64(x.errs[2])/float64(x.n))
	}
}

// reorder returns s's probabilities in the order of labels.
func reorder(s model.Scores, labels []string) []float32 {
	out := make([]float32, len(labels))
	for i, l := range s.Labels {
		if j := slices.Index(labels, l); j >= 0 {
			out[j] = s.Probs[i]
		}
	}
	return out
}

// splitCalibration holds out about a tenth of the training records, chosen
// by a hash of their text so the split is stable as the corpus grows.
func splitCalibration(recs []Record) (fit, cal []Record) {
	for _, r := range recs {
		h := fnv.New32a()
		h.Write([]byte(r.Text))
		if h.Sum32()%10 == 0 {
			cal = append(cal, r)
		} else {
			fit = append(fit, r)
		}
	}
	return fit, cal
}

type modelConfig struct {
	Name, Version, Task string
	Labels              []string
	MaxLength           int
	Targets             []string
	ContextSegment      bool
	Temperature         float64
}

func writeModel(dir string, m *Linear, mc modelConfig) error {
	if err := ExportONNX(m, filepath.Join(dir, "model.onnx")); err != nil {
		return err
	}
	id2label := map[string]string{}
	label2id := map[string]int{}
	for i, l := range mc.Labels {
		id2label[fmt.Sprint(i)] = l
		label2id[l] = i
	}
	cfg := map[string]any{
		"architectures":   []string{"HashedNgramLinear"},
		"model_type":      "hashed-ngram",
		"name_or_path":    mc.Name,
		"version":         mc.Version,
		"task":            mc.Task,
		"id2label":        id2label,
		"label2id":        label2id,
		"max_length":      mc.MaxLength,
		"vocab_size":      m.Spec.Vocab,
		"num_buckets":     m.Spec.Buckets,
		"temperature":     mc.Temperature,
		"context_segment": mc.ContextSegment,
		"problem_type":    "single_label_classification",
	}
	if len(mc.Targets) > 0 {
		cfg["targets"] = mc.Targets
	}
	b, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "config.json"), append(b, '\n'), 0o644)
}

func vocabSize(path string) (int64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	var n int64
	for _, c := range b {
		if c == '\n' {
			n++
		}
	}
	if len(b) > 0 && b[len(b)-1] != '\n' {
		n++
	}
	return n, nil
}
