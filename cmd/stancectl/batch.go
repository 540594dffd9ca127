package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/stancewatch/stance/client"
	stancev1 "github.com/stancewatch/stance/gen/stance/v1"
)

// maxLineBytes bounds one input line; a longer line becomes an error
// record without being held in memory.
const maxLineBytes = 4 << 20

// maxChunkBytes bounds the statement text in one BatchClassify call, well
// under the server's default 16 MiB message limit.
const maxChunkBytes = 4 << 20

type batchConfig struct {
	common
	in, out  string
	resume   bool
	window   int // statements in flight: sent and not yet written
	chunk    int // statements per BatchClassify call
	progress time.Duration
	// cpuProfile, when set, is where the job's CPU profile is written.
	cpuProfile string
}

// record is one input line on its way to the output, in input order.
type record struct {
	line int
	id   string
	err  string // why the line was not sent; empty when sent
	stmt int    // index of its statement in the chunk; -1 when not sent
}

// chunk is a run of consecutive input lines and the one BatchClassify call
// that classifies their statements. done is closed once the call (and any
// per-statement retry) has finished.
type chunk struct {
	recs  []record
	stmts []*stancev1.Statement
	bytes int

	done    chan struct{}
	res     []*stancev1.Classification
	itemErr []string // per statement, when classified one by one
	err     error    // the job cannot go on
}

// errorRecord is the output line standing for an input line that could not
// be classified.
type errorRecord struct {
	ID    string `json:"id"`
	Line  int    `json:"line"`
	Error string `json:"error"`
}

// runBatch classifies a JSON Lines file of statements. A reader goroutine
// parses lines into chunks and starts one BatchClassify call per chunk, at
// most window/chunk calls ahead of the writer, which writes the chunks'
// answers in input order. Memory is bounded by the calls in flight,
// however long the input.
func runBatch(ctx context.Context, b *batchConfig) (err error) {
	if b.cpuProfile != "" {
		f, err := os.Create(b.cpuProfile)
		if err != nil {
			return fmt.Errorf("-cpuprofile: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return fmt.Errorf("-cpuprofile: %w", err)
		}
		defer func() {
			pprof.StopCPUProfile()
			err = errors.Join(err, f.Close())
		}()
	}
	if os.Getenv("GOGC") == "" {
		// The live heap is a few MB, so the default GOGC collects every
		// few hundred statements; this trades ~20 MB for fewer cycles.
		debug.SetGCPercent(400)
	}
	in := os.Stdin
	if b.in != "-" {
		if in, err = os.Open(b.in); err != nil {
			return err
		}
		defer in.Close()
	}
	out, skip, err := openOutput(b.out, b.resume)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, out.Close()) }()
	if skip > 0 {
		fmt.Fprintf(os.Stderr, "stancectl batch: resuming after line %d\n", skip)
	}

	cl, err := dial(ctx, &b.common)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, cl.Close()) }()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	size := max(b.chunk, 1)
	if limit := int(cl.ModelInfo().GetMaxBatchSize()); limit > 0 {
		size = min(size, limit)
	}
	ahead := max(b.window/size, 1)
	chunks := make(chan *chunk, ahead-1) // plus the one the writer waits for
	readErr := make(chan error, 1)
	go func() {
		defer close(chunks)
		readErr <- readInput(ctx, in, skip, size, chunks, func(ch *chunk) { ch.classify(ctx, cl, b.targets) })
	}()

	w := bufio.NewWriterSize(out, 1<<16)
	start := time.Now()
	var lines, bad int
	var tick <-chan time.Time
	if b.progress > 0 {
		t := time.NewTicker(b.progress)
		defer t.Stop()
		tick = t.C
	}
	report := func(final bool) {
		d := time.Since(start)
		what := "progress"
		if final {
			what = "done"
		}
		fmt.Fprintf(os.Stderr, "stancectl batch: %s: %d lines (%d errors) in %v: %.0f statements/s\n",
			what, lines, bad, d.Round(time.Millisecond), float64(lines)/max(d.Seconds(), 1e-9))
	}
	var buf []byte
	for ch := range chunks {
		<-ch.done
		if ch.err != nil {
			cancel()
			return errors.Join(fmt.Errorf("at line %d: %w; rerun with -resume to continue", skip+lines+1, ch.err), w.Flush())
		}
		for _, rec := range ch.recs {
			if rec.err == "" && ch.itemErr != nil {
				rec.err = ch.itemErr[rec.stmt]
			}
			if rec.err != "" {
				bad++
				fmt.Fprintf(os.Stderr, "stancectl batch: line %d: %s\n", rec.line, rec.err)
				js, _ := json.Marshal(errorRecord{ID: rec.id, Line: rec.line, Error: rec.err})
				w.Write(js)
				w.WriteByte('\n')
			} else {
				if buf, err = appendClassification(buf[:0], ch.res[rec.stmt]); err != nil {
					return errors.Join(fmt.Errorf("line %d: %w", rec.line, err), w.Flush())
				}
				buf = append(buf, '\n')
				w.Write(buf)
			}
			lines++
		}
		select {
		case <-tick:
			if err := w.Flush(); err != nil {
				return err
			}
			report(false)
		default:
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := <-readErr; err != nil {
		return fmt.Errorf("after line %d: %w; rerun with -resume to continue", skip+lines, err)
	}
	report(true)
	return nil
}

// classify runs the chunk's BatchClassify call. When the server rejects
// the call for what is in it (a bad statement fails the whole call), it
// classifies the statements one by one, so that each bad one becomes an
// error record and the rest are answered.
func (ch *chunk) classify(ctx context.Context, cl *client.Client, targets []string) {
	defer close(ch.done)
	if len(ch.stmts) == 0 {
		return
	}
	res, err := cl.BatchClassify(ctx, ch.stmts, targets...)
	if err == nil {
		ch.res = res
		return
	}
	if fatal(err) {
		ch.err = err
		return
	}
	ch.res = make([]*stancev1.Classification, len(ch.stmts))
	ch.itemErr = make([]string, len(ch.stmts))
	for i, st := range ch.stmts {
		c, err := cl.Classify(ctx, st, targets...)
		if err != nil {
			if fatal(err) {
				ch.err = err
				return
			}
			s := status.Convert(err)
			ch.itemErr[i] = fmt.Sprintf("%v: %s", s.Code(), s.Message())
			continue
		}
		ch.res[i] = c
	}
}

// fatal reports whether err stops the job rather than one statement: the
// server is unreachable, overloaded past the client's retries, too slow,
// or refuses the caller.
func fatal(err error) bool {
	switch status.Code(err) {
	case codes.Unavailable, codes.DeadlineExceeded, codes.Canceled, codes.ResourceExhausted,
		codes.Unauthenticated, codes.PermissionDenied, codes.Unimplemented:
		return true
	}
	return false
}

// openOutput opens the output file. With resume it keeps the complete
// lines already there, drops a partial last line, and returns how many
// input lines they answer.
func openOutput(path string, resume bool) (f *os.File, done int, err error) {
	if path == "-" {
		if resume {
			return nil, 0, errors.New("-resume needs an -out file")
		}
		return os.Stdout, 0, nil
	}
	if !resume {
		f, err = os.Create(path)
		return f, 0, err
	}
	f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, 0, err
	}
	var size, keep int64
	buf := make([]byte, 1<<16)
	for {
		n, err := f.Read(buf)
		for i, c := range buf[:n] {
			if c == '\n' {
				done++
				keep = size + int64(i) + 1
			}
		}
		size += int64(n)
		if err == io.EOF {
			break
		}
		if err != nil {
			f.Close()
			return nil, 0, err
		}
	}
	if err := f.Truncate(keep); err != nil {
		f.Close()
		return nil, 0, err
	}
	if _, err := f.Seek(keep, io.SeekStart); err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, done, nil
}

