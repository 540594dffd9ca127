package main

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/testing/protocmp"

	"github.com/google/go-cmp/cmp"

	stancev1 "github.com/stancewatch/stance/gen/stance/v1"
)

var jsonPieces = []string{
	"q1", "ceasefire", "sanctions", "favor", "", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f",
	"\x00", "\x1f", "\x7f", "é", "İstanbul", "한국", "🕊️", "\u2028", "\u2029", "\ufffd", "<&>",
	"\xff", "\xc3", "a\xe2\x82", // invalid UTF-8
}

func randString(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(5) {
		b.WriteString(jsonPieces[r.IntN(len(jsonPieces))])
	}
	return b.String()
}

var floatPieces = []float32{0, 1, 0.5, 1e-7, 1e-6, 9.99e-7, 1e20, 1e21, 3.4e38, 1.0 / 3, 0.33333334, 123456.79,
	float32(math.Copysign(0, -1)), float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)), 1.17549435e-38, 1e-45}

func randFloat(r *rand.Rand) float32 {
	if r.IntN(3) == 0 {
		return floatPieces[r.IntN(len(floatPieces))]
	}
	return float32(r.Float64()) * float32(math.Pow(10, float64(r.IntN(50)-25)))
}

func randScores(r *rand.Rand) []*stancev1.LabelScore {
	var out []*stancev1.LabelScore
	for range r.IntN(4) {
		out = append(out, &stancev1.LabelScore{Label: randString(r), Score: randFloat(r)})
	}
	return out
}

func randClassification(r *rand.Rand) *stancev1.Classification {
	c := &stancev1.Classification{Id: randString(r)}
	for range r.IntN(3) {
		c.Stances = append(c.Stances, &stancev1.TargetStance{
			Target:     randString(r),
			Stance:     stancev1.Stance(r.IntN(6) - 1),
			Confidence: randFloat(r),
			Scores:     randScores(r),
		})
	}
	if r.IntN(4) > 0 {
		c.Sentiment = &stancev1.Sentiment{
			Label:      stancev1.SentimentLabel(r.IntN(6) - 1),
			Confidence: randFloat(r),
			Scores:     randScores(r),
		}
	}
	return c
}

// TestJSONMatchesProtojson checks the direct Classification encoder
// against protojson: the same bytes once protojson's random spacing is
// compacted away, and the same error on invalid UTF-8.
func TestJSONMatchesProtojson(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		c := randClassification(r)
		want, wantErr := protojson.Marshal(c)
		got, err := appendClassification(nil, c)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("appendClassification(%v) error = %v, protojson error = %v", c, err, wantErr)
		}
		if err != nil {
			continue
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, want); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, compact.Bytes()) {
			t.Fatalf("appendClassification(%v) =\n%s\nwant (protojson)\n%s", c, got, compact.Bytes())
		}
	}
}

// TestUnmarshalStatementMatchesProtojson checks the direct Statement
// decoder against protojson on generated lines: the same message, or an
// error from both.
func TestUnmarshalStatementMatchesProtojson(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	keys := []string{"id", "text", "context", "speaker", "other", "ID", "text"}
	values := []string{`"a"`, `"\u00e9\n\"x\""`, `"\ud83d\ude00"`, `"\ud83d"`, `"\u12"`, `"\x"`, `""`, `null`, `1`, `{}`, `[]`, `"é"`, "\"\xff\"", "\"a\tb\"", `"\/"`, `"\U0041"`}
	lines := []string{``, `{}`, ` { } `, `{`, `{"id":"a",}`, `{"id":"a"} x`, `[]`, `{"id" "a"}`, `{"id":"a" "text":"b"}`}
	for range 20000 {
		var b strings.Builder
		b.WriteString([]string{"{", " {", "{ "}[r.IntN(3)])
		for i := range r.IntN(5) {
			if i > 0 {
				b.WriteString([]string{",", " , ", ",\t"}[r.IntN(3)])
			}
			b.WriteString(`"` + keys[r.IntN(len(keys))] + `"`)
			b.WriteString([]string{":", " : "}[r.IntN(2)])
			b.WriteString(values[r.IntN(len(values))])
		}
		b.WriteString([]string{"}", "} ", "}\r"}[r.IntN(3)])
		lines = append(lines, b.String())
	}
	opts := protojson.UnmarshalOptions{DiscardUnknown: true}
	for _, line := range lines {
		var want, got stancev1.Statement
		wantErr := opts.Unmarshal([]byte(line), &want)
		err := unmarshalStatement([]byte(line), &got)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("unmarshalStatement(%q) error = %v, protojson error = %v", line, err, wantErr)
		}
		if err != nil {
			continue
		}
		if diff := cmp.Diff(&want, &got, protocmp.Transform()); diff != "" {
			t.Fatalf("unmarshalStatement(%q) mismatch (-protojson +got):\n%s", line, diff)
		}
	}
}

func BenchmarkJSON(b *testing.B) {
	c := &stancev1.Classification{Id: "s123456", Sentiment: &stancev1.Sentiment{Label: 2, Confidence: 0.61234, Scores: []*stancev1.LabelScore{{Label: "negative", Score: 0.2}, {Label: "neutral", Score: 0.61234}, {Label: "positive", Score: 0.18766}}}}
	for _, t := range []string{"ceasefire", "sanctions"} {
		c.Stances = append(c.Stances, &stancev1.TargetStance{Target: t, Stance: 1, Confidence: 0.7, Scores: []*stancev1.LabelScore{{Label: "favor", Score: 0.7}, {Label: "against", Score: 0.1}, {Label: "none", Score: 0.2}}})
	}
	line := []byte(`{"id":"s1","text":"The armistice is an agreement between commanders, not between nations.","context":"\"The armistice is an agreement between commanders,\" a senior official said."}`)
	b.Run("marshal/protojson", func(b *testing.B) {
		for b.Loop() {
			protojson.Marshal(c)
		}
	})
	b.Run("marshal/direct", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			buf, _ = appendClassification(buf[:0], c)
		}
	})
	b.Run("unmarshal/protojson", func(b *testing.B) {
		for b.Loop() {
			var st stancev1.Statement
			protojson.Unmarshal(line, &st)
		}
	})
	b.Run("unmarshal/direct", func(b *testing.B) {
		for b.Loop() {
			var st stancev1.Statement
			unmarshalStatement(line, &st)
		}
	})
}
