package quote

import (
	"os"
	"path/filepath"
	"testing"
)

// tricky are inputs that stress the pairing of marks.
var tricky = []string{
	"",
	"\"",
	"“",
	"'",
	"’",
	"«",
	"„",
	"\"\"",
	"“”",
	"''",
	"\"unclosed",
	"closed\" only",
	"“a “b” c”",
	"‘a “b” c’",
	"'It's the Joneses' car,' she said.",
	"rock 'n' roll in the '90s, the ’80s and ‘70s",
	"He said: \"one\n\"two\n\"three.\"",
	"“one\n\n“two\n\nthree",
	"» reversed « and « spaced »",
	"„German“ and ‚nested‘ and ‹single›",
	"\"a\" \"b\" \"c\" \"",
	"“We are ready,” he said, “from day one.”",
	"Mr. Smith said \"5'10\" tall\" was wrong.",
	"\xff\xfe\"bad\xc3 utf8\"\xe2\x80\x9c",
	"\xe2\x80\x9cincomplete rune \xe2\x80",
	"\r\n\"CRLF\r\nline\"\r\n",
	"\u2028\"line separator\u2029para\"",
	"---\ntitle: \"Front matter\"\n---\nBody \"text\".",
	"He, who, said, \"x\", said he, she, it: \"y\"",
	"A. B. C. \"D.\" E.",
	"( \" ) \" ( ' ) '",
	"According to \"",
	"\"...\" … “…”",
	"the so-called",
	"He Lifeng, \"",
	", , , said \"a\"",
}

// FuzzExtract checks that Extract never panics and that its offsets are
// well formed on any input.
func FuzzExtract(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	for _, dir := range []string{"testdata/articles", "../../shared/seeds"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b))
			}
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkWellFormed(t, text, Extract(text))
	})
}

// checkWellFormed asserts the invariants every Extract result keeps.
func checkWellFormed(t *testing.T, text string, qs []Quote) {
	t.Helper()
	boundary := make(map[int]bool, len(text)+1)
	for i := range text {
		boundary[i] = true
	}
	boundary[len(text)] = true
	prevEnd := 0
	for i, q := range qs {
		if q.Begin < 0 || q.Begin > q.End || q.End > len(text) {
			t.Fatalf("quote %d: offsets [%d:%d] outside text of %d bytes", i, q.Begin, q.End, len(text))
		}
		if q.Text != text[q.Begin:q.End] {
			t.Fatalf("quote %d: Text %q != text[%d:%d] %q", i, q.Text, q.Begin, q.End, text[q.Begin:q.End])
		}
		if !boundary[q.Begin] || !boundary[q.End] {
			t.Fatalf("quote %d: offsets [%d:%d] not on character boundaries", i, q.Begin, q.End)
		}
		if q.Begin < prevEnd {
			t.Fatalf("quote %d [%d:%d] overlaps or precedes the previous one ending at %d", i, q.Begin, q.End, prevEnd)
		}
		if q.Group < 1 || (i > 0 && q.Group < qs[i-1].Group) || (i > 0 && q.Group > qs[i-1].Group+1) || (i == 0 && q.Group != 1) {
			t.Fatalf("quote %d: group %d after %v", i, q.Group, qs[max(i-1, 0)].Group)
		}
		prevEnd = q.End
	}
}
