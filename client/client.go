package client

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	stancev1 "github.com/stancewatch/stance/gen/stance/v1"
)

// Client calls a stance server. It is safe for concurrent use; Close it
// when done.
type Client struct {
	conn *grpc.ClientConn
	rpc  stancev1.StanceServiceClient
	cfg  config
	info *stancev1.GetModelInfoResponse
}

type config struct {
	timeout     time.Duration
	retries     int
	backoff     time.Duration
	maxBackoff  time.Duration
	parallelism int
	dialOpts    []grpc.DialOption
}

// Option configures Dial.
type Option func(*config)

// WithTimeout sets the deadline of each unary call, retries included, when
// the caller's context has none. Default 30s; 0 means no default deadline.
// Streams never get one.
func WithTimeout(d time.Duration) Option { return func(c *config) { c.timeout = d } }

// WithRetries sets how many times a unary call is retried after
// UNAVAILABLE, or after RESOURCE_EXHAUSTED when the server says the call
// is worth retrying (an overloaded queue, not a message too large).
// Retries back off exponentially from 100ms to 2s with jitter. Default 4.
func WithRetries(n int) Option { return func(c *config) { c.retries = max(n, 0) } }

// WithParallelism sets how many BatchClassify chunks are in flight at
// once. Default 4.
func WithParallelism(n int) Option { return func(c *config) { c.parallelism = max(n, 1) } }

// WithDialOptions adds gRPC dial options, applied after the defaults
// (insecure transport credentials, 16 MiB messages); pass
// grpc.WithTransportCredentials to use TLS.
func WithDialOptions(opts ...grpc.DialOption) Option {
	return func(c *config) { c.dialOpts = append(c.dialOpts, opts...) }
}

// Dial connects to the stance server at addr (host:port, or any gRPC
// target) and fetches its model information and limits. It fails if no
// stance server answers before ctx ends or the retries run out.
func Dial(ctx context.Context, addr string, opts ...Option) (*Client, error) {
	cfg := config{timeout: 30 * time.Second, retries: 4, backoff: 100 * time.Millisecond, maxBackoff: 2 * time.Second, parallelism: 4}
	for _, o := range opts {
		o(&cfg)
	}
	dialOpts := append([]grpc.DialOption{
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(16<<20), grpc.MaxCallSendMsgSize(16<<20)),
		grpc.WithChainUnaryInterceptor(cfg.retry),
	}, cfg.dialOpts...)
	conn, err := grpc.NewClient(addr, dialOpts...)
	if err != nil {
		return nil, fmt.Errorf("client: %s: %w", addr, err)
	}
	c := &Client{conn: conn, rpc: stancev1.NewStanceServiceClient(conn), cfg: cfg}
	if c.info, err = c.rpc.GetModelInfo(ctx, &stancev1.GetModelInfoRequest{}); err != nil {
		conn.Close()
		return nil, fmt.Errorf("client: stance server at %s: %w", addr, err)
	}
	return c, nil
}

// Close closes the connection. Calls in flight fail with Canceled.
func (c *Client) Close() error { return c.conn.Close() }

// ModelInfo returns the models and limits the server reported at Dial.
// The caller must not modify it.
func (c *Client) ModelInfo() *stancev1.GetModelInfoResponse { return c.info }

// Classify labels one statement; no targets means every target the server
// knows.
func (c *Client) Classify(ctx context.Context, stmt *stancev1.Statement, targets ...string) (*stancev1.Classification, error) {
	resp, err := c.rpc.Classify(ctx, &stancev1.ClassifyRequest{Statement: stmt, Targets: targets})
	if err != nil {
		return nil, err
	}
	return resp.GetClassification(), nil
}

// BatchClassify labels any number of statements; the result's i-th entry
// answers stmts[i]. It sends them in chunks of the server's
// max_batch_size, several at once (see WithParallelism); the first failing
// chunk fails the call, with an error naming the chunk's range.
func (c *Client) BatchClassify(ctx context.Context, stmts []*stancev1.Statement, targets ...string) ([]*stancev1.Classification, error) {
	size := max(int(c.info.GetMaxBatchSize()), 1)
	out := make([]*stancev1.Classification, len(stmts))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg       sync.WaitGroup
		errOnce  sync.Once
		firstErr error
	)
	fail := func(err error) {
		errOnce.Do(func() { firstErr = err; cancel() })
	}
	sem := make(chan struct{}, c.cfg.parallelism)
chunks:
	for start := 0; start < len(stmts); start += size {
		end := min(start+size, len(stmts))
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			break chunks
		}
		wg.Go(func() {
			defer func() { <-sem }()
			resp, err := c.rpc.BatchClassify(ctx, &stancev1.BatchClassifyRequest{Statements: stmts[start:end], Targets: targets})
			if err == nil && len(resp.GetClassifications()) != end-start {
				err = fmt.Errorf("server answered %d statements with %d classifications", end-start, len(resp.GetClassifications()))
			}
			if err != nil {
				fail(fmt.Errorf("statements[%d:%d]: %w", start, end, err))
				return
			}
			copy(out[start:end], resp.GetClassifications())
		})
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, status.FromContextError(err).Err()
	}
	return out, nil
}

