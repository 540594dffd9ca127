package server

import (
	"slices"
	"strings"

	stancev1 "github.com/stancewatch/stance/gen/stance/v1"
	"github.com/stancewatch/stance/model"
	"github.com/stancewatch/stance/quote"
)

var stances = map[string]stancev1.Stance{
	"favor":   stancev1.Stance_STANCE_FAVOR,
	"favour":  stancev1.Stance_STANCE_FAVOR,
	"against": stancev1.Stance_STANCE_AGAINST,
	"none":    stancev1.Stance_STANCE_NONE,
	"neutral": stancev1.Stance_STANCE_NONE,
}

var sentiments = map[string]stancev1.SentimentLabel{
	"negative": stancev1.SentimentLabel_SENTIMENT_LABEL_NEGATIVE,
	"neutral":  stancev1.SentimentLabel_SENTIMENT_LABEL_NEUTRAL,
	"positive": stancev1.SentimentLabel_SENTIMENT_LABEL_POSITIVE,
}

// classification converts a model result; labels the enums do not name
// stay UNSPECIFIED, and their scores still carry the model's label names.
func classification(id string, r model.Result) *stancev1.Classification {
	c := &stancev1.Classification{
		Id:      id,
		Stances: make([]*stancev1.TargetStance, len(r.Stances)),
		Sentiment: &stancev1.Sentiment{
			Label:      sentiments[strings.ToLower(r.Sentiment.Label)],
			Confidence: r.Sentiment.Confidence,
			Scores:     labelScores(r.Sentiment),
		},
	}
	for i, ts := range r.Stances {
		c.Stances[i] = &stancev1.TargetStance{
			Target:     ts.Target,
			Stance:     stances[strings.ToLower(ts.Label)],
			Confidence: ts.Confidence,
			Scores:     labelScores(ts.Scores),
		}
	}
	return c
}

func labelScores(s model.Scores) []*stancev1.LabelScore {
	n := min(len(s.Labels), len(s.Probs))
	out := make([]*stancev1.LabelScore, n)
	for i := range n {
		out[i] = &stancev1.LabelScore{Label: s.Labels[i], Score: s.Probs[i]}
	}
	return out
}

func modelInfo(in model.Info) *stancev1.ModelInfo {
	return &stancev1.ModelInfo{
		Name:              in.Name,
		Version:           in.Version,
		Task:              in.Task,
		Labels:            in.Labels,
		Path:              in.Path,
		MaxSequenceLength: int32(in.MaxSequenceLength),
	}
}

// convertOffsets converts the UTF-8 byte offsets of qs into enc units, in
// one pass over text however many quotes there are.
func convertOffsets(text string, qs []quote.Quote, enc quote.Encoding) (begins, ends []int32) {
	begins, ends = make([]int32, len(qs)), make([]int32, len(qs))
	type pos struct {
		byteOff int
		dst     *int32
	}
	ps := make([]pos, 0, 2*len(qs))
	for i, q := range qs {
		ps = append(ps, pos{clamp(q.Begin, len(text)), &begins[i]}, pos{clamp(q.End, len(text)), &ends[i]})
	}
	slices.SortFunc(ps, func(a, b pos) int { return a.byteOff - b.byteOff })
	last, conv := 0, 0
	for _, p := range ps {
		conv += quote.ConvertOffset(text[last:], p.byteOff-last, enc)
		last = p.byteOff
		*p.dst = int32(conv)
	}
	return begins, ends
}

func clamp(off, n int) int { return min(max(off, 0), n) }
