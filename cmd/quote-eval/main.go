// Command quote-eval scores quote.Extract against the annotated articles.
//
// It reads gold files from quote/testdata: articles/NAME.gold.json beside
// articles/NAME.txt, and seeds/NAME.gold.json whose text is NAME.txt in the
// seeds directory. Each gold quote is located by searching its text in the
// article from the end of the previous match. It prints span precision,
// recall and F1 (exact offsets and any overlap) and speaker accuracy,
// overall, per article and per annotation case.
//
// Usage, from the repository root:
//
//	go run ./cmd/quote-eval [-seeds ../shared/seeds] [-testdata quote/testdata] [-v] [-only NAME]
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/stancewatch/stance/quote"
)

func main() {
	seeds := flag.String("seeds", "../shared/seeds", "directory holding the seed articles NAME.txt")
	testdata := flag.String("testdata", "quote/testdata", "directory holding seeds/ and articles/ gold files")
	verbose := flag.Bool("v", false, "list every missed, spurious and misattributed quote")
	only := flag.String("only", "", "score only articles whose name contains this")
	flag.Parse()
	if err := run(context.Background(), os.Stdout, *seeds, *testdata, *only, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "quote-eval:", err)
		os.Exit(1)
	}
}

// goldFile is the annotation format of quote/testdata.
type goldFile struct {
	Quotes []struct {
		Text    string `json:"text"`
		Speaker string `json:"speaker"`
		Group   int    `json:"group"`
		Case    string `json:"case"`
	} `json:"quotes"`
}

// goldQuote is a gold quote located in its article.
type goldQuote struct {
	begin, end int
	text       string
	speaker    string
	kase       string
}

// article is one scored article.
type article struct {
	name string
	text string
	gold []goldQuote
}

// score accumulates counts for one row of the report.
type score struct {
	pred, gold             int
	exactPred, exactGold   int // predictions / gold quotes with an exact match
	overPred, overGold     int // predictions / gold quotes with an overlapping match
	speakerOK, speakerGold int
}

func (s *score) add(o score) {
	s.pred += o.pred
	s.gold += o.gold
	s.exactPred += o.exactPred
	s.exactGold += o.exactGold
	s.overPred += o.overPred
	s.overGold += o.overGold
	s.speakerOK += o.speakerOK
	s.speakerGold += o.speakerGold
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s score) cells() string {
	ep, er := ratio(s.exactPred, s.pred), ratio(s.exactGold, s.gold)
	op, or := ratio(s.overPred, s.pred), ratio(s.overGold, s.gold)
	return fmt.Sprintf("%4d %4d  %5.3f %5.3f %5.3f  %5.3f %5.3f %5.3f  %5.3f",
		s.gold, s.pred, ep, er, f1(ep, er), op, or, f1(op, or), ratio(s.speakerOK, s.speakerGold))
}

const header = "gold pred  exP   exR   exF1   ovP   ovR   ovF1   spkr"

func run(_ context.Context, w io.Writer, seedsDir, testdata, only string, verbose bool) error {
	arts, err := load(seedsDir, testdata)
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return fmt.Errorf("no gold files under %s/seeds or %s/articles; run from the repository root or pass -testdata", testdata, testdata)
	}
	var total score
	perCase := map[string]*score{}
	var rows []string
	var details []string
	for _, a := range arts {
		if only != "" && !strings.Contains(a.name, only) {
			continue
		}
		s, cases, det := evaluate(a, verbose)
		total.add(s)
		for k, v := range cases {
			if perCase[k] == nil {
				perCase[k] = &score{}
			}
			perCase[k].add(v)
		}
		rows = append(rows, fmt.Sprintf("%-42s %s", a.name, s.cells()))
		details = append(details, det...)
	}
	fmt.Fprintf(w, "%-42s %s\n", "OVERALL", header)
	fmt.Fprintf(w, "%-42s %s\n\n", "all", total.cells())
	fmt.Fprintf(w, "%-42s %s\n", "per case", header)
	var keys []string
	for k := range perCase {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "%-42s %s\n", k, perCase[k].cells())
	}
	fmt.Fprintf(w, "\n%-42s %s\n", "per article", header)
	for _, r := range rows {
		fmt.Fprintln(w, r)
	}
	if verbose {
		fmt.Fprintln(w)
		for _, d := range details {
			fmt.Fprintln(w, d)
		}
	}
	return nil
}

