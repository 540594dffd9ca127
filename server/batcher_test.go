package server

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	stancev1 "github.com/stancewatch/stance/gen/stance/v1"
	"github.com/stancewatch/stance/model"
)

// stub is a Classifier for tests of the server's own logic (batching,
// queueing, error mapping). Each result's sentiment confidence is the
// number in its statement's text, so tests can check routing. When gate is
// set, every call announces itself on entered and waits for gate.
type stub struct {
	entered chan int // statements in the call
	gate    chan struct{}
	fail    error

	mu    sync.Mutex
	calls [][]string // texts per call
}

func (s *stub) Classify(ctx context.Context, stmts []model.Statement, targets []string) ([]model.Result, error) {
	texts := make([]string, len(stmts))
	for i, st := range stmts {
		texts[i] = st.Text
		if st.Text == "panic" {
			panic("stub: asked to panic")
		}
	}
	s.mu.Lock()
	s.calls = append(s.calls, texts)
	s.mu.Unlock()
	if s.gate != nil {
		s.entered <- len(stmts)
		select {
		case <-s.gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if s.fail != nil {
		return nil, s.fail
	}
	if targets == nil {
		targets = s.Targets()
	}
	out := make([]model.Result, len(stmts))
	for i, st := range stmts {
		n, _ := strconv.Atoi(strings.TrimPrefix(st.Text, "s"))
		for _, t := range targets {
			out[i].Stances = append(out[i].Stances, model.TargetScores{Target: t, Scores: model.Scores{Label: "none", Confidence: 1, Labels: []string{"favor", "against", "none"}, Probs: []float32{0, 0, 1}}})
		}
		out[i].Sentiment = model.Scores{Label: "neutral", Confidence: float32(n), Labels: []string{"neutral"}, Probs: []float32{float32(n)}}
	}
	return out, nil
}

func (s *stub) Targets() []string { return []string{"ceasefire", "sanctions"} }

func (s *stub) StanceInfo() model.Info { return model.Info{Name: "stub", Task: "stance"} }

func (s *stub) SentimentInfo() model.Info {
	if s.fail != nil && s.fail.Error() == "panic in info" {
		panic("stub: info")
	}
	return model.Info{Name: "stub", Task: "sentiment"}
}

func (s *stub) texts() map[string]bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := make(map[string]bool)
	for _, c := range s.calls {
		for _, t := range c {
			seen[t] = true
		}
	}
	return seen
}

func newStub(t *testing.T, clf *stub, opts Options) (stancev1.StanceServiceClient, *Service) {
	t.Helper()
	svc := New(clf, opts)
	return stancev1.NewStanceServiceClient(serve(t, svc)), svc
}

// queued returns the number of statements waiting in svc's queue.
func queued(svc *Service) int {
	svc.b.mu.Lock()
	defer svc.b.mu.Unlock()
	return len(svc.b.queue)
}

func waitQueued(t *testing.T, svc *Service, n int) {
	t.Helper()
	for queued(svc) < n {
		select {
		case <-t.Context().Done():
			t.Fatalf("queue never reached %d statements", n)
		case <-time.After(time.Millisecond):
		}
	}
}

func classifyText(ctx context.Context, c stancev1.StanceServiceClient, text string) (*stancev1.Classification, error) {
	resp, err := c.Classify(ctx, &stancev1.ClassifyRequest{Statement: &stancev1.Statement{Id: text, Text: text}})
	return resp.GetClassification(), err
}

func TestBatchingMergesConcurrentCalls(t *testing.T) {
	clf := &stub{entered: make(chan int, 100), gate: make(chan struct{})}
	c, svc := newStub(t, clf, Options{Workers: 1, MaxBatch: 64})
	const n = 50
	errs := make(chan error, n+1)
	check := func(i int) {
		got, err := classifyText(t.Context(), c, fmt.Sprint("s", i))
		if err == nil && (got.GetId() != fmt.Sprint("s", i) || got.GetSentiment().GetConfidence() != float32(i)) {
			err = fmt.Errorf("Classify(s%d) = %v, want its own result", i, got)
		}
		errs <- err
	}
	go check(1000) // occupies the only worker
	<-clf.entered
	for i := range n {
		go check(i)
	}
	waitQueued(t, svc, n)
	close(clf.gate)
	for range n + 1 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if st := svc.Stats(); st.Batches != 2 || st.Statements != n+1 {
		t.Errorf("Stats = %+v, want the %d queued calls merged into one batch after the first", st, n)
	}
}

func TestBatchingRespectsMaxBatchAndTargets(t *testing.T) {
	clf := &stub{entered: make(chan int, 100), gate: make(chan struct{})}
	c, svc := newStub(t, clf, Options{Workers: 1, MaxBatch: 4})
	var wg sync.WaitGroup
	wg.Go(func() { classifyText(t.Context(), c, "s0") })
	<-clf.entered
	for i := 1; i <= 10; i++ {
		wg.Go(func() {
			req := &stancev1.ClassifyRequest{Statement: &stancev1.Statement{Text: fmt.Sprint("s", i)}}
			wantStances := 2
			if i%2 == 0 {
				req.Targets, wantStances = []string{"sanctions"}, 1
			}
			resp, err := c.Classify(t.Context(), req)
			if err != nil || len(resp.GetClassification().GetStances()) != wantStances {
				t.Errorf("Classify(s%d) = %v, %v", i, resp, err)
			}
		})
	}
	waitQueued(t, svc, 10)
	close(clf.gate)
	wg.Wait()
	clf.mu.Lock()
	defer clf.mu.Unlock()
	for _, call := range clf.calls {
		if len(call) > 4 {
			t.Errorf("classifier call with %d statements %q, want at most MaxBatch 4", len(call), call)
		}
	}
}

func TestQueueFull(t *testing.T) {
	clf := &stub{entered: make(chan int, 100), gate: make(chan struct{})}
	c, svc := newStub(t, clf, Options{Workers: 1, MaxBatch: 1, QueueSize: 2})
	errs := make(chan error, 3)
	go func() { _, err := classifyText(t.Context(), c, "s1"); errs <- err }()
	<-clf.entered
	for i := 2; i <= 3; i++ {
		go func() { _, err := classifyText(t.Context(), c, fmt.Sprint("s", i)); errs <- err }()
	}
	waitQueued(t, svc, 2)
	start := time.Now()
	_, err := classifyText(t.Context(), c, "s4")
	if status.Code(err) != codes.ResourceExhausted {
		t.Errorf("Classify with a full queue = %v, want ResourceExhausted", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Classify with a full queue took %v, want an answer at once", d)
	}
	_, err = c.BatchClassify(t.Context(), &stancev1.BatchClassifyRequest{Statements: []*stancev1.Statement{{Text: "s5"}}})
	if status.Code(err) != codes.ResourceExhausted {
		t.Errorf("BatchClassify with a full queue = %v, want ResourceExhausted", err)
	}
	close(clf.gate)
	for range 3 {
		if err := <-errs; err != nil {
			t.Errorf("queued Classify: %v", err)
		}
	}
	if _, err := classifyText(t.Context(), c, "s6"); err != nil {
		t.Errorf("Classify after the queue drained: %v", err)
	}
}

func TestDeadlineWhileQueued(t *testing.T) {
	clf := &stub{entered: make(chan int, 100), gate: make(chan struct{})}
	c, svc := newStub(t, clf, Options{Workers: 1, MaxBatch: 8})
	first := make(chan error, 1)
	go func() { _, err := classifyText(t.Context(), c, "s1"); first <- err }()
	<-clf.entered

	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	if _, err := classifyText(ctx, c, "s2"); status.Code(err) != codes.DeadlineExceeded {
		t.Errorf("Classify whose deadline passes in the queue = %v, want DeadlineExceeded", err)
	}
	ctx, cancel = context.WithCancel(t.Context())
	canceled := make(chan error, 1)
	go func() { _, err := classifyText(ctx, c, "s3"); canceled <- err }()
	waitQueued(t, svc, 2) // s2's item is still there, skipped later
	cancel()
	if err := <-canceled; status.Code(err) != codes.Canceled {
		t.Errorf("Classify canceled in the queue = %v, want Canceled", err)
	}
	go classifyText(t.Context(), c, "s4")
	waitQueued(t, svc, 3)
	close(clf.gate)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	<-clf.entered // the batch after the first
	for svc.Stats().Batches < 2 {
		time.Sleep(time.Millisecond)
	}
	seen := clf.texts()
	if seen["s2"] || seen["s3"] || !seen["s4"] {
		t.Errorf("classifier saw %v, want s4 but not the expired s2 or canceled s3", seen)
	}
}

func TestErrorsMapped(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		wantCode codes.Code
		wantMsg  string
	}{
		{"unknown target", fmt.Errorf("%w %q", model.ErrUnknownTarget, "x"), codes.InvalidArgument, "unknown target"},
		{"tokenizer", fmt.Errorf("%w: sugarme internals", model.ErrTokenize), codes.InvalidArgument, "could not be tokenized"},
		{"models closed", model.ErrClosed, codes.Unavailable, "closed"},
		{"queue full", ErrQueueFull, codes.ResourceExhausted, "queue is full"},
		{"deadline", fmt.Errorf("run: %w", context.DeadlineExceeded), codes.DeadlineExceeded, "deadline"},
		{"canceled", context.Canceled, codes.Canceled, "canceled"},
		{"unknown", errors.New("ort: Run failed at 0xdeadbeef"), codes.Internal, "internal error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newStub(t, &stub{fail: tt.err}, Options{})
			_, err := classifyText(t.Context(), c, "s1")
			st := status.Convert(err)
			if st.Code() != tt.wantCode || !strings.Contains(st.Message(), tt.wantMsg) {
				t.Errorf("Classify with classifier error %v = %v, want %v containing %q", tt.err, err, tt.wantCode, tt.wantMsg)
			}
			if strings.Contains(st.Message(), "internals") || strings.Contains(st.Message(), "0xdeadbeef") {
				t.Errorf("Classify error %q leaks engine internals", st.Message())
			}
		})
	}
}

