package quote

import (
	"strconv"
	"unicode/utf8"
)

// Encoding names the unit in which a text offset counts, as the
// AnalyzeDocument RPC's encoding_type does.
type Encoding int

const (
	// UTF8 counts bytes of the UTF-8 encoding; it is what Go strings index by.
	UTF8 Encoding = iota
	// UTF16 counts UTF-16 code units, as JavaScript, Java and C# strings do:
	// a character outside the Basic Multilingual Plane (most emoji) counts 2.
	UTF16
	// UTF32 counts Unicode code points, as Python strings do.
	UTF32
)

// String returns the encoding's name.
func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "UTF8"
	case UTF16:
		return "UTF16"
	case UTF32:
		return "UTF32"
	}
	return "Encoding(" + strconv.Itoa(int(e)) + ")"
}

// ConvertOffset converts byteOffset, a UTF-8 byte offset into text such as
// Quote.Begin or Quote.End, to the same position counted in enc's units: the
// number of bytes, UTF-16 code units or code points in text[:byteOffset].
//
// An offset below 0 converts to 0 and one beyond len(text) is clamped to
// len(text). An offset inside a multi-byte character counts the character as
// if it ended there (it never happens for offsets that Extract returns).
// Each invalid UTF-8 byte counts as one code point (one UTF-16 unit), the way
// Go's range loop and most decoders substitute U+FFFD for it. An unknown enc
// is treated as UTF8.
//
// ConvertOffset is O(byteOffset); to convert many offsets into one long text,
// convert them in increasing order with a running count instead.
func ConvertOffset(text string, byteOffset int, enc Encoding) int {
	if byteOffset <= 0 {
		return 0
	}
	if byteOffset > len(text) {
		byteOffset = len(text)
	}
	switch enc {
	case UTF16:
		n := 0
		for i := 0; i < byteOffset; {
			r, size := utf8.DecodeRuneInString(text[i:])
			if r >= 0x10000 {
				n += 2
			} else {
				n++
			}
			i += size
		}
		return n
	case UTF32:
		n := 0
		for i := 0; i < byteOffset; {
			_, size := utf8.DecodeRuneInString(text[i:])
			n++
			i += size
		}
		return n
	}
	return byteOffset
}
