package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"github.com/stancewatch/stance/client"
	stancev1 "github.com/stancewatch/stance/gen/stance/v1"
)

const usage = `usage:
  stancectl classify [-addr A] [-target T]... [-json] TEXT
  stancectl analyze  [-addr A] [-target T]... [-encoding utf8|utf16|utf32] [-json] FILE|-
  stancectl batch    [-addr A] [-target T]... -in IN.jsonl -out OUT.jsonl [-resume]
Run stancectl COMMAND -help for the flags of a command.
`

// targetList is a repeatable -target flag.
type targetList []string

func (t *targetList) String() string     { return strings.Join(*t, ",") }
func (t *targetList) Set(v string) error { *t = append(*t, v); return nil }

// common holds the flags every command has.
type common struct {
	addr    string
	timeout time.Duration
	targets targetList
}

func commonFlags(name string) (*flag.FlagSet, *common) {
	fs := flag.NewFlagSet("stancectl "+name, flag.ExitOnError)
	c := &common{}
	fs.StringVar(&c.addr, "addr", "localhost:50051", "stance server address")
	fs.DurationVar(&c.timeout, "timeout", 30*time.Second, "deadline of each call to the server")
	fs.Var(&c.targets, "target", "target to judge stance toward; repeat it (default: every target the server knows)")
	return fs, c
}

func main() {
	flag.Usage = func() { fmt.Fprint(os.Stderr, usage) }
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	var err error
	switch cmd, args := flag.Arg(0), flag.Args()[1:]; cmd {
	case "classify":
		fs, c := commonFlags(cmd)
		asJSON := fs.Bool("json", false, "print the Classification as protobuf JSON")
		fs.Parse(args)
		if fs.NArg() == 0 {
			fmt.Fprintln(os.Stderr, "stancectl classify: give the statement text as the argument")
			os.Exit(2)
		}
		err = runClassify(ctx, c, strings.Join(fs.Args(), " "), *asJSON)
	case "analyze":
		fs, c := commonFlags(cmd)
		asJSON := fs.Bool("json", false, "print the AnalyzeDocumentResponse as protobuf JSON")
		enc := fs.String("encoding", "utf8", "unit of the printed offsets: utf8 (bytes), utf16 or utf32 (code points)")
		fs.Parse(args)
		if fs.NArg() != 1 {
			fmt.Fprintln(os.Stderr, "stancectl analyze: give one FILE, or - for standard input")
			os.Exit(2)
		}
		err = runAnalyze(ctx, c, fs.Arg(0), *enc, *asJSON)
	case "batch":
		fs, c := commonFlags(cmd)
		var b batchConfig
		fs.StringVar(&b.in, "in", "", "input JSON Lines file of Statements; - for standard input")
		fs.StringVar(&b.out, "out", "", "output JSON Lines file of Classifications; - for standard output")
		fs.BoolVar(&b.resume, "resume", false, "continue an interrupted job: keep the complete lines of -out and skip as many input lines")
		fs.IntVar(&b.window, "window", 1024, "statements in flight (sent but not yet written); bounds memory")
		fs.IntVar(&b.chunk, "chunk", 256, "statements per BatchClassify call; window/chunk calls run at once")
		fs.DurationVar(&b.progress, "progress", 2*time.Second, "interval of progress reports on stderr; 0 turns them off")
		fs.StringVar(&b.cpuProfile, "cpuprofile", "", "write a CPU profile of the job to this file (for go tool pprof)")
		fs.Parse(args)
		if b.in == "" || b.out == "" || fs.NArg() > 0 {
			fmt.Fprintln(os.Stderr, "stancectl batch: give -in and -out, and no arguments")
			os.Exit(2)
		}
		b.common = *c
		err = runBatch(ctx, &b)
	case "help", "-h", "-help":
		fmt.Print(usage)
		return
	default:
		fmt.Fprintf(os.Stderr, "stancectl: unknown command %q\n%s", cmd, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "stancectl: %v\n", err)
		os.Exit(1)
	}
}