func TestPanicsBecomeInternal(t *testing.T) {
	c, _ := newStub(t, &stub{}, Options{})
	if _, err := classifyText(t.Context(), c, "panic"); status.Code(err) != codes.Internal {
		t.Errorf("Classify with a panicking classifier = %v, want Internal", err)
	}
	if _, err := classifyText(t.Context(), c, "s1"); err != nil {
		t.Errorf("Classify after a panic = %v, want success", err)
	}
	c, _ = newStub(t, &stub{fail: errors.New("panic in info")}, Options{})
	if _, err := c.GetModelInfo(t.Context(), &stancev1.GetModelInfoRequest{}); status.Code(err) != codes.Internal {
		t.Errorf("GetModelInfo with a panicking handler = %v, want Internal", err)
	}
}

func TestStreamPerItemErrorsFromClassifier(t *testing.T) {
	c, _ := newStub(t, &stub{}, Options{})
	stream, err := c.StreamClassify(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"s1", "panic", "s3"}
	for _, txt := range texts {
		if err := stream.Send(&stancev1.StreamClassifyRequest{Statement: &stancev1.Statement{Id: txt, Text: txt}}); err != nil {
			t.Fatal(err)
		}
	}
	stream.CloseSend()
	for i, txt := range texts {
		resp, err := stream.Recv()
		if err != nil {
			t.Fatalf("Recv %d: %v", i, err)
		}
		if txt == "panic" {
			if resp.GetError().GetCode() != int32(codes.Internal) {
				t.Errorf("response %d = %v, want an Internal item error", i, resp)
			}
		} else if resp.GetClassification().GetId() != txt {
			t.Errorf("response %d = %v, want the classification of %s", i, resp, txt)
		}
	}
}

