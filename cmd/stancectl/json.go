package main

import (
	"math"
	"math/bits"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"google.golang.org/protobuf/encoding/protojson"

	stancev1 "github.com/stancewatch/stance/gen/stance/v1"
)

// The batch command reads and writes one protobuf JSON message per line.
// protojson goes through reflection and costs more than the rest of the
// client's per-statement work together, so the two message types the
// command handles have direct codecs here. They produce and accept exactly
// what protojson does (compact form, same field order and number
// formatting; TestJSONMatchesProtojson compares them on random messages),
// and fall back to protojson for anything out of the ordinary.

// appendClassification appends the protobuf JSON of c, as
// protojson.Marshal writes it without its random spacing.
func appendClassification(dst []byte, c *stancev1.Classification) ([]byte, error) {
	start := len(dst)
	dst = append(dst, '{')
	comma := false
	field := func(name string) {
		if comma {
			dst = append(dst, ',')
		}
		comma = true
		dst = append(dst, '"')
		dst = append(dst, name...)
		dst = append(dst, '"', ':')
	}
	var ok bool
	if c.GetId() != "" {
		field("id")
		if dst, ok = appendString(dst, c.GetId()); !ok {
			return fallbackMarshal(dst[:start], c)
		}
	}
	if sts := c.GetStances(); len(sts) > 0 {
		field("stances")
		dst = append(dst, '[')
		for i, st := range sts {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, '{')
			inner := false
			sub := func(name string) {
				if inner {
					dst = append(dst, ',')
				}
				inner = true
				dst = append(dst, '"')
				dst = append(dst, name...)
				dst = append(dst, '"', ':')
			}
			if st.GetTarget() != "" {
				sub("target")
				if dst, ok = appendString(dst, st.GetTarget()); !ok {
					return fallbackMarshal(dst[:start], c)
				}
			}
			if st.GetStance() != 0 {
				sub("stance")
				dst = appendEnum(dst, stancev1.Stance_name, int32(st.GetStance()))
			}
			if populated(st.GetConfidence()) {
				sub("confidence")
				dst = appendFloat32(dst, st.GetConfidence())
			}
			if sc := st.GetScores(); len(sc) > 0 {
				sub("scores")
				if dst, ok = appendScores(dst, sc); !ok {
					return fallbackMarshal(dst[:start], c)
				}
			}
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	if s := c.GetSentiment(); s != nil {
		field("sentiment")
		dst = append(dst, '{')
		inner := false
		sub := func(name string) {
			if inner {
				dst = append(dst, ',')
			}
			inner = true
			dst = append(dst, '"')
			dst = append(dst, name...)
			dst = append(dst, '"', ':')
		}
		if s.GetLabel() != 0 {
			sub("label")
			dst = appendEnum(dst, stancev1.SentimentLabel_name, int32(s.GetLabel()))
		}
		if populated(s.GetConfidence()) {
			sub("confidence")
			dst = appendFloat32(dst, s.GetConfidence())
		}
		if sc := s.GetScores(); len(sc) > 0 {
			sub("scores")
			if dst, ok = appendScores(dst, sc); !ok {
				return fallbackMarshal(dst[:start], c)
			}
		}
		dst = append(dst, '}')
	}
	if len(c.ProtoReflect().GetUnknown()) > 0 {
		return fallbackMarshal(dst[:start], c)
	}
	return append(dst, '}'), nil
}

// fallbackMarshal appends protojson's encoding of c: the reference
// behaviour, for what the direct codec does not handle (invalid UTF-8,
// which protojson rejects).
func fallbackMarshal(dst []byte, c *stancev1.Classification) ([]byte, error) {
	return protojson.MarshalOptions{}.MarshalAppend(dst, c)
}

func appendScores(dst []byte, sc []*stancev1.LabelScore) ([]byte, bool) {
	dst = append(dst, '[')
	var ok bool
	for i, l := range sc {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '{')
		if l.GetLabel() != "" {
			dst = append(dst, `"label":`...)
			if dst, ok = appendString(dst, l.GetLabel()); !ok {
				return dst, false
			}
		}
		if populated(l.GetScore()) {
			if l.GetLabel() != "" {
				dst = append(dst, ',')
			}
			dst = append(dst, `"score":`...)
			dst = appendFloat32(dst, l.GetScore())
		}
		dst = append(dst, '}')
	}
	return append(dst, ']'), true
}

// populated reports whether a proto3 float field is emitted: any value but
// positive zero.
func populated(f float32) bool { return math.Float32bits(f) != 0 }

// appendEnum writes an enum value by name, or by number when the value has
// no name, as protojson does.
func appendEnum(dst []byte, names map[int32]string, v int32) []byte {
	if name, ok := names[v]; ok {
		dst = append(dst, '"')
		dst = append(dst, name...)
		return append(dst, '"')
	}
	return strconv.AppendInt(dst, int64(v), 10)
}