// readInput reads every input line after the first skip into chunks of at
// most size statements, queues each chunk on chunks in input order and
// starts it; queueing blocks while the writer is that many chunks behind.
// Bad lines become records without a statement.
func readInput(ctx context.Context, r io.Reader, skip, size int, chunks chan<- *chunk, start func(*chunk)) error {
	br := bufio.NewReaderSize(r, 1<<16)
	ch := &chunk{done: make(chan struct{})}
	flush := func() error {
		select {
		case chunks <- ch:
		case <-ctx.Done():
			return ctx.Err()
		}
		go start(ch)
		ch = &chunk{done: make(chan struct{})}
		return nil
	}
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if n <= skip {
			continue
		}
		rec := record{line: n, stmt: -1}
		switch {
		case tooLong:
			rec.err = fmt.Sprintf("line longer than %d bytes", maxLineBytes)
		case len(bytes.TrimSpace(line)) == 0:
			rec.err = "empty line"
		default:
			st := new(stancev1.Statement)
			if err := unmarshalStatement(line, st); err != nil {
				rec.id = bestEffortID(line)
				rec.err = "invalid Statement JSON: " + err.Error()
				break
			}
			rec.id = st.GetId()
			rec.stmt = len(ch.stmts)
			ch.stmts = append(ch.stmts, st)
			ch.bytes += len(line)
		}
		ch.recs = append(ch.recs, rec)
		if len(ch.recs) >= size || ch.bytes >= maxChunkBytes {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if len(ch.recs) > 0 {
		return flush()
	}
	return nil
}

// readLine reads one line without its newline. A line longer than
// maxLineBytes is consumed but not kept: tooLong reports it. io.EOF comes
// only when no line is left.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		frag, err := br.ReadSlice('\n')
		if len(line)+len(frag) > maxLineBytes {
			tooLong, line = true, nil
		} else if !tooLong {
			line = append(line, frag...)
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if len(line) == 0 && !tooLong {
				return nil, false, io.EOF
			}
			return line, tooLong, nil
		case err != nil:
			return nil, false, err
		}
		return bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r")), tooLong, nil
	}
}

// bestEffortID recovers the id of a line that is JSON but not a valid
// Statement, so its error record can still carry it.
func bestEffortID(line []byte) string {
	var v struct {
		ID any `json:"id"`
	}
	if json.Unmarshal(line, &v) != nil {
		return ""
	}
	if s, ok := v.ID.(string); ok {
		return s
	}
	return ""
}