func TestCloseFailsQueuedWork(t *testing.T) {
	clf := &stub{entered: make(chan int, 100), gate: make(chan struct{})}
	svc := New(clf, Options{Workers: 1})
	first := make(chan error, 1)
	go func() { _, err := svc.classify(t.Context(), []model.Statement{{Text: "s1"}}, nil, false); first <- err }()
	<-clf.entered
	queuedErr := make(chan error, 1)
	go func() {
		_, err := svc.classify(t.Context(), []model.Statement{{Text: "s2"}}, nil, false)
		queuedErr <- err
	}()
	waitQueued(t, svc, 1)
	go func() { time.Sleep(10 * time.Millisecond); close(clf.gate) }()
	svc.Close()
	if err := <-first; err != nil {
		t.Errorf("call in progress at Close = %v, want it finished", err)
	}
	if err := <-queuedErr; !errors.Is(err, ErrClosed) {
		t.Errorf("call queued at Close = %v, want ErrClosed", err)
	}
	if _, err := svc.classify(t.Context(), []model.Statement{{Text: "s3"}}, nil, false); !errors.Is(err, ErrClosed) {
		t.Errorf("call after Close = %v, want ErrClosed", err)
	}
}

func TestStreamReadsAtMostAWindowAhead(t *testing.T) {
	clf := &stub{entered: make(chan int, 1000), gate: make(chan struct{})}
	const window = 8
	c, svc := newStub(t, clf, Options{Workers: 1, MaxBatch: 1, StreamWindow: window})
	stream, err := c.StreamClassify(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	const n = 200
	go func() {
		for i := range n {
			if stream.Send(&stancev1.StreamClassifyRequest{Statement: &stancev1.Statement{Id: fmt.Sprint("s", i), Text: fmt.Sprint("s", i)}}) != nil {
				return
			}
		}
		stream.CloseSend()
	}()
	<-clf.entered
	waitQueued(t, svc, window-1)
	time.Sleep(100 * time.Millisecond) // give an unbounded reader time to run ahead
	// In flight: one in the classifier, window-1 in the window channel, one
	// held by the reader while the window is full.
	if q := queued(svc); q > window {
		t.Errorf("server queued %d items of a stream with a window of %d, want at most %d", q, window, window)
	}
	close(clf.gate)
	for i := range n {
		resp, err := stream.Recv()
		if err != nil || resp.GetClassification().GetId() != fmt.Sprint("s", i) {
			t.Fatalf("Recv %d = %v, %v; want s%d", i, resp, err, i)
		}
	}
}

// TestLoneCallDoesNotWait checks that a statement with no other statement
// in flight is classified at once, not after MaxQueueDelay: no caller
// could join its batch.
func TestLoneCallDoesNotWait(t *testing.T) {
	c, svc := newStub(t, &stub{}, Options{MaxQueueDelay: time.Hour})
	done := make(chan error, 1)
	go func() { _, err := classifyText(t.Context(), c, "s1"); done <- err }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("a lone Classify call waited for MaxQueueDelay (1h)")
	}
	if st := svc.Stats(); st.Batches != 1 {
		t.Errorf("Stats = %+v, want one classifier call", st)
	}
}