// appendFloat32 formats f as protojson formats a float field.
func appendFloat32(dst []byte, f float32) []byte {
	n := float64(f)
	switch {
	case math.IsNaN(n):
		return append(dst, `"NaN"`...)
	case math.IsInf(n, +1):
		return append(dst, `"Infinity"`...)
	case math.IsInf(n, -1):
		return append(dst, `"-Infinity"`...)
	}
	format := byte('f')
	if abs := float32(math.Abs(n)); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, n, format, -1, 32)
	if format == 'e' {
		k := len(dst)
		if k >= 4 && dst[k-4] == 'e' && dst[k-3] == '-' && dst[k-2] == '0' {
			dst[k-2] = dst[k-1]
			dst = dst[:k-1]
		}
	}
	return dst
}

// appendString writes s as a JSON string with protojson's escaping. It
// reports false on invalid UTF-8, which protojson refuses to encode.
func appendString(dst []byte, s string) ([]byte, bool) {
	dst = append(dst, '"')
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= ' ' && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return dst, false
			}
			i += n
			continue
		}
		dst = append(dst, s[last:i]...)
		dst = append(dst, '\\')
		switch c {
		case '"', '\\':
			dst = append(dst, c)
		case '\b':
			dst = append(dst, 'b')
		case '\f':
			dst = append(dst, 'f')
		case '\n':
			dst = append(dst, 'n')
		case '\r':
			dst = append(dst, 'r')
		case '\t':
			dst = append(dst, 't')
		default:
			dst = append(dst, 'u')
			dst = append(dst, "0000"[1+(bits.Len32(uint32(c))-1)/4:]...)
			dst = strconv.AppendUint(dst, uint64(c), 16)
		}
		i++
		last = i
	}
	dst = append(dst, s[last:]...)
	return append(dst, '"'), true
}

// unmarshalStatement decodes one input line. Lines that are a flat JSON
// object of string fields named as Statement's (the form the batch format
// documents) are decoded directly; anything else goes to protojson, which
// also produces the error message for a bad line.
func unmarshalStatement(line []byte, st *stancev1.Statement) error {
	if decodeStatement(line, st) {
		return nil
	}
	st.Reset()
	return protojson.UnmarshalOptions{DiscardUnknown: true}.Unmarshal(line, st)
}

// decodeStatement is the direct decoder. It returns false, leaving st in
// any state, for input it does not handle: then protojson decides.
func decodeStatement(b []byte, st *stancev1.Statement) bool {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return false
	}
	i = skipSpace(b, i+1)
	var seen [4]bool
	if i < len(b) && b[i] == '}' {
		return skipSpace(b, i+1) == len(b)
	}
	for {
		key, j, ok := decodeString(b, i)
		if !ok {
			return false
		}
		j = skipSpace(b, j)
		if j >= len(b) || b[j] != ':' {
			return false
		}
		j = skipSpace(b, j+1)
		val, j, ok := decodeString(b, j)
		if !ok {
			return false // null, numbers, nested values, bad strings: protojson
		}
		var k int
		switch key {
		case "id":
			st.Id, k = val, 0
		case "text":
			st.Text, k = val, 1
		case "context":
			st.Context, k = val, 2
		case "speaker":
			st.Speaker, k = val, 3
		default:
			return false
		}
		if seen[k] {
			return false // protojson rejects a repeated field
		}
		seen[k] = true
		j = skipSpace(b, j)
		if j >= len(b) {
			return false
		}
		switch b[j] {
		case ',':
			i = skipSpace(b, j+1)
		case '}':
			return skipSpace(b, j+1) == len(b)
		default:
			return false
		}
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// decodeString decodes the JSON string starting at b[i]. It handles the
// escapes JSON defines except surrogates, and returns false on anything
// else, including invalid UTF-8 and raw control characters.
func decodeString(b []byte, i int) (s string, next int, ok bool) {
	if i >= len(b) || b[i] != '"' {
		return "", 0, false
	}
	i++
	start := i
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			if !utf8.Valid(b[start:i]) {
				return "", 0, false
			}
			return string(b[start:i]), i + 1, true
		case c == '\\':
			return decodeEscaped(b, start, i)
		case c < ' ':
			return "", 0, false
		}
		i++
	}
	return "", 0, false
}

// decodeEscaped continues decodeString from the first backslash at b[i].
func decodeEscaped(b []byte, start, i int) (string, int, bool) {
	if !utf8.Valid(b[start:i]) {
		return "", 0, false
	}
	out := make([]byte, 0, len(b)-start)
	out = append(out, b[start:i]...)
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			return string(out), i + 1, true
		case c < ' ':
			return "", 0, false
		case c == '\\':
			if i+1 >= len(b) {
				return "", 0, false
			}
			switch e := b[i+1]; e {
			case '"', '\\', '/':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				if i+6 > len(b) {
					return "", 0, false
				}
				v, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 16)
				if err != nil || utf16.IsSurrogate(rune(v)) {
					return "", 0, false
				}
				out = utf8.AppendRune(out, rune(v))
				i += 4
			default:
				return "", 0, false
			}
			i += 2
		default:
			j := i
			for j < len(b) && b[j] != '"' && b[j] != '\\' && b[j] >= ' ' {
				j++
			}
			if !utf8.Valid(b[i:j]) {
				return "", 0, false
			}
			out = append(out, b[i:j]...)
			i = j
		}
	}
	return "", 0, false
}
