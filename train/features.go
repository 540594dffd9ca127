package train

// The hashed n-gram features below are computed twice: here in Go for
// training, and inside the exported ONNX graph (onnx.go) for serving. The
// two must agree bit for bit; TestGraphMatchesFeatures checks they do.

// Hash constants shared by features and the ONNX graph.
const (
	segments   = 4          // segment ids are capped at 2; 4 leaves room
	modPrime   = 2147483647 // 2^31-1, keeps trigram keys inside int64
	saltBi     = 1000003
	saltTri    = 2000029
	ctxSegment = 2 // tokens after the second [SEP] belong to the context
	lexMul     = 7919
	saltLex    = 3000017
	saltLexP   = 4000037
	lexWindow  = 2 // lexicon pairs look this many tokens ahead
)

// Spec fixes a model's feature space.
type Spec struct {
	Vocab   int64 // tokenizer vocabulary size
	Buckets int64 // rows of the weight table
	Sep     int64 // [SEP] id
	// Pair conjoins every feature with the target: the token right after
	// [CLS]. Stance models set it so one table holds one linear model per
	// target; sentiment models leave it unset.
	Pair bool
	// Lex maps token ids to lexicon classes (lexicon.go); nil disables the
	// lexicon features.
	Lex []int64
}

// Feature is one hashed n-gram occurrence.
type Feature struct {
	Bucket int32
	Ctx    bool // in the context pool rather than the statement pool
}

// Features returns the hashed unigrams, bigrams and trigrams of one
// unpadded row of token ids.
func (s Spec) Features(ids []int, dst []Feature) []Feature {
	dst = dst[:0]
	n := len(ids)
	var g int64
	if s.Pair && n > 1 {
		g = int64(ids[1])
	}
	var seps int64
	at := func(i int) int64 {
		if i < n {
			return int64(ids[i])
		}
		return 0
	}
	for t := range n {
		seg := min(seps, ctxSegment)
		if int64(ids[t]) == s.Sep {
			seps++
		}
		ctx := seg >= ctxSegment
		k1 := (g*segments+seg)*s.Vocab + int64(ids[t])
		dst = append(dst, Feature{Bucket: int32(k1 % s.Buckets), Ctx: ctx})
		if t+1 < n {
			k2 := k1*s.Vocab + at(t+1)
			dst = append(dst, Feature{Bucket: int32((k2 + saltBi) % s.Buckets), Ctx: ctx})
			if t+2 < n {
				k3 := (k2%modPrime)*s.Vocab + at(t+2)
				dst = append(dst, Feature{Bucket: int32((k3 + saltTri) % s.Buckets), Ctx: ctx})
			}
		}
		if s.Lex == nil {
			continue
		}
		c := s.Lex[ids[t]]
		if c == lexNone {
			continue
		}
		kl := (g*segments+seg)*lexClasses + c
		dst = append(dst, Feature{Bucket: int32((kl*lexMul + saltLex) % s.Buckets), Ctx: ctx})
		for d := 1; d <= lexWindow && t+d < n; d++ {
			if c2 := s.Lex[ids[t+d]]; c2 != lexNone {
				kp := kl*lexClasses + c2
				dst = append(dst, Feature{Bucket: int32((kp*lexMul + saltLexP) % s.Buckets), Ctx: ctx})
			}
		}
	}
	return dst
}
