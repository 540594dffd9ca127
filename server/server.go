package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"runtime/debug"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/reflection"
	"google.golang.org/grpc/status"

	stancev1 "github.com/stancewatch/stance/gen/stance/v1"
	"github.com/stancewatch/stance/model"
	"github.com/stancewatch/stance/quote"
)

// Classifier labels statements. *model.Set satisfies it. Classify must be
// safe for concurrent use; with nil targets it judges every target that
// Targets lists, and it returns one Result per statement, in order.
type Classifier interface {
	Classify(ctx context.Context, stmts []model.Statement, targets []string) ([]model.Result, error)
	Targets() []string
	StanceInfo() model.Info
	SentimentInfo() model.Info
}

// Options configures a Service. The zero value works: every unset field
// takes the default its comment names.
type Options struct {
	// MaxTextBytes is the longest Statement.text accepted, in UTF-8 bytes.
	// Unset: 4096.
	MaxTextBytes int
	// MaxContextBytes is the longest Statement.context accepted, in UTF-8
	// bytes. Unset: 8192.
	MaxContextBytes int
	// MaxBatchSize is the most statements in one BatchClassify call.
	// Unset: 1024.
	MaxBatchSize int
	// MaxDocumentBytes is the longest AnalyzeDocument text, in UTF-8 bytes.
	// Unset: 1 MiB.
	MaxDocumentBytes int
	// MaxQuotesPerDocument is the most quotes AnalyzeDocument classifies in
	// one document; quotes past it are returned without a classification.
	// Unset: 512.
	MaxQuotesPerDocument int
	// MaxMessageBytes is the largest gRPC message received or sent, applied
	// by ServerOptions. Unset: 16 MiB.
	MaxMessageBytes int

	// DisableBatching makes every call its own classifier call on the
	// caller's goroutine, bypassing the queue. Unset: batching on.
	DisableBatching bool
	// MaxBatch is the most statements merged into one classifier call.
	// Unset: 128.
	MaxBatch int
	// MaxQueueDelay is the longest a batch waits to fill once its first
	// statement is queued. It waits only while other statements are in
	// flight (queued or being classified, so their callers may send more):
	// a lone caller's statement goes at once. Unset: 2ms. Negative: no
	// wait; a batch takes whatever is queued.
	MaxQueueDelay time.Duration
	// QueueSize is the most statements waiting for a classifier call;
	// calls that do not fit fail at once with ResourceExhausted. Unset: 4096.
	QueueSize int
	// Workers is the most classifier calls running at once. Unset:
	// GOMAXPROCS.
	Workers int
	// StreamWindow is the most StreamClassify items of one stream in flight
	// (read but not yet answered); the server reads no further ahead.
	// Unset: 256.
	StreamWindow int

	// Logger receives internal errors and recovered panics. Unset:
	// slog.Default().
	Logger *slog.Logger
}

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.MaxTextBytes, 4096)
	def(&o.MaxContextBytes, 8192)
	def(&o.MaxBatchSize, 1024)
	def(&o.MaxDocumentBytes, 1<<20)
	def(&o.MaxQuotesPerDocument, 512)
	def(&o.MaxMessageBytes, 16<<20)
	def(&o.MaxBatch, 128)
	def(&o.QueueSize, 4096)
	def(&o.Workers, runtime.GOMAXPROCS(0))
	def(&o.StreamWindow, 256)
	switch {
	case o.MaxQueueDelay == 0:
		o.MaxQueueDelay = 2 * time.Millisecond
	case o.MaxQueueDelay < 0:
		o.MaxQueueDelay = 0
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

// ServiceName is the gRPC service name, as health checks know it.
const ServiceName = "stance.v1.StanceService"

// Service implements stancev1.StanceServiceServer on a Classifier. Its
// methods are safe for concurrent use. Close it after the grpc.Server
// serving it has stopped, and close the Classifier after that.
type Service struct {
	stancev1.UnimplementedStanceServiceServer

	clf     Classifier
	opts    Options
	log     *slog.Logger
	b       *batcher
	targets []string
	known   map[string]int // target → index in targets
}

var _ stancev1.StanceServiceServer = (*Service)(nil)

// New returns a Service answering with clf, and starts its batching
// workers. The caller keeps ownership of clf.
func New(clf Classifier, opts Options) *Service {
	opts = opts.withDefaults()
	s := &Service{
		clf:     clf,
		opts:    opts,
		log:     opts.Logger,
		b:       newBatcher(clf, opts.Logger, opts),
		targets: clf.Targets(),
		known:   make(map[string]int),
	}
	for i, t := range s.targets {
		s.known[t] = i
	}
	return s
}

// ServerOptions returns the grpc.Server options the Service relies on:
// message size limits and interceptors that turn panics into Internal.
// Pass them to grpc.NewServer.
func (s *Service) ServerOptions() []grpc.ServerOption {
	return []grpc.ServerOption{
		grpc.MaxRecvMsgSize(s.opts.MaxMessageBytes),
		grpc.MaxSendMsgSize(s.opts.MaxMessageBytes),
		grpc.ChainUnaryInterceptor(s.recoverUnary),
		grpc.ChainStreamInterceptor(s.recoverStream),
	}
}

// Register registers svc, a grpc.health.v1 service and server reflection
// on gs. The returned health server reports NOT_SERVING until
// SetServing(hs, true); call it once Warm has passed.
func Register(gs *grpc.Server, svc *Service) *health.Server {
	stancev1.RegisterStanceServiceServer(gs, svc)
	hs := health.NewServer()
	SetServing(hs, false)
	healthpb.RegisterHealthServer(gs, hs)
	reflection.Register(gs)
	return hs
}

// SetServing sets the health status of the whole server ("") and of
// ServiceName. It is safe for concurrent use.
func SetServing(hs *health.Server, serving bool) {
	st := healthpb.HealthCheckResponse_NOT_SERVING
	if serving {
		st = healthpb.HealthCheckResponse_SERVING
	}
	hs.SetServingStatus("", st)
	hs.SetServingStatus(ServiceName, st)
}

// Warm classifies one statement through the whole path a request takes,
// so that the first real request does not pay for lazy initialisation and
// a broken model is found before the server reports SERVING.
func (s *Service) Warm(ctx context.Context) error {
	res, err := s.classify(ctx, []model.Statement{{
		Text:    "We call on both sides to agree a ceasefire now.",
		Context: "The minister said the talks should continue.",
	}}, nil, false)
	if err != nil {
		return fmt.Errorf("server: warm-up inference: %w", err)
	}
	if got, want := len(res[0].Stances), len(s.targets); got != want {
		return fmt.Errorf("server: warm-up inference returned %d stances for %d targets", got, want)
	}
	return nil
}

// Stats counts the classifier calls a Service has made.
type Stats struct {
	// Batches is the number of classifier calls.
	Batches int64
	// Statements is the number of statements they classified.
	Statements int64
}

// AverageBatchSize is Statements per Batch, 0 before the first call.
func (st Stats) AverageBatchSize() float64 {
	if st.Batches == 0 {
		return 0
	}
	return float64(st.Statements) / float64(st.Batches)
}

// Stats returns the classifier calls made so far. It is safe for
// concurrent use.
func (s *Service) Stats() Stats {
	b, n := s.b.stats()
	return Stats{Batches: b, Statements: n}
}

// Close stops the batching workers after their current batch and fails
// queued work with Unavailable. Call it after the grpc.Server has stopped;
// it does not close the Classifier.
func (s *Service) Close() {
	s.b.close()
}

// classify runs stmts through the batcher and waits for their results.
func (s *Service) classify(ctx context.Context, stmts []model.Statement, targets []string, block bool) ([]model.Result, error) {
	j := newJob(ctx, stmts, targets)
	if err := s.b.submit(j, block); err != nil {
		return nil, err
	}
	return j.wait()
}

// Classify implements stancev1.StanceServiceServer.
func (s *Service) Classify(ctx context.Context, req *stancev1.ClassifyRequest) (*stancev1.ClassifyResponse, error) {
	var br badRequest
	stmt := s.checkStatement(&br, "statement", req.GetStatement())
	targets := s.checkTargets(&br, "targets", req.GetTargets())
	if err := br.err(); err != nil {
		return nil, toStatus(s.log, err)
	}
	res, err := s.classify(ctx, []model.Statement{stmt}, targets, false)
	if err != nil {
		return nil, toStatus(s.log, err)
	}
	return &stancev1.ClassifyResponse{Classification: classification(req.GetStatement().GetId(), res[0])}, nil
}

// BatchClassify implements stancev1.StanceServiceServer.
func (s *Service) BatchClassify(ctx context.Context, req *stancev1.BatchClassifyRequest) (*stancev1.BatchClassifyResponse, error) {
	var br badRequest
	in := req.GetStatements()
	var stmts []model.Statement
	if len(in) > s.opts.MaxBatchSize {
		br.add("statements", "%d statements, at most %d per call; split the batch or use StreamClassify", len(in), s.opts.MaxBatchSize)
	} else {
		stmts = make([]model.Statement, len(in))
		for i, st := range in {
			stmts[i] = s.checkStatement(&br, fmt.Sprintf("statements[%d]", i), st)
		}
	}
	targets := s.checkTargets(&br, "targets", req.GetTargets())
	if err := br.err(); err != nil {
		return nil, toStatus(s.log, err)
	}
	res, err := s.classify(ctx, stmts, targets, false)
	if err != nil {
		return nil, toStatus(s.log, err)
	}
	out := make([]*stancev1.Classification, len(res))
	for i, r := range res {
		out[i] = classification(in[i].GetId(), r)
	}
	return &stancev1.BatchClassifyResponse{Classifications: out}, nil
}

// pending is one StreamClassify item between being read and being
// answered: either an answer already (a bad item) or a queued job.
type pending struct {
	resp *stancev1.StreamClassifyResponse
	j    *job
	id   string
}

// StreamClassify implements stancev1.StanceServiceServer. One goroutine
// reads and queues items, at most Options.StreamWindow ahead of the
// answers; the handler's goroutine answers them in order.
func (s *Service) StreamClassify(stream grpc.BidiStreamingServer[stancev1.StreamClassifyRequest, stancev1.StreamClassifyResponse]) error {
	ctx := stream.Context()
	window := make(chan pending, s.opts.StreamWindow-1) // plus the one being answered
	readErr := make(chan error, 1)
	go func() {
		defer close(window)
		readErr <- s.readStream(ctx, stream, window)
	}()
	for p := range window {
		resp := p.resp
		if resp == nil {
			res, err := p.j.wait()
			if err != nil {
				if ctx.Err() != nil {
					return toStatus(s.log, ctx.Err())
				}
				resp = &stancev1.StreamClassifyResponse{Error: itemError(s.log, err)}
			} else {
				resp = &stancev1.StreamClassifyResponse{Classification: classification(p.id, res[0])}
			}
		}
		if err := stream.Send(resp); err != nil {
			return err
		}
	}
	return toStatus(s.log, <-readErr)
}

// readStream reads items until the client half-closes, validating and
// queueing each; it blocks while the window is full or the queue has no
// room, which holds the client back through gRPC flow control.
func (s *Service) readStream(ctx context.Context, stream grpc.BidiStreamingServer[stancev1.StreamClassifyRequest, stancev1.StreamClassifyResponse], window chan<- pending) (err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("panic in StreamClassify", "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("%w: %v", errPanic, r)
		}
	}()
	for {
		req, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		p := pending{id: req.GetStatement().GetId()}
		var br badRequest
		stmt := s.checkStatement(&br, "statement", req.GetStatement())
		targets := s.checkTargets(&br, "targets", req.GetTargets())
		if err := br.err(); err != nil {
			p.resp = &stancev1.StreamClassifyResponse{Error: itemError(s.log, err)}
		} else {
			p.j = newJob(ctx, []model.Statement{stmt}, targets)
			if err := s.b.submit(p.j, true); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				p.j, p.resp = nil, &stancev1.StreamClassifyResponse{Error: itemError(s.log, err)}
			}
		}
		select {
		case window <- p:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// itemError converts err into a per-item stream error.
func itemError(log *slog.Logger, err error) *stancev1.ErrorStatus {
	st := status.Convert(toStatus(log, err))
	return &stancev1.ErrorStatus{Code: int32(st.Code()), Message: st.Message()}
}

// AnalyzeDocument implements stancev1.StanceServiceServer.
func (s *Service) AnalyzeDocument(ctx context.Context, req *stancev1.AnalyzeDocumentRequest) (*stancev1.AnalyzeDocumentResponse, error) {
	var br badRequest
	s.checkDocument(&br, "text", req.GetText())
	targets := s.checkTargets(&br, "targets", req.GetTargets())
	enc := checkEncoding(&br, "encoding_type", req.GetEncodingType())
	if err := br.err(); err != nil {
		return nil, toStatus(s.log, err)
	}
	text := req.GetText()
	qs := quote.Extract(text)
	n := min(len(qs), s.opts.MaxQuotesPerDocument)
	stmts := make([]model.Statement, n)
	for i, q := range qs[:n] {
		stmts[i] = model.Statement{Text: q.Text, Context: q.Context}
	}
	res, err := s.classify(ctx, stmts, targets, false)
	if err != nil {
		return nil, toStatus(s.log, err)
	}
	begins, ends := convertOffsets(text, qs, enc)
	out := make([]*stancev1.Quote, len(qs))
	for i, q := range qs {
		out[i] = &stancev1.Quote{
			Text:        q.Text,
			Speaker:     q.Speaker,
			BeginOffset: begins[i],
			EndOffset:   ends[i],
			Context:     q.Context,
			Group:       int32(q.Group),
		}
		if i < n {
			out[i].Classification = classification("", res[i])
		}
	}
	return &stancev1.AnalyzeDocumentResponse{Id: req.GetId(), Quotes: out}, nil
}

// GetModelInfo implements stancev1.StanceServiceServer.
func (s *Service) GetModelInfo(context.Context, *stancev1.GetModelInfoRequest) (*stancev1.GetModelInfoResponse, error) {
	return &stancev1.GetModelInfoResponse{
		StanceModel:          modelInfo(s.clf.StanceInfo()),
		SentimentModel:       modelInfo(s.clf.SentimentInfo()),
		Targets:              s.targets,
		MaxTextBytes:         int32(s.opts.MaxTextBytes),
		MaxContextBytes:      int32(s.opts.MaxContextBytes),
		MaxBatchSize:         int32(s.opts.MaxBatchSize),
		MaxDocumentBytes:     int32(s.opts.MaxDocumentBytes),
		MaxQuotesPerDocument: int32(s.opts.MaxQuotesPerDocument),
		MaxMessageBytes:      int32(s.opts.MaxMessageBytes),
	}, nil
}

// recoverUnary turns a handler panic into Internal.
func (s *Service) recoverUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (resp any, err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("panic in handler", "method", info.FullMethod, "panic", r, "stack", string(debug.Stack()))
			resp, err = nil, status.Error(codes.Internal, internalMessage)
		}
	}()
	return handler(ctx, req)
}

// recoverStream turns a stream handler panic into Internal.
func (s *Service) recoverStream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) (err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("panic in handler", "method", info.FullMethod, "panic", r, "stack", string(debug.Stack()))
			err = status.Error(codes.Internal, internalMessage)
		}
	}()
	return handler(srv, ss)
}
