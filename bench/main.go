// Command stance-bench is the load generator behind scripts/bench.sh.
//
//	stance-bench gen -n 100000 -out stmts.jsonl     statements from data/train, cycled with distinct ids
//	stance-bench health -addr A -wait 60s           waits until A reports SERVING
//	stance-bench load -addr A -rpc unary|batch|stream ... BatchClassify or StreamClassify under load
//
// It is a benchmark tool, not part of the service; speed is never asserted.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	stancev1 "github.com/stancewatch/stance/gen/stance/v1"
)

const usage = `usage:
  stance-bench gen    [-data DIR] -n N -out FILE
  stance-bench ghzdata [-data DIR] -n N -out FILE
  stance-bench ghzsum FILE                        prints "rps p50_ms p99_ms ok errors" of a ghz -O json report
  stance-bench health -addr A [-wait D]
  stance-bench load   -addr A -rpc unary|batch|stream [-c C] [-batch B] [-window W] [-d D]
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "gen":
		fs := flag.NewFlagSet("gen", flag.ExitOnError)
		data := fs.String("data", "data/train", "directory of *.jsonl corpus shards")
		n := fs.Int("n", 100000, "statements to write")
		out := fs.String("out", "-", "output file; - for standard output")
		fs.Parse(args)
		err = gen(*data, *n, *out)
	case "ghzdata":
		fs := flag.NewFlagSet("ghzdata", flag.ExitOnError)
		data := fs.String("data", "data/train", "directory of *.jsonl corpus shards")
		n := fs.Int("n", 512, "distinct ClassifyRequests")
		out := fs.String("out", "-", "output file; - for standard output")
		fs.Parse(args)
		err = ghzData(*data, *n, *out)
	case "ghzsum":
		if len(args) != 1 {
			fmt.Fprint(os.Stderr, usage)
			os.Exit(2)
		}
		err = ghzSummary(args[0])
	case "health":
		fs := flag.NewFlagSet("health", flag.ExitOnError)
		addr := fs.String("addr", "127.0.0.1:50051", "server address")
		wait := fs.Duration("wait", time.Minute, "how long to wait for SERVING")
		fs.Parse(args)
		err = health(*addr, *wait)
	case "load":
		fs := flag.NewFlagSet("load", flag.ExitOnError)
		var l loadConfig
		fs.StringVar(&l.addr, "addr", "127.0.0.1:50051", "server address")
		fs.StringVar(&l.rpc, "rpc", "batch", "unary (Classify), batch (BatchClassify) or stream (StreamClassify)")
		fs.IntVar(&l.conc, "c", 4, "concurrent calls (batch) or streams (stream)")
		fs.IntVar(&l.batch, "batch", 128, "statements per BatchClassify call")
		fs.IntVar(&l.window, "window", 1024, "items in flight per stream")
		fs.Float64Var(&l.rate, "rate", 0, "unary only: start this many calls a second, each on its own goroutine (open loop), instead of -c callers in a loop")
		fs.DurationVar(&l.dur, "d", 10*time.Second, "how long to run")
		fs.StringVar(&l.data, "data", "data/train", "directory of *.jsonl corpus shards")
		fs.Parse(args)
		err = load(&l)
	default:
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "stance-bench: %v\n", err)
		os.Exit(1)
	}
}

type corpusRow struct {
	Text    string `json:"text"`
	Context string `json:"context"`
}

// corpus reads the texts and contexts of every *.jsonl file in dir.
func corpus(dir string) ([]corpusRow, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	var rows []corpusRow
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var r corpusRow
			if json.Unmarshal(sc.Bytes(), &r) == nil && r.Text != "" {
				rows = append(rows, r)
			}
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("no statements in %s/*.jsonl", dir)
	}
	return rows, nil
}

// gen writes n Statements in protobuf JSON, cycling through the corpus
// with distinct ids.
func gen(dir string, n int, out string) (err error) {
	rows, err := corpus(dir)
	if err != nil {
		return err
	}
	var w io.Writer = os.Stdout
	if out != "-" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer func() { err = errors.Join(err, f.Close()) }()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range n {
		r := rows[i%len(rows)]
		if err := enc.Encode(struct {
			ID      string `json:"id"`
			Text    string `json:"text"`
			Context string `json:"context,omitempty"`
		}{fmt.Sprintf("s%d", i+1), r.Text, r.Context}); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ghzData writes a JSON array of n ClassifyRequests for ghz -D, which
// sends the messages of an array round-robin.
func ghzData(dir string, n int, out string) (err error) {
	rows, err := corpus(dir)
	if err != nil {
		return err
	}
	type stmt struct {
		ID      string `json:"id"`
		Text    string `json:"text"`
		Context string `json:"context,omitempty"`
	}
	reqs := make([]struct {
		Statement stmt `json:"statement"`
	}, n)
	// Spread the picks over the whole corpus, not just its first shard.
	for i := range reqs {
		r := rows[(i*7919)%len(rows)]
		reqs[i].Statement = stmt{fmt.Sprintf("g%d", i+1), r.Text, r.Context}
	}
	b, err := json.Marshal(reqs)
	if err != nil {
		return err
	}
	if out == "-" {
		_, err = os.Stdout.Write(b)
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

// ghzSummary prints the throughput, median and 99th percentile latency
// and the count of OK and failed calls of a ghz JSON report.
func ghzSummary(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var r struct {
		RPS     float64 `json:"rps"`
		Latency []struct {
			Percentage int   `json:"percentage"`
			Latency    int64 `json:"latency"`
		} `json:"latencyDistribution"`
		Codes map[string]int `json:"statusCodeDistribution"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	var p50, p99 float64
	for _, l := range r.Latency {
		switch l.Percentage {
		case 50:
			p50 = float64(l.Latency) / 1e6
		case 99:
			p99 = float64(l.Latency) / 1e6
		}
	}
	failed := 0
	for code, n := range r.Codes {
		if code != "OK" {
			failed += n
		}
	}
	fmt.Printf("%.0f %.2f %.2f %d %d\n", r.RPS, p50, p99, r.Codes["OK"], failed)
	return nil
}