// TestBatchWaitsForCallersInFlight checks that a batch waits, up to
// MaxQueueDelay, for statements that are in flight elsewhere.
func TestBatchWaitsForCallersInFlight(t *testing.T) {
	clf := &stub{entered: make(chan int, 100), gate: make(chan struct{})}
	c, svc := newStub(t, clf, Options{Workers: 2, MaxBatch: 8, MaxQueueDelay: time.Hour})
	errs := make(chan error, 3)
	call := func(text string) { _, err := classifyText(t.Context(), c, text); errs <- err }
	go call("s1") // occupies the first worker, gated
	<-clf.entered
	go call("s2") // the second worker takes it and waits: s1 is in flight
	waitPending(t, svc, 2)
	select {
	case n := <-clf.entered:
		t.Fatalf("a classifier call of %d started while s1 was in flight and MaxQueueDelay had not passed", n)
	case <-time.After(50 * time.Millisecond):
	}
	go call("s3")
	waitPending(t, svc, 3)
	close(clf.gate) // s1 finishes: s2's batch has everyone in flight and goes
	for range 3 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if st := svc.Stats(); st.Batches != 2 || st.Statements != 3 {
		t.Errorf("Stats = %+v, want s1 alone, then s2 and s3 together", st)
	}
}

func waitPending(t *testing.T, svc *Service, n int64) {
	t.Helper()
	for svc.b.pending.Load() < n {
		select {
		case <-t.Context().Done():
			t.Fatalf("statements in flight never reached %d", n)
		case <-time.After(time.Millisecond):
		}
	}
}