func dial(ctx context.Context, c *common) (*client.Client, error) {
	dctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	cl, err := client.Dial(dctx, c.addr, client.WithTimeout(c.timeout))
	if err != nil {
		return nil, fmt.Errorf("%w (is stanced running? start it with `make run`, or pass -addr)", err)
	}
	return cl, nil
}

func runClassify(ctx context.Context, c *common, text string, asJSON bool) (err error) {
	cl, err := dial(ctx, c)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, cl.Close()) }()
	res, err := cl.Classify(ctx, &stancev1.Statement{Text: text}, c.targets...)
	if err != nil {
		return err
	}
	if asJSON {
		return printJSON(os.Stdout, res)
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	printClassification(tw, "", res)
	return tw.Flush()
}

// printClassification writes one row per target and one for sentiment.
func printClassification(w io.Writer, indent string, c *stancev1.Classification) {
	for _, st := range c.GetStances() {
		fmt.Fprintf(w, "%s%s\t%s\t%.2f\t%s\n", indent, st.GetTarget(), enumLabel(st.GetStance().String(), "STANCE_"), st.GetConfidence(), scores(st.GetScores()))
	}
	s := c.GetSentiment()
	fmt.Fprintf(w, "%ssentiment\t%s\t%.2f\t%s\n", indent, enumLabel(s.GetLabel().String(), "SENTIMENT_LABEL_"), s.GetConfidence(), scores(s.GetScores()))
}

func enumLabel(name, prefix string) string {
	return strings.ToLower(strings.TrimPrefix(name, prefix))
}

func scores(ls []*stancev1.LabelScore) string {
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = fmt.Sprintf("%s %.2f", l.GetLabel(), l.GetScore())
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func printJSON(w io.Writer, m proto.Message) error {
	b, err := protojson.MarshalOptions{Multiline: true, Indent: "  "}.Marshal(m)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

var encodings = map[string]stancev1.EncodingType{
	"utf8":  stancev1.EncodingType_ENCODING_TYPE_UTF8,
	"utf16": stancev1.EncodingType_ENCODING_TYPE_UTF16,
	"utf32": stancev1.EncodingType_ENCODING_TYPE_UTF32,
}

func runAnalyze(ctx context.Context, c *common, path, encoding string, asJSON bool) (err error) {
	enc, ok := encodings[strings.ToLower(strings.ReplaceAll(encoding, "-", ""))]
	if !ok {
		return fmt.Errorf("-encoding %q: use utf8, utf16 or utf32", encoding)
	}
	var text []byte
	if path == "-" {
		text, err = io.ReadAll(os.Stdin)
	} else {
		text, err = os.ReadFile(path)
	}
	if err != nil {
		return err
	}
	cl, err := dial(ctx, c)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, cl.Close()) }()
	resp, err := cl.AnalyzeDocument(ctx, &stancev1.AnalyzeDocumentRequest{Id: path, Text: string(text), Targets: c.targets, EncodingType: enc})
	if err != nil {
		return err
	}
	if asJSON {
		return printJSON(os.Stdout, resp)
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%d quotes in %s\n", len(resp.GetQuotes()), path)
	for i, q := range resp.GetQuotes() {
		speaker := q.GetSpeaker()
		if speaker == "" {
			speaker = "(speaker unknown)"
		}
		fmt.Fprintf(tw, "\n[%d] %s  (%s offsets %d-%d, group %d)\n    “%s”\n", i+1, speaker, encoding, q.GetBeginOffset(), q.GetEndOffset(), q.GetGroup(), q.GetText())
		if q.GetClassification() == nil {
			fmt.Fprintf(tw, "    (not classified: past the server's max_quotes_per_document)\n")
			continue
		}
		printClassification(tw, "    ", q.GetClassification())
	}
	return tw.Flush()
}
