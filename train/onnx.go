package train

import (
	"encoding/binary"
	"fmt"
	"math"
	"os"

	"google.golang.org/protobuf/proto"

	"github.com/stancewatch/stance/internal/onnxpb"
)

// ExportONNX writes m as an ONNX graph (opset 17, IR 8) with the inputs
// input_ids and attention_mask (int64 [batch, sequence]) and the output
// logits (float32 [batch, classes]). The graph recomputes Spec.Features
// from the token ids, so it needs nothing but the tokenizer in front of it.
func ExportONNX(m *Linear, path string) error {
	g := &graph{}
	s := m.Spec
	g.constI64("c_sep", s.Sep)
	g.constI64("c_two", ctxSegment)
	g.constI64("c_zero", 0)
	g.constI64("c_segments", segments)
	g.constI64("c_vocab", s.Vocab)
	g.constI64("c_prime", modPrime)
	g.constI64("c_buckets", s.Buckets)
	g.constI64("c_salt_bi", saltBi)
	g.constI64("c_salt_tri", saltTri)
	g.constF32("c_one", 1)
	g.vecI64("c_axis1", 1)
	g.vecI64("c_start1", 1)
	g.vecI64("c_end_max", math.MaxInt64)

	// Segment of each token: how many [SEP] precede it, capped at 2.
	g.node("Equal", []string{"input_ids", "c_sep"}, "is_sep")
	g.cast("is_sep", "is_sep_i", onnxpb.TensorProto_INT64)
	g.node("CumSum", []string{"is_sep_i", "c_zero_axis"}, "seg_raw", intAttr("exclusive", 1))
	g.constI64("c_zero_axis", 1)
	g.node("Min", []string{"seg_raw", "c_two"}, "seg")

	// Target conjunction: the token right after [CLS].
	target := "c_zero"
	if s.Pair {
		g.constI64("c_idx1", 1)
		g.node("Gather", []string{"input_ids", "c_idx1"}, "target_flat", intAttr("axis", 1))
		g.node("Unsqueeze", []string{"target_flat", "c_axis1"}, "target")
		target = "target"
	}

	// Shifted copies: next token ids and masks, zero past the end.
	g.vecI64("c_pad_end1", 0, 0, 0, 1)
	shift := func(in, out string) {
		g.node("Slice", []string{in, "c_start1", "c_end_max", "c_axis1"}, out+"_tail")
		g.node("Pad", []string{out + "_tail", "c_pad_end1"}, out)
	}
	shift("input_ids", "next1")
	shift("next1", "next2")
	shift("attention_mask", "mask_next1")
	shift("mask_next1", "mask_next2")
	shift("mask_next2", "mask_next3")

	// Keys and buckets, as Spec.Features computes them.
	g.node("Mul", []string{target, "c_segments"}, "k_t1")
	g.node("Add", []string{"k_t1", "seg"}, "k_t2")
	g.node("Mul", []string{"k_t2", "c_vocab"}, "k_t3")
	g.node("Add", []string{"k_t3", "input_ids"}, "key1")
	g.node("Mul", []string{"key1", "c_vocab"}, "k2_t")
	g.node("Add", []string{"k2_t", "next1"}, "key2")
	g.node("Mod", []string{"key2", "c_prime"}, "k3_m")
	g.node("Mul", []string{"k3_m", "c_vocab"}, "k3_t")
	g.node("Add", []string{"k3_t", "next2"}, "key3")
	g.node("Mod", []string{"key1", "c_buckets"}, "bucket1")
	g.node("Add", []string{"key2", "c_salt_bi"}, "key2s")
	g.node("Mod", []string{"key2s", "c_buckets"}, "bucket2")
	g.node("Add", []string{"key3", "c_salt_tri"}, "key3s")
	g.node("Mod", []string{"key3s", "c_buckets"}, "bucket3")

	// Validity of each n-gram and the pool it belongs to.
	g.cast("attention_mask", "valid1", onnxpb.TensorProto_FLOAT)
	g.cast("mask_next1", "mask_next1_f", onnxpb.TensorProto_FLOAT)
	g.cast("mask_next2", "mask_next2_f", onnxpb.TensorProto_FLOAT)
	g.node("Mul", []string{"valid1", "mask_next1_f"}, "valid2")
	g.node("Mul", []string{"valid2", "mask_next2_f"}, "valid3")
	g.node("GreaterOrEqual", []string{"seg", "c_two"}, "is_ctx_b")
	g.cast("is_ctx_b", "is_ctx", onnxpb.TensorProto_FLOAT)
	g.node("Sub", []string{"c_one", "is_ctx"}, "is_stmt")
	g.cast("mask_next3", "mask_next3_f", onnxpb.TensorProto_FLOAT)

	// Every feature is a (bucket, validity) pair pooled below.
	type feat struct{ bucket, valid string }
	feats := []feat{{"bucket1", "valid1"}, {"bucket2", "valid2"}, {"bucket3", "valid3"}}

	// Lexicon classes: a class unigram where the token has a class, and a
	// class pair with each classed token up to lexWindow ahead.
	if s.Lex != nil {
		g.constI64("c_lex_classes", lexClasses)
		g.constI64("c_lex_mul", lexMul)
		g.constI64("c_salt_lex", saltLex)
		g.constI64("c_salt_lexp", saltLexP)
		g.tensorI64("LEX", s.Lex, []int64{int64(len(s.Lex))})
		g.node("Gather", []string{"LEX", "input_ids"}, "lex", intAttr("axis", 0))
		g.node("Greater", []string{"lex", "c_zero"}, "has_lex_b")
		g.cast("has_lex_b", "has_lex", onnxpb.TensorProto_FLOAT)
		g.node("Mul", []string{"valid1", "has_lex"}, "valid_lex")
		g.node("Mul", []string{"k_t2", "c_lex_classes"}, "kl_t")
		g.node("Add", []string{"kl_t", "lex"}, "kl")
		g.node("Mul", []string{"kl", "c_lex_mul"}, "kl_m")
		g.node("Add", []string{"kl_m", "c_salt_lex"}, "kl_s")
		g.node("Mod", []string{"kl_s", "c_buckets"}, "bucket_lex")
		feats = append(feats, feat{"bucket_lex", "valid_lex"})
		prev := "lex"
		for d := 1; d <= lexWindow; d++ {
			ds := string(rune('0' + d))
			next := "lex_next" + ds
			shift(prev, next)
			prev = next
			g.node("Greater", []string{next, "c_zero"}, next+"_has_b")
			g.cast(next+"_has_b", next+"_has", onnxpb.TensorProto_FLOAT)
			g.node("Mul", []string{"valid_lex", "mask_next" + ds + "_f"}, next+"_v1")
			g.node("Mul", []string{next + "_v1", next + "_has"}, "valid_lexp"+ds)
			g.node("Mul", []string{"kl", "c_lex_classes"}, next+"_k1")
			g.node("Add", []string{next + "_k1", next}, next+"_k2")
			g.node("Mul", []string{next + "_k2", "c_lex_mul"}, next+"_k3")
			g.node("Add", []string{next + "_k3", "c_salt_lexp"}, next+"_k4")
			g.node("Mod", []string{next + "_k4", "c_buckets"}, "bucket_lexp"+ds)
			feats = append(feats, feat{"bucket_lexp" + ds, "valid_lexp" + ds})
		}
	}

	// W gets one extra row of zeros: a feature that is not valid at a
	// position (past the end, no lexicon class) gathers that row instead
	// of being multiplied by zero afterwards, which costs ONNX Runtime a
	// broadcast multiply per feature.
	w := append(append([]float32(nil), m.W...), make([]float32, m.Classes)...)
	g.weights("W", w, []int64{s.Buckets + 1, int64(m.Classes)})
	g.weights("bias", m.Bias, []int64{int64(m.Classes)})
	g.vecI64("c_axis_last", -1)
	g.constI64("c_zero_row", s.Buckets)

	// One Gather for every feature of every token: [batch, seq, features,
	// classes].
	var idxs, counts []string
	for k, f := range feats {
		ks := fmt.Sprint(k)
		g.cast(f.valid, f.valid+"_b", onnxpb.TensorProto_BOOL)
		g.node("Where", []string{f.valid + "_b", f.bucket, "c_zero_row"}, "idx"+ks)
		g.node("Unsqueeze", []string{"idx" + ks, "c_axis_last"}, "idx"+ks+"_u")
		idxs = append(idxs, "idx"+ks+"_u")
		counts = append(counts, f.valid)
	}
	g.node("Concat", idxs, "idx", intAttr("axis", 2))
	g.node("Gather", []string{"W", "idx"}, "e", intAttr("axis", 0))
	g.node("Sum", counts, "cnt_tok")

	// The statement and context pools: a batched [1, seq] x [seq,
	// features*classes] product with each pool's token mask sums the
	// gathered rows of its tokens per feature; the features are then
	// summed and divided by the pool's feature count.
	g.vecI64("c_tok_rows", 0, 0, -1)
	g.vecI64("c_feat_rows", 0, int64(len(feats)), int64(m.Classes))
	g.node("Reshape", []string{"e", "c_tok_rows"}, "e_tok")
	for _, pool := range []string{"stmt", "ctx"} {
		g.node("Unsqueeze", []string{"is_" + pool, "c_axis1"}, "is_"+pool+"_row")
		g.node("MatMul", []string{"is_" + pool + "_row", "e_tok"}, pool+"_feat_flat")
		g.node("Reshape", []string{pool + "_feat_flat", "c_feat_rows"}, pool+"_feat")
		g.node("ReduceSum", []string{pool + "_feat", "c_axis1"}, pool+"_sum", intAttr("keepdims", 0))
		g.node("Mul", []string{"cnt_tok", "is_" + pool}, pool+"_cnt_tok")
		g.node("ReduceSum", []string{pool + "_cnt_tok", "c_axis1"}, pool+"_cnt", intAttr("keepdims", 1))
		g.node("Max", []string{pool + "_cnt", "c_one"}, pool+"_den")
		g.node("Div", []string{pool + "_sum", pool + "_den"}, pool+"_mean")
	}
	g.node("Add", []string{"stmt_mean", "ctx_mean"}, "pooled")
	g.node("Add", []string{"pooled", "bias"}, "logits")

	model := &onnxpb.ModelProto{
		IrVersion:       proto.Int64(8),
		ProducerName:    proto.String("stance-train"),
		ProducerVersion: proto.String("1"),
		OpsetImport:     []*onnxpb.OperatorSetIdProto{{Domain: proto.String(""), Version: proto.Int64(17)}},
		Graph: &onnxpb.GraphProto{
			Name:        proto.String("hashed_ngram_linear"),
			Node:        g.nodes,
			Initializer: g.inits,
			Input: []*onnxpb.ValueInfoProto{
				tensorInfo("input_ids", onnxpb.TensorProto_INT64, dimParam("batch"), dimParam("sequence")),
				tensorInfo("attention_mask", onnxpb.TensorProto_INT64, dimParam("batch"), dimParam("sequence")),
			},
			Output: []*onnxpb.ValueInfoProto{
				tensorInfo("logits", onnxpb.TensorProto_FLOAT, dimParam("batch"), dimValue(int64(m.Classes))),
			},
		},
	}
	b, err := proto.MarshalOptions{Deterministic: true}.Marshal(model)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

type graph struct {
	nodes []*onnxpb.NodeProto
	inits []*onnxpb.TensorProto
}

func (g *graph) node(op string, in []string, out string, attrs ...*onnxpb.AttributeProto) {
	g.nodes = append(g.nodes, &onnxpb.NodeProto{
		OpType: proto.String(op), Name: proto.String(out + "_" + op),
		Input: in, Output: []string{out}, Attribute: attrs,
	})
}

func (g *graph) cast(in, out string, to onnxpb.TensorProto_DataType) {
	g.node("Cast", []string{in}, out, intAttr("to", int64(to)))
}

func (g *graph) constI64(name string, v int64) {
	g.inits = append(g.inits, &onnxpb.TensorProto{
		Name: proto.String(name), DataType: proto.Int32(int32(onnxpb.TensorProto_INT64)), Int64Data: []int64{v},
	})
}

func (g *graph) vecI64(name string, v ...int64) {
	g.inits = append(g.inits, &onnxpb.TensorProto{
		Name: proto.String(name), DataType: proto.Int32(int32(onnxpb.TensorProto_INT64)),
		Dims: []int64{int64(len(v))}, Int64Data: v,
	})
}

func (g *graph) tensorI64(name string, v []int64, dims []int64) {
	raw := make([]byte, 8*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint64(raw[8*i:], uint64(x))
	}
	g.inits = append(g.inits, &onnxpb.TensorProto{
		Name: proto.String(name), DataType: proto.Int32(int32(onnxpb.TensorProto_INT64)),
		Dims: dims, RawData: raw,
	})
}

func (g *graph) constF32(name string, v float32) {
	g.inits = append(g.inits, &onnxpb.TensorProto{
		Name: proto.String(name), DataType: proto.Int32(int32(onnxpb.TensorProto_FLOAT)), FloatData: []float32{v},
	})
}

func (g *graph) weights(name string, v []float32, dims []int64) {
	raw := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(raw[4*i:], math.Float32bits(x))
	}
	g.inits = append(g.inits, &onnxpb.TensorProto{
		Name: proto.String(name), DataType: proto.Int32(int32(onnxpb.TensorProto_FLOAT)),
		Dims: dims, RawData: raw,
	})
}

func intAttr(name string, v int64) *onnxpb.AttributeProto {
	return &onnxpb.AttributeProto{Name: proto.String(name), Type: onnxpb.AttributeProto_INT.Enum(), I: proto.Int64(v)}
}

func dimParam(p string) *onnxpb.TensorShapeProto_Dimension {
	return &onnxpb.TensorShapeProto_Dimension{Value: &onnxpb.TensorShapeProto_Dimension_DimParam{DimParam: p}}
}

func dimValue(v int64) *onnxpb.TensorShapeProto_Dimension {
	return &onnxpb.TensorShapeProto_Dimension{Value: &onnxpb.TensorShapeProto_Dimension_DimValue{DimValue: v}}
}

func tensorInfo(name string, t onnxpb.TensorProto_DataType, dims ...*onnxpb.TensorShapeProto_Dimension) *onnxpb.ValueInfoProto {
	return &onnxpb.ValueInfoProto{
		Name: proto.String(name),
		Type: &onnxpb.TypeProto{Value: &onnxpb.TypeProto_TensorType{TensorType: &onnxpb.TypeProto_Tensor{
			ElemType: proto.Int32(int32(t)),
			Shape:    &onnxpb.TensorShapeProto{Dim: dims},
		}}},
	}
}
