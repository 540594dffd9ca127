package quote

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugDump(t *testing.T) {
	path := os.Getenv("QDEBUG")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	d := newDoc(string(b))
	d.analyse()
	for _, e := range d.reg.ents {
		fmt.Printf("ENT %d %q roles=%v g=%c m=%d\n", e.kind, e.name, e.roles, e.gender, len(e.mentions))
	}
	for i, sp := range d.spans {
		fmt.Printf("Q g%d %q -> %q [%s]\n", d.group[i], clipS(d.text[sp.begin:sp.end]), d.speaker[i], d.trace[i])
	}
}

func clipS(s string) string {
	if len(s) > 50 {
		return s[:50]
	}
	return s
}