// load reads every gold file and locates its quotes.
func load(seedsDir, testdata string) ([]article, error) {
	var arts []article
	seedGold, _ := filepath.Glob(filepath.Join(testdata, "seeds", "*.gold.json"))
	artGold, _ := filepath.Glob(filepath.Join(testdata, "articles", "*.gold.json"))
	var errs []error
	for _, g := range append(seedGold, artGold...) {
		name := strings.TrimSuffix(filepath.Base(g), ".gold.json")
		txt := strings.TrimSuffix(g, ".gold.json") + ".txt"
		label := "articles/" + name
		if strings.HasPrefix(g, filepath.Join(testdata, "seeds")) {
			txt = filepath.Join(seedsDir, name+".txt")
			label = "seeds/" + name
		}
		a, err := loadArticle(label, txt, g)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
	return arts, errors.Join(errs...)
}

func loadArticle(label, txtPath, goldPath string) (article, error) {
	text, err := os.ReadFile(txtPath)
	if err != nil {
		return article{}, fmt.Errorf("%s: %w (set -seeds to the directory with the seed articles)", label, err)
	}
	raw, err := os.ReadFile(goldPath)
	if err != nil {
		return article{}, err
	}
	var gf goldFile
	if err := json.Unmarshal(raw, &gf); err != nil {
		return article{}, fmt.Errorf("%s: %w", goldPath, err)
	}
	a := article{name: label, text: string(text)}
	pos := 0
	for n, q := range gf.Quotes {
		i := strings.Index(a.text[pos:], q.Text)
		if i < 0 || q.Text == "" {
			return article{}, fmt.Errorf("%s: gold quote %d %q not found after byte %d", goldPath, n+1, q.Text, pos)
		}
		b := pos + i
		a.gold = append(a.gold, goldQuote{begin: b, end: b + len(q.Text), text: q.Text, speaker: q.Speaker, kase: q.Case})
		pos = b + len(q.Text)
	}
	return a, nil
}

func sameSpeaker(a, b string) bool {
	norm := func(s string) string {
		return strings.ToLower(strings.TrimSpace(strings.ReplaceAll(s, "’", "'")))
	}
	return norm(a) == norm(b)
}

func overlaps(b1, e1, b2, e2 int) bool { return b1 < e2 && b2 < e1 }

// evaluate scores one article, overall and by case. A prediction counts
// under the case of the gold quote it overlaps, or "(spurious)".
func evaluate(a article, verbose bool) (score, map[string]score, []string) {
	pred := quote.Extract(a.text)
	var s score
	cases := map[string]score{}
	var det []string
	s.pred, s.gold, s.speakerGold = len(pred), len(a.gold), len(a.gold)
	for _, p := range pred {
		kase := "(spurious)"
		exact, over := false, false
		for _, g := range a.gold {
			if overlaps(p.Begin, p.End, g.begin, g.end) {
				if !over {
					kase = g.kase
				}
				over = true
				if p.Begin == g.begin && p.End == g.end {
					exact, kase = true, g.kase
				}
			}
		}
		c := cases[kase]
		c.pred++
		if exact {
			s.exactPred++
			c.exactPred++
		}
		if over {
			s.overPred++
			c.overPred++
		}
		cases[kase] = c
		if verbose && !exact {
			det = append(det, fmt.Sprintf("%s SPURIOUS [%d:%d] %q speaker=%q", a.name, p.Begin, p.End, clip(p.Text), p.Speaker))
		}
	}
	for _, g := range a.gold {
		c := cases[g.kase]
		c.gold++
		c.speakerGold++
		exact, over, spk := false, false, false
		got := "(none)"
		for _, p := range pred {
			if !overlaps(p.Begin, p.End, g.begin, g.end) {
				continue
			}
			over = true
			if p.Begin == g.begin && p.End == g.end {
				exact = true
			}
			if got == "(none)" || sameSpeaker(p.Speaker, g.speaker) {
				got = p.Speaker
			}
			if sameSpeaker(p.Speaker, g.speaker) {
				spk = true
			}
		}
		if exact {
			s.exactGold++
			c.exactGold++
		}
		if over {
			s.overGold++
			c.overGold++
		}
		if spk {
			s.speakerOK++
			c.speakerOK++
		}
		cases[g.kase] = c
		if verbose && !exact {
			det = append(det, fmt.Sprintf("%s MISSED   [%d:%d] %q (%s)", a.name, g.begin, g.end, clip(g.text), g.kase))
		}
		if verbose && !spk {
			det = append(det, fmt.Sprintf("%s SPEAKER  %q: got %q want %q (%s)", a.name, clip(g.text), got, g.speaker, g.kase))
		}
	}
	return s, cases, det
}

func clip(s string) string {
	s = strings.ReplaceAll(s, "\n", `\n`)
	if len(s) > 60 {
		r := []rune(s)
		if len(r) > 60 {
			return string(r[:57]) + "..."
		}
	}
	return s
}
