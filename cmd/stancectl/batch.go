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
	"time"

	"google.golang.org/protobuf/encoding/protojson"

	"github.com/stancewatch/stance/client"
	stancev1 "github.com/stancewatch/stance/gen/stance/v1"
)

// maxLineBytes bounds one input line; a longer line becomes an error
// record without being held in memory.
const maxLineBytes = 4 << 20

type batchConfig struct {
	common
	in, out  string
	resume   bool
	window   int
	progress time.Duration
}

// record is one input line on its way to the output, in input order.
type record struct {
	line int
	id   string
	err  string // why the line was not sent; empty when sent
}

// errorRecord is the output line standing for an input line that could not
// be classified.
type errorRecord struct {
	ID    string `json:"id"`
	Line  int    `json:"line"`
	Error string `json:"error"`
}

func runBatch(ctx context.Context, b *batchConfig) (err error) {
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
	stream, err := cl.Stream(ctx, b.window)
	if err != nil {
		return err
	}

	order := make(chan record, b.window)
	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		readErr <- readInput(ctx, in, skip, stream, b.targets, order)
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
	for rec := range order {
		if rec.err == "" {
			c, err := stream.Recv()
			var ie *client.ItemError
			switch {
			case errors.As(err, &ie):
				rec.err = fmt.Sprintf("%v: %s", ie.Code, ie.Message)
			case err != nil:
				cancel()
				return errors.Join(fmt.Errorf("at line %d: %w; rerun with -resume to continue", skip+lines+1, err), w.Flush())
			default:
				js, err := protojson.Marshal(c)
				if err != nil {
					return err
				}
				w.Write(js)
				w.WriteByte('\n')
			}
		}
		if rec.err != "" {
			bad++
			fmt.Fprintf(os.Stderr, "stancectl batch: line %d: %s\n", rec.line, rec.err)
			js, _ := json.Marshal(errorRecord{ID: rec.id, Line: rec.line, Error: rec.err})
			w.Write(js)
			w.WriteByte('\n')
		}
		lines++
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

// readInput sends every input line after the first skip to the stream and
// queues its record in order; bad lines are queued without being sent.
func readInput(ctx context.Context, r io.Reader, skip int, stream *client.Stream, targets []string, order chan<- record) error {
	br := bufio.NewReaderSize(r, 1<<16)
	unmarshal := protojson.UnmarshalOptions{DiscardUnknown: true}
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
		rec := record{line: n}
		switch {
		case tooLong:
			rec.err = fmt.Sprintf("line longer than %d bytes", maxLineBytes)
		case len(bytes.TrimSpace(line)) == 0:
			rec.err = "empty line"
		default:
			var st stancev1.Statement
			if err := unmarshal.Unmarshal(line, &st); err != nil {
				rec.id = bestEffortID(line)
				rec.err = "invalid Statement JSON: " + err.Error()
				break
			}
			rec.id = st.GetId()
			if err := stream.Send(&st, targets...); err != nil {
				return err
			}
		}
		select {
		case order <- rec:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return stream.CloseSend()
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