// AnalyzeDocument finds the quotes of an article, their speakers and labels.
func (c *Client) AnalyzeDocument(ctx context.Context, req *stancev1.AnalyzeDocumentRequest) (*stancev1.AnalyzeDocumentResponse, error) {
	return c.rpc.AnalyzeDocument(ctx, req)
}

// retry is the unary interceptor that applies the default deadline and
// retries calls the server says are worth retrying. Every StanceService
// call is idempotent.
func (cfg config) retry(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	if _, ok := ctx.Deadline(); !ok && cfg.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.timeout)
		defer cancel()
	}
	backoff := cfg.backoff
	for attempt := 0; ; attempt++ {
		err := invoker(ctx, method, req, reply, cc, opts...)
		delay, ok := retryDelay(err)
		if !ok || attempt >= cfg.retries {
			return err
		}
		// Full jitter around the exponential backoff, at least the
		// server's hint.
		wait := max(delay, backoff/2+rand.N(backoff/2+1))
		backoff = min(2*backoff, cfg.maxBackoff)
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return err
		}
	}
}

// retryDelay reports whether err is worth retrying and the least delay
// the server asked for.
func retryDelay(err error) (time.Duration, bool) {
	st, ok := status.FromError(err)
	if !ok || err == nil {
		return 0, false
	}
	var hint time.Duration
	hinted := false
	for _, d := range st.Details() {
		if ri, ok := d.(*errdetails.RetryInfo); ok {
			hint, hinted = ri.GetRetryDelay().AsDuration(), true
		}
	}
	switch st.Code() {
	case codes.Unavailable:
		return hint, true
	case codes.ResourceExhausted:
		return hint, hinted
	}
	return 0, false
}

// ItemError is a per-statement error of a stream: the statement was not
// classified, and the stream goes on.
type ItemError struct {
	// ID is the statement's id.
	ID string
	// Code and Message are the server's status for the statement.
	Code    codes.Code
	Message string
}

func (e *ItemError) Error() string {
	return fmt.Sprintf("statement %q: %v: %s", e.ID, e.Code, e.Message)
}

// GRPCStatus lets status.Code and status.Convert read e.
func (e *ItemError) GRPCStatus() *status.Status { return status.New(e.Code, e.Message) }

// Stream is a StreamClassify call for pipelined scoring: send statements
// as fast as Send accepts them (it blocks when the server is a window
// ahead) and receive their classifications, in order, on another
// goroutine. Send and CloseSend may run concurrently with Recv, but
// neither Send nor Recv may be called from two goroutines at once. Cancel
// the context passed to Client.Stream to abandon it.
type Stream struct {
	s   grpc.BidiStreamingClient[stancev1.StreamClassifyRequest, stancev1.StreamClassifyResponse]
	ids chan string // ids of sent statements, for ItemError
}

// Stream opens a scoring stream that lives until ctx ends; no default
// deadline applies. window bounds how many statements may be sent but not
// yet received (at least 1); Send blocks beyond it.
func (c *Client) Stream(ctx context.Context, window int) (*Stream, error) {
	s, err := c.rpc.StreamClassify(ctx)
	if err != nil {
		return nil, err
	}
	return &Stream{s: s, ids: make(chan string, max(window, 1))}, nil
}

// Send queues one statement with its targets (none: every target). It
// returns io.EOF once the stream has ended; Recv then reports why.
func (s *Stream) Send(stmt *stancev1.Statement, targets ...string) error {
	select {
	case s.ids <- stmt.GetId():
	case <-s.s.Context().Done():
		return status.FromContextError(s.s.Context().Err()).Err()
	}
	return s.s.Send(&stancev1.StreamClassifyRequest{Statement: stmt, Targets: targets})
}

// CloseSend tells the server no more statements follow; Recv then returns
// the remaining answers and io.EOF.
func (s *Stream) CloseSend() error { return s.s.CloseSend() }

// Recv returns the classification of the next statement sent. A statement
// the server could not classify comes back as an *ItemError and the stream
// goes on; io.EOF follows the last answer; any other error ends the stream.
func (s *Stream) Recv() (*stancev1.Classification, error) {
	resp, err := s.s.Recv()
	if err != nil {
		return nil, err
	}
	var id string
	select {
	case id = <-s.ids:
	default:
	}
	if e := resp.GetError(); e != nil {
		return nil, &ItemError{ID: id, Code: codes.Code(e.GetCode()), Message: e.GetMessage()}
	}
	if resp.GetClassification() == nil {
		return nil, errors.New("client: stream response has neither a classification nor an error")
	}
	return resp.GetClassification(), nil
}
