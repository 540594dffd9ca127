package quote

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func TestConvertOffset(t *testing.T) {
	const text = "Zoë said “hi 👋” — café"
	tests := []struct {
		name   string
		prefix string // text[:offset]
		enc    Encoding
		want   int
	}{
		{"start utf8", "", UTF8, 0},
		{"start utf16", "", UTF16, 0},
		{"ascii", "Z", UTF16, 1},
		{"accented utf8", "Zoë", UTF8, 4},
		{"accented utf16", "Zoë", UTF16, 3},
		{"accented utf32", "Zoë", UTF32, 3},
		{"curly quote utf16", "Zoë said “", UTF16, 10},
		{"emoji utf8", "Zoë said “hi 👋", UTF8, 20},
		{"emoji utf16 counts a surrogate pair", "Zoë said “hi 👋", UTF16, 15},
		{"emoji utf32 counts one code point", "Zoë said “hi 👋", UTF32, 14},
		{"whole text utf16", text, UTF16, 23},
		{"whole text utf32", text, UTF32, 22},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.HasPrefix(text, tt.prefix) {
				t.Fatalf("bad test: %q is not a prefix", tt.prefix)
			}
			if got := ConvertOffset(text, len(tt.prefix), tt.enc); got != tt.want {
				t.Errorf("ConvertOffset(%q, %d, %v) = %d, want %d", text, len(tt.prefix), tt.enc, got, tt.want)
			}
		})
	}
}

// TestConvertOffsetAgreesWithStdlib checks every character boundary
// against the standard library's own UTF-16 and rune counts.
func TestConvertOffsetAgreesWithStdlib(t *testing.T) {
	for _, text := range []string{"plain ascii", "Élysée «source» 👋🏽 café", "日本語の“引用”", "a\xffb\xe2\x80c"} {
		for i := range text {
			prefix := text[:i]
			if got, want := ConvertOffset(text, i, UTF32), utf8.RuneCountInString(prefix); got != want {
				t.Errorf("ConvertOffset(%q, %d, UTF32) = %d, want %d", text, i, got, want)
			}
			if got, want := ConvertOffset(text, i, UTF16), len(utf16.Encode([]rune(prefix))); got != want {
				t.Errorf("ConvertOffset(%q, %d, UTF16) = %d, want %d", text, i, got, want)
			}
			if got := ConvertOffset(text, i, UTF8); got != i {
				t.Errorf("ConvertOffset(%q, %d, UTF8) = %d, want %d", text, i, got, i)
			}
		}
	}
}

func TestConvertOffsetClamps(t *testing.T) {
	const text = "héllo"
	for _, tt := range []struct {
		off  int
		enc  Encoding
		want int
	}{
		{-5, UTF16, 0},
		{100, UTF8, len(text)},
		{100, UTF32, 5},
		{3, Encoding(42), 3},
	} {
		if got := ConvertOffset(text, tt.off, tt.enc); got != tt.want {
			t.Errorf("ConvertOffset(%q, %d, %v) = %d, want %d", text, tt.off, tt.enc, got, tt.want)
		}
	}
}
