package main

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stancewatch/stance/model"
)

// BenchmarkCorpusClassify runs model.Set.Classify on the corpus's own
// statements (realistic lengths, with context), from one goroutine per
// core: the model work a loaded server does. BenchmarkClassify in model/
// uses five short statements.
func BenchmarkCorpusClassify(b *testing.B) {
	if _, ok := model.LibraryPath(); !ok {
		b.Skip("ONNX Runtime library not found: run `make ort`")
	}
	rows, err := corpus("../data/train")
	if err != nil {
		b.Fatal(err)
	}
	stmts := make([]model.Statement, len(rows))
	for i, r := range rows {
		stmts[i] = model.Statement{Text: r.Text, Context: r.Context}
	}
	set, err := model.LoadSet(filepath.FromSlash("../models/stance"), filepath.FromSlash("../models/sentiment"), model.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { set.Close() })
	if _, err := set.Classify(b.Context(), stmts, nil); err != nil { // warms the tokenizer cache
		b.Fatal(err)
	}
	for _, n := range []int{1, 16, 64, 256} {
		b.Run(fmt.Sprintf("batch=%d", n), func(b *testing.B) {
			b.RunParallel(func(pb *testing.PB) {
				off := 0
				for pb.Next() {
					off = (off + n*7919) % (len(stmts) - n)
					if _, err := set.Classify(b.Context(), stmts[off:off+n], nil); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "statements/s")
		})
	}
}