// health waits until addr reports SERVING for the stance service.
func health(addr string, wait time.Duration) error {
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	hc := healthpb.NewHealthClient(conn)
	deadline := time.Now().Add(wait)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		resp, err := hc.Check(ctx, &healthpb.HealthCheckRequest{Service: "stance.v1.StanceService"})
		cancel()
		if err == nil && resp.GetStatus() == healthpb.HealthCheckResponse_SERVING {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s not SERVING after %v: %v %v", addr, wait, resp.GetStatus(), err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

type loadConfig struct {
	addr, rpc, data string
	conc, batch     int
	window          int
	rate            float64
	dur             time.Duration
}

// load drives Classify (c concurrent callers), BatchClassify (c callers,
// batch statements per call) or StreamClassify (c streams, each with at
// most window items in flight) for a fixed time, and prints one JSON line
// of results: statements/s, calls/s and call (unary, batch) or item
// (stream) latency percentiles.
func load(l *loadConfig) error {
	rows, err := corpus(l.data)
	if err != nil {
		return err
	}
	stmts := make([]*stancev1.Statement, len(rows))
	for i, r := range rows {
		stmts[i] = &stancev1.Statement{Id: fmt.Sprintf("s%d", i+1), Text: r.Text, Context: r.Context}
	}
	conn, err := grpc.NewClient(l.addr, grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(64<<20), grpc.MaxCallSendMsgSize(64<<20)))
	if err != nil {
		return err
	}
	defer conn.Close()
	rpc := stancev1.NewStanceServiceClient(conn)
	ctx, cancel := context.WithTimeout(context.Background(), l.dur)
	defer cancel()

	var (
		mu       sync.Mutex
		lat      []time.Duration
		n, calls int
		firstErr error
	)
	var wg sync.WaitGroup
	start := time.Now()
	if l.rpc == "unary" && l.rate > 0 {
		lat, n, firstErr = loadRate(ctx, rpc, stmts, l.rate)
		calls = n
		l.conc = 0
	}
	for w := range l.conc {
		wg.Go(func() {
			var myLat []time.Duration
			var myN, myCalls int
			var err error
			switch l.rpc {
			case "batch":
				myLat, myN, myCalls, err = loadBatch(ctx, rpc, stmts, w, l.batch)
			case "stream":
				myLat, myN, myCalls, err = loadStream(ctx, rpc, stmts, w, l.window)
			case "unary":
				myLat, myN, myCalls, err = loadUnary(ctx, rpc, stmts, w)
			default:
				err = fmt.Errorf("-rpc %q: use unary, batch or stream", l.rpc)
			}
			mu.Lock()
			defer mu.Unlock()
			lat = append(lat, myLat...)
			n += myN
			calls += myCalls
			if err != nil && firstErr == nil {
				firstErr = err
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if firstErr != nil {
		return firstErr
	}
	slices.Sort(lat)
	pct := func(p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return float64(lat[min(int(p*float64(len(lat))), len(lat)-1)]) / 1e6
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"rpc": l.rpc, "concurrency": l.conc, "batch": l.batch, "seconds": elapsed.Seconds(),
		"statements": n, "calls": calls,
		"statements_per_s": float64(n) / elapsed.Seconds(),
		"calls_per_s":      float64(calls) / elapsed.Seconds(),
		"p50_ms":           pct(0.50), "p99_ms": pct(0.99),
	})
}

func loadUnary(ctx context.Context, rpc stancev1.StanceServiceClient, stmts []*stancev1.Statement, w int) (lat []time.Duration, n, calls int, err error) {
	for i := w * 7919; ctx.Err() == nil; i++ {
		t := time.Now()
		if _, err := rpc.Classify(ctx, &stancev1.ClassifyRequest{Statement: stmts[i%len(stmts)]}); err != nil {
			if runEnded(ctx, err) {
				break
			}
			return lat, n, calls, err
		}
		lat = append(lat, time.Since(t))
		n++
		calls++
	}
	return lat, n, calls, nil
}

// loadRate starts rate Classify calls a second until ctx ends, each on its
// own goroutine, whatever the answers' latency: the load of many
// independent callers.
func loadRate(ctx context.Context, rpc stancev1.StanceServiceClient, stmts []*stancev1.Statement, rate float64) (lat []time.Duration, n int, err error) {
	var (
		mu sync.Mutex
		wg sync.WaitGroup
	)
	interval := time.Duration(float64(time.Second) / rate)
	next := time.Now()
	for i := 0; ctx.Err() == nil; i++ {
		time.Sleep(time.Until(next))
		next = next.Add(interval)
		wg.Go(func() {
			t := time.Now()
			cctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_, cerr := rpc.Classify(cctx, &stancev1.ClassifyRequest{Statement: stmts[i%len(stmts)]})
			d := time.Since(t)
			mu.Lock()
			defer mu.Unlock()
			if cerr != nil {
				if err == nil {
					err = cerr
				}
				return
			}
			lat = append(lat, d)
			n++
		})
	}
	wg.Wait()
	return lat, n, err
}

func loadBatch(ctx context.Context, rpc stancev1.StanceServiceClient, stmts []*stancev1.Statement, w, size int) (lat []time.Duration, n, calls int, err error) {
	off := w * size
	for ctx.Err() == nil {
		req := &stancev1.BatchClassifyRequest{Statements: make([]*stancev1.Statement, size)}
		for i := range size {
			req.Statements[i] = stmts[(off+i)%len(stmts)]
		}
		off += size
		t := time.Now()
		resp, err := rpc.BatchClassify(ctx, req)
		if err != nil {
			if runEnded(ctx, err) {
				break
			}
			return lat, n, calls, err
		}
		if len(resp.GetClassifications()) != size {
			return lat, n, calls, fmt.Errorf("BatchClassify answered %d of %d", len(resp.GetClassifications()), size)
		}
		lat = append(lat, time.Since(t))
		n += size
		calls++
	}
	return lat, n, calls, nil
}

// loadStream sends statements on one stream until ctx ends, then
// half-closes and drains; latency is per item, send to receive.
func loadStream(ctx context.Context, rpc stancev1.StanceServiceClient, stmts []*stancev1.Statement, w, window int) (lat []time.Duration, n, calls int, err error) {
	sctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := rpc.StreamClassify(sctx)
	if err != nil {
		return nil, 0, 0, err
	}
	sent := make(chan time.Time, max(window, 1)) // bounds the items in flight
	sendErr := make(chan error, 1)
	go func() {
		defer close(sent)
		for i := w * 7919; ctx.Err() == nil; i++ {
			sent <- time.Now()
			if err := s.Send(&stancev1.StreamClassifyRequest{Statement: stmts[i%len(stmts)]}); err != nil {
				sendErr <- err
				return
			}
		}
		sendErr <- s.CloseSend()
	}()
	for t := range sent {
		resp, err := s.Recv()
		if err != nil {
			return lat, n, 1, err
		}
		if resp.GetError() != nil {
			return lat, n, 1, fmt.Errorf("item error: %v", resp.GetError())
		}
		lat = append(lat, time.Since(t))
		n++
	}
	if err := <-sendErr; err != nil {
		return lat, n, 1, err
	}
	if _, err := s.Recv(); err != io.EOF {
		return lat, n, 1, fmt.Errorf("stream did not end after the last answer: %v", err)
	}
	return lat, n, 1, nil
}

// runEnded reports whether err only means the load run's deadline passed.
// The server sees the propagated deadline a moment before the client's own
// timer fires, so a DEADLINE_EXCEEDED status can arrive while ctx.Err() is
// still nil.
func runEnded(ctx context.Context, err error) bool {
	return ctx.Err() != nil || status.Code(err) == codes.DeadlineExceeded
}
