package server

import (
	"fmt"
	"strings"
	"unicode/utf8"

	stancev1 "github.com/stancewatch/stance/gen/stance/v1"
	"github.com/stancewatch/stance/model"
	"github.com/stancewatch/stance/quote"
)

// checkStatement adds every problem of st, found at path, to br and
// returns it as a model.Statement.
func (s *Service) checkStatement(br *badRequest, path string, st *stancev1.Statement) model.Statement {
	if st == nil {
		br.add(path, "required")
		return model.Statement{}
	}
	checkText(br, path+".text", st.GetText(), s.opts.MaxTextBytes, true)
	checkText(br, path+".context", st.GetContext(), s.opts.MaxContextBytes, false)
	return model.Statement{Text: st.GetText(), Context: st.GetContext()}
}

// checkDocument adds the problems of an AnalyzeDocument text to br.
func (s *Service) checkDocument(br *badRequest, path, text string) {
	checkText(br, path, text, s.opts.MaxDocumentBytes, true)
}

func checkText(br *badRequest, path, text string, limit int, required bool) {
	switch {
	case required && strings.TrimSpace(text) == "":
		br.add(path, "empty")
	case len(text) > limit:
		br.add(path, "too long: %d bytes, at most %d", len(text), limit)
	case !utf8.ValidString(text):
		br.add(path, "not valid UTF-8")
	}
}

// checkTargets adds every problem of targets to br and returns them, nil
// when none are given (every target).
func (s *Service) checkTargets(br *badRequest, path string, targets []string) []string {
	if len(targets) == 0 {
		return nil
	}
	if len(targets) > len(s.targets) {
		br.add(path, "%d targets, at most %d (the model knows %s)", len(targets), len(s.targets), strings.Join(s.targets, ", "))
	}
	seen := make(map[string]int, len(targets))
	for i, t := range targets {
		field := path + fmt.Sprintf("[%d]", i)
		if _, ok := s.known[t]; !ok {
			br.add(field, "unknown target %q; the model knows %s", t, strings.Join(s.targets, ", "))
			continue
		}
		if first, dup := seen[t]; dup {
			br.add(field, "duplicate of %s[%d]", path, first)
			continue
		}
		seen[t] = i
	}
	return targets
}

// checkEncoding adds an unknown encoding to br and returns the quote
// package's encoding for e.
func checkEncoding(br *badRequest, path string, e stancev1.EncodingType) quote.Encoding {
	switch e {
	case stancev1.EncodingType_ENCODING_TYPE_UNSPECIFIED, stancev1.EncodingType_ENCODING_TYPE_UTF8:
		return quote.UTF8
	case stancev1.EncodingType_ENCODING_TYPE_UTF16:
		return quote.UTF16
	case stancev1.EncodingType_ENCODING_TYPE_UTF32:
		return quote.UTF32
	}
	br.add(path, "unknown encoding type %d; use ENCODING_TYPE_UTF8, ENCODING_TYPE_UTF16 or ENCODING_TYPE_UTF32", int32(e))
	return quote.UTF8
}
