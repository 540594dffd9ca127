package quote

import (
	"strings"
	"testing"
)

// TestAttributionRules checks which rule attributes a quote, so that a
// right answer reached by the wrong route shows up.
func TestAttributionRules(t *testing.T) {
	tests := []struct {
		text, rule string
	}{
		{`"We are ready," Healey said.`, "post"},
		{`Healey said the plan was "complete".`, "pre"},
		{"Mr Zelensky said:\n“It did not go well.”", "colon"},
		{`The meeting "could be the first step", according to John Healey.`, "according"},
		{`Allies pledged "full solidarity", a signal that Europe was ready, the Élysée source said.`, "final"},
		{`"Peace talks? With him?" Ihor wanted to know.`, "next"},
		{`Healey said the so-called "Coalition of the Willing" was ready.`, "term"},
		{`He played "Live Forever" twice.`, "nospeaker"},
		{"“We are ready,” said Sir Ed Davey.\n\n“But I am not hopeful.”", "inherit"},
	}
	for _, tt := range tests {
		d := newDoc(tt.text)
		d.analyse()
		last := len(d.spans) - 1
		if last < 0 {
			t.Errorf("%q: no quote", tt.text)
			continue
		}
		if got, _, _ := strings.Cut(d.trace[last], " "); got != tt.rule {
			t.Errorf("%q: attributed by %q, want %q", tt.text, d.trace[last], tt.rule)
		}
	}
}
