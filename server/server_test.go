package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	reflectionpb "google.golang.org/grpc/reflection/grpc_reflection_v1"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"

	stancev1 "github.com/stancewatch/stance/gen/stance/v1"
	"github.com/stancewatch/stance/model"
	"github.com/stancewatch/stance/quote"
)

const (
	stanceDir    = "../models/stance"
	sentimentDir = "../models/sentiment"
	seedsDir     = "../../shared/seeds"
)

var (
	setOnce sync.Once
	set     *model.Set
	setErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if set != nil {
		if err := set.Close(); err != nil {
			fmt.Fprintln(os.Stderr, "closing models:", err)
			code = 1
		}
	}
	os.Exit(code)
}

// realModels returns the repository's default models, loaded once for the
// whole package. It skips the test when the ONNX Runtime library is absent.
func realModels(t testing.TB) *model.Set {
	t.Helper()
	if _, ok := model.LibraryPath(); !ok {
		t.Skip("ONNX Runtime library not found: run `make ort` or set ONNXRUNTIME_LIB")
	}
	setOnce.Do(func() { set, setErr = model.LoadSet(stanceDir, sentimentDir, model.Options{}) })
	if setErr != nil {
		t.Fatalf("LoadSet(%q, %q): %v (run `make model`?)", stanceDir, sentimentDir, setErr)
	}
	return set
}

// serve starts svc on a real grpc.Server over bufconn and returns a
// connection to it; both stop at the end of the test.
func serve(t testing.TB, svc *Service) *grpc.ClientConn {
	t.Helper()
	lis := bufconn.Listen(1 << 20)
	gs := grpc.NewServer(svc.ServerOptions()...)
	hs := Register(gs, svc)
	go gs.Serve(lis)
	conn, err := grpc.NewClient("passthrough:///bufconn",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(32<<20), grpc.MaxCallSendMsgSize(32<<20)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.Close()
		hs.Shutdown()
		gs.Stop()
		svc.Close()
	})
	return conn
}

// newReal serves the real models with opts.
func newReal(t *testing.T, opts Options) (stancev1.StanceServiceClient, *Service) {
	t.Helper()
	svc := New(realModels(t), opts)
	return stancev1.NewStanceServiceClient(serve(t, svc)), svc
}

func TestClassifyMatchesModel(t *testing.T) {
	c, _ := newReal(t, Options{})
	set := realModels(t)
	stmts := []*stancev1.Statement{
		{Id: "a", Text: "We are ready to put boots on the ground to secure a ceasefire.", Context: "The defence secretary said the UK would help enforce any truce."},
		{Id: "b", Text: "We will step up economic sanctions and pressure on the Kremlin."},
		{Id: "c", Text: "The sanctions have failed and must be lifted at once.", Context: "The minister spoke in Moscow."},
		{Id: "d", Text: "Ceasefire? Never — 休战 is surrender. 🕊️"},
	}
	for _, targets := range [][]string{nil, {"sanctions"}, {"sanctions", "ceasefire"}} {
		var mstmts []model.Statement
		for _, st := range stmts {
			mstmts = append(mstmts, model.Statement{Text: st.Text, Context: st.Context})
		}
		res, err := set.Classify(t.Context(), mstmts, targets)
		if err != nil {
			t.Fatal(err)
		}
		var want []*stancev1.Classification
		for i, r := range res {
			want = append(want, classification(stmts[i].Id, r))
		}
		for i, st := range stmts {
			got, err := c.Classify(t.Context(), &stancev1.ClassifyRequest{Statement: st, Targets: targets})
			if err != nil {
				t.Fatalf("Classify(%q, %q): %v", st.Text, targets, err)
			}
			if diff := cmp.Diff(want[i], got.GetClassification(), protocmp.Transform(), cmpopts.EquateApprox(0, 1e-5)); diff != "" {
				t.Errorf("Classify(%q, %q) mismatch with model.Set.Classify (-want +got):\n%s", st.Text, targets, diff)
			}
		}
		got, err := c.BatchClassify(t.Context(), &stancev1.BatchClassifyRequest{Statements: stmts, Targets: targets})
		if err != nil {
			t.Fatalf("BatchClassify(%q): %v", targets, err)
		}
		if diff := cmp.Diff(want, got.GetClassifications(), protocmp.Transform(), cmpopts.EquateApprox(0, 1e-5)); diff != "" {
			t.Errorf("BatchClassify(%q) mismatch with model.Set.Classify (-want +got):\n%s", targets, diff)
		}
	}
}

func TestClassifyShape(t *testing.T) {
	c, _ := newReal(t, Options{})
	resp, err := c.Classify(t.Context(), &stancev1.ClassifyRequest{
		Statement: &stancev1.Statement{Id: "q1", Text: "We demand an immediate ceasefire."},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := resp.GetClassification()
	if got.GetId() != "q1" {
		t.Errorf("Classify id = %q, want q1", got.GetId())
	}
	var targets []string
	for _, st := range got.GetStances() {
		targets = append(targets, st.GetTarget())
		if st.GetStance() == stancev1.Stance_STANCE_UNSPECIFIED {
			t.Errorf("stance toward %s is UNSPECIFIED", st.GetTarget())
		}
		checkDistribution(t, st.GetTarget(), st.GetConfidence(), st.GetScores())
	}
	if want := realModels(t).Targets(); !slices.Equal(targets, want) {
		t.Errorf("Classify stances for targets %q, want %q", targets, want)
	}
	if got.GetSentiment().GetLabel() == stancev1.SentimentLabel_SENTIMENT_LABEL_UNSPECIFIED {
		t.Errorf("sentiment is UNSPECIFIED")
	}
	checkDistribution(t, "sentiment", got.GetSentiment().GetConfidence(), got.GetSentiment().GetScores())
}

func checkDistribution(t *testing.T, name string, confidence float32, scores []*stancev1.LabelScore) {
	t.Helper()
	var sum, best float32
	for _, s := range scores {
		sum += s.GetScore()
		best = max(best, s.GetScore())
	}
	if len(scores) != 3 || sum < 0.999 || sum > 1.001 || best != confidence {
		t.Errorf("%s: scores %v (sum %v) with confidence %v, want 3 probabilities summing to 1 with the max as confidence", name, scores, sum, confidence)
	}
}

func TestGetModelInfo(t *testing.T) {
	c, _ := newReal(t, Options{MaxBatchSize: 100})
	got, err := c.GetModelInfo(t.Context(), &stancev1.GetModelInfoRequest{})
	if err != nil {
		t.Fatal(err)
	}
	set := realModels(t)
	want := &stancev1.GetModelInfoResponse{
		StanceModel:          modelInfo(set.StanceInfo()),
		SentimentModel:       modelInfo(set.SentimentInfo()),
		Targets:              set.Targets(),
		MaxTextBytes:         4096,
		MaxContextBytes:      8192,
		MaxBatchSize:         100,
		MaxDocumentBytes:     1 << 20,
		MaxQuotesPerDocument: 512,
		MaxMessageBytes:      16 << 20,
	}
	if diff := cmp.Diff(want, got, protocmp.Transform()); diff != "" {
		t.Errorf("GetModelInfo mismatch (-want +got):\n%s", diff)
	}
	if got.GetStanceModel().GetTask() != "stance" || got.GetSentimentModel().GetTask() != "sentiment" {
		t.Errorf("GetModelInfo tasks = %q, %q; want stance, sentiment", got.GetStanceModel().GetTask(), got.GetSentimentModel().GetTask())
	}
}

func TestBadRequests(t *testing.T) {
	c, _ := newReal(t, Options{MaxBatchSize: 8, MaxDocumentBytes: 100})
	long := strings.Repeat("x", 4097)
	ok := &stancev1.Statement{Text: "We want peace."}
	tests := []struct {
		name       string
		req        proto.Message
		wantCode   codes.Code
		wantFields []string
	}{
		{"missing statement", &stancev1.ClassifyRequest{}, codes.InvalidArgument, []string{"statement"}},
		{"empty text", &stancev1.ClassifyRequest{Statement: &stancev1.Statement{}}, codes.InvalidArgument, []string{"statement.text"}},
		{"blank text", &stancev1.ClassifyRequest{Statement: &stancev1.Statement{Text: " \n\t"}}, codes.InvalidArgument, []string{"statement.text"}},
		{"text too long", &stancev1.ClassifyRequest{Statement: &stancev1.Statement{Text: long}}, codes.InvalidArgument, []string{"statement.text"}},
		{"context too long", &stancev1.ClassifyRequest{Statement: &stancev1.Statement{Text: "x", Context: strings.Repeat("c", 8193)}}, codes.InvalidArgument, []string{"statement.context"}},
		{"unknown target", &stancev1.ClassifyRequest{Statement: ok, Targets: []string{"elections"}}, codes.InvalidArgument, []string{"targets[0]"}},
		{"empty target", &stancev1.ClassifyRequest{Statement: ok, Targets: []string{"ceasefire", ""}}, codes.InvalidArgument, []string{"targets[1]"}},
		{"duplicate target", &stancev1.ClassifyRequest{Statement: ok, Targets: []string{"sanctions", "sanctions"}}, codes.InvalidArgument, []string{"targets[1]"}},
		{"too many targets", &stancev1.ClassifyRequest{Statement: ok, Targets: []string{"ceasefire", "sanctions", "ceasefire"}}, codes.InvalidArgument, []string{"targets", "targets[2]"}},
		{"every violation at once", &stancev1.ClassifyRequest{Statement: &stancev1.Statement{Context: long + long + long}, Targets: []string{"war"}}, codes.InvalidArgument, []string{"statement.text", "statement.context", "targets[0]"}},
		{"batch too large", &stancev1.BatchClassifyRequest{Statements: slices.Repeat([]*stancev1.Statement{ok}, 9)}, codes.InvalidArgument, []string{"statements"}},
		{"batch bad items", &stancev1.BatchClassifyRequest{
			Statements: []*stancev1.Statement{ok, {Text: ""}, ok, {Text: "x", Context: strings.Repeat("c", 8193)}, nil},
			Targets:    []string{"ceasefire", "peace"},
		}, codes.InvalidArgument, []string{"statements[1].text", "statements[3].context", "statements[4].text", "targets[1]"}}, // nil crosses the wire as an empty Statement
		{"empty document", &stancev1.AnalyzeDocumentRequest{}, codes.InvalidArgument, []string{"text"}},
		{"document too long", &stancev1.AnalyzeDocumentRequest{Text: strings.Repeat("d", 101)}, codes.InvalidArgument, []string{"text"}},
		{"unknown encoding", &stancev1.AnalyzeDocumentRequest{Text: "He said “stop”.", EncodingType: 7}, codes.InvalidArgument, []string{"encoding_type"}},
		{"document every violation", &stancev1.AnalyzeDocumentRequest{EncodingType: -1, Targets: []string{"ceasefire", "ceasefire"}}, codes.InvalidArgument, []string{"text", "targets[1]", "encoding_type"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			switch req := tt.req.(type) {
			case *stancev1.ClassifyRequest:
				_, err = c.Classify(t.Context(), req)
			case *stancev1.BatchClassifyRequest:
				_, err = c.BatchClassify(t.Context(), req)
			case *stancev1.AnalyzeDocumentRequest:
				_, err = c.AnalyzeDocument(t.Context(), req)
			}
			checkViolations(t, err, tt.wantCode, tt.wantFields)
		})
	}
}

// checkViolations checks err's code and the fields its BadRequest names.
func checkViolations(t *testing.T, err error, wantCode codes.Code, wantFields []string) {
	t.Helper()
	st := status.Convert(err)
	if st.Code() != wantCode {
		t.Fatalf("error = %v, want code %v", err, wantCode)
	}
	var fields []string
	for _, d := range st.Details() {
		if br, ok := d.(*errdetails.BadRequest); ok {
			for _, v := range br.GetFieldViolations() {
				fields = append(fields, v.GetField())
				if v.GetDescription() == "" {
					t.Errorf("violation of %s has no description", v.GetField())
				}
			}
		}
	}
	if diff := cmp.Diff(wantFields, fields); diff != "" {
		t.Errorf("field violations of %v (-want +got):\n%s", err, diff)
	}
}

// Invalid UTF-8 cannot cross the wire in a proto3 string (both ends'
// codecs refuse it), so the handler's own check is exercised in process.
func TestInvalidUTF8(t *testing.T) {
	svc := New(realModels(t), Options{})
	t.Cleanup(svc.Close)
	_, err := svc.Classify(t.Context(), &stancev1.ClassifyRequest{Statement: &stancev1.Statement{Text: "ok", Context: "bad \xff byte"}})
	checkViolations(t, err, codes.InvalidArgument, []string{"statement.context"})
	_, err = svc.AnalyzeDocument(t.Context(), &stancev1.AnalyzeDocumentRequest{Text: "\xc3\x28"})
	checkViolations(t, err, codes.InvalidArgument, []string{"text"})
}

func TestTooManyViolationsCapped(t *testing.T) {
	c, _ := newReal(t, Options{})
	_, err := c.BatchClassify(t.Context(), &stancev1.BatchClassifyRequest{Statements: make([]*stancev1.Statement, 300)})
	st := status.Convert(err)
	if st.Code() != codes.InvalidArgument || !strings.Contains(st.Message(), "and 250 more") {
		t.Fatalf("BatchClassify(300 nil statements) = %v, want InvalidArgument mentioning 250 more", err)
	}
}

func TestStreamClassify(t *testing.T) {
	c, _ := newReal(t, Options{StreamWindow: 16, MaxBatch: 8})
	const n = 300
	stream, err := c.StreamClassify(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	reqs := make([]*stancev1.StreamClassifyRequest, n)
	for i := range reqs {
		req := &stancev1.StreamClassifyRequest{Statement: &stancev1.Statement{Id: fmt.Sprint("s", i), Text: fmt.Sprintf("Statement %d: we back a ceasefire but not sanctions.", i)}}
		switch {
		case i%7 == 3:
			req.Statement.Text = ""
		case i%11 == 5:
			req.Targets = []string{"sanctions", "weather"}
		case i%5 == 0:
			req.Targets = []string{"sanctions"}
		}
		reqs[i] = req
	}
	sendErr := make(chan error, 1)
	go func() {
		for _, req := range reqs {
			if err := stream.Send(req); err != nil {
				sendErr <- err
				return
			}
		}
		sendErr <- stream.CloseSend()
	}()
	for i := 0; ; i++ {
		resp, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			if i != n {
				t.Fatalf("stream ended after %d responses, want %d", i, n)
			}
			break
		}
		if err != nil {
			t.Fatalf("Recv %d: %v", i, err)
		}
		req := reqs[i]
		switch {
		case i%7 == 3 || i%11 == 5:
			want := "statement.text"
			if i%7 != 3 {
				want = "targets[1]"
			}
			if resp.GetError().GetCode() != int32(codes.InvalidArgument) || !strings.Contains(resp.GetError().GetMessage(), want) || resp.GetClassification() != nil {
				t.Errorf("response %d = %v, want an InvalidArgument error naming %s", i, resp, want)
			}
		default:
			cl := resp.GetClassification()
			wantStances := 2
			if req.Targets != nil {
				wantStances = 1
			}
			if resp.GetError() != nil || cl.GetId() != req.Statement.Id || len(cl.GetStances()) != wantStances {
				t.Errorf("response %d = %v, want the classification of %s with %d stances", i, resp, req.Statement.Id, wantStances)
			}
		}
	}
	if err := <-sendErr; err != nil {
		t.Fatalf("Send: %v", err)
	}
}

func TestAnalyzeDocument(t *testing.T) {
	c, _ := newReal(t, Options{})
	docs := map[string]string{
		"astral": "Crowds chanted 🕊️🇺🇦 outside. “Peace now 🕊️, not later,” said Jane Doe, the mayor. “Lift the sanctions 𝄞,” she added.",
	}
	seeds, _ := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if len(seeds) == 0 {
		t.Logf("no seed articles in %s; analysing the built-in document only", seedsDir)
	}
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(p)] = string(b)
	}
	for name, text := range docs {
		t.Run(name, func(t *testing.T) {
			wantQuotes := quote.Extract(text)
			if len(wantQuotes) == 0 {
				t.Skipf("quote.Extract finds no quotes in %s", name)
			}
			for _, enc := range []stancev1.EncodingType{stancev1.EncodingType_ENCODING_TYPE_UNSPECIFIED, stancev1.EncodingType_ENCODING_TYPE_UTF8, stancev1.EncodingType_ENCODING_TYPE_UTF16, stancev1.EncodingType_ENCODING_TYPE_UTF32} {
				resp, err := c.AnalyzeDocument(t.Context(), &stancev1.AnalyzeDocumentRequest{Id: name, Text: text, EncodingType: enc})
				if err != nil {
					t.Fatalf("AnalyzeDocument(%s, %v): %v", name, enc, err)
				}
				if resp.GetId() != name || len(resp.GetQuotes()) != len(wantQuotes) {
					t.Fatalf("AnalyzeDocument(%s, %v) = id %q with %d quotes, want id %q with %d", name, enc, resp.GetId(), len(resp.GetQuotes()), name, len(wantQuotes))
				}
				for i, q := range resp.GetQuotes() {
					w := wantQuotes[i]
					if got := sliceIn(text, enc, q.GetBeginOffset(), q.GetEndOffset()); got != w.Text || q.GetText() != w.Text {
						t.Errorf("quote %d (%v offsets %d:%d) slices %q from the document, text %q; want %q", i, enc, q.GetBeginOffset(), q.GetEndOffset(), got, q.GetText(), w.Text)
					}
					if q.GetSpeaker() != w.Speaker || q.GetContext() != w.Context || q.GetGroup() != int32(w.Group) {
						t.Errorf("quote %d = speaker %q, context %q, group %d; want %q, %q, %d", i, q.GetSpeaker(), q.GetContext(), q.GetGroup(), w.Speaker, w.Context, w.Group)
					}
					if len(q.GetClassification().GetStances()) != 2 || q.GetClassification().GetSentiment() == nil {
						t.Errorf("quote %d classification = %v, want two stances and a sentiment", i, q.GetClassification())
					}
				}
			}
		})
	}
}

// sliceIn slices text between offsets counted in enc's units, as a client
// in a language with that string encoding would.
func sliceIn(text string, enc stancev1.EncodingType, begin, end int32) string {
	switch enc {
	case stancev1.EncodingType_ENCODING_TYPE_UTF16:
		u := utf16.Encode([]rune(text))
		if begin < 0 || end > int32(len(u)) || begin > end {
			return fmt.Sprintf("<bad range of %d>", len(u))
		}
		return string(utf16.Decode(u[begin:end]))
	case stancev1.EncodingType_ENCODING_TYPE_UTF32:
		r := []rune(text)
		if begin < 0 || end > int32(len(r)) || begin > end {
			return fmt.Sprintf("<bad range of %d>", len(r))
		}
		return string(r[begin:end])
	}
	if begin < 0 || end > int32(len(text)) || begin > end || !utf8.ValidString(text[begin:end]) {
		return fmt.Sprintf("<bad range of %d>", len(text))
	}
	return text[begin:end]
}

func TestAnalyzeDocumentQuoteLimit(t *testing.T) {
	c, _ := newReal(t, Options{MaxQuotesPerDocument: 1})
	text := "“We want a ceasefire,” he said. “Lift the sanctions,” she said."
	resp, err := c.AnalyzeDocument(t.Context(), &stancev1.AnalyzeDocumentRequest{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	qs := resp.GetQuotes()
	if len(qs) != len(quote.Extract(text)) || len(qs) < 2 || qs[0].GetClassification() == nil || qs[1].GetClassification() != nil {
		t.Errorf("AnalyzeDocument with MaxQuotesPerDocument 1 = %v, want every quote, only the first classified", qs)
	}
}

func TestHealthAndReflection(t *testing.T) {
	svc := New(realModels(t), Options{})
	lis := bufconn.Listen(1 << 20)
	gs := grpc.NewServer(svc.ServerOptions()...)
	hs := Register(gs, svc)
	go gs.Serve(lis)
	t.Cleanup(func() { gs.Stop(); svc.Close() })
	conn, err := grpc.NewClient("passthrough:///bufconn",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	health := healthpb.NewHealthClient(conn)
	check := func(service string, want healthpb.HealthCheckResponse_ServingStatus) {
		t.Helper()
		resp, err := health.Check(t.Context(), &healthpb.HealthCheckRequest{Service: service})
		if err != nil || resp.GetStatus() != want {
			t.Errorf("Check(%q) = %v, %v; want %v", service, resp.GetStatus(), err, want)
		}
	}
	check("", healthpb.HealthCheckResponse_NOT_SERVING)
	check(ServiceName, healthpb.HealthCheckResponse_NOT_SERVING)
	if err := svc.Warm(t.Context()); err != nil {
		t.Fatalf("Warm: %v", err)
	}
	SetServing(hs, true)
	check("", healthpb.HealthCheckResponse_SERVING)
	check(ServiceName, healthpb.HealthCheckResponse_SERVING)

	rc, err := reflectionpb.NewServerReflectionClient(conn).ServerReflectionInfo(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if err := rc.Send(&reflectionpb.ServerReflectionRequest{MessageRequest: &reflectionpb.ServerReflectionRequest_ListServices{}}); err != nil {
		t.Fatal(err)
	}
	resp, err := rc.Recv()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range resp.GetListServicesResponse().GetService() {
		names = append(names, s.GetName())
	}
	if !slices.Contains(names, ServiceName) || !slices.Contains(names, "grpc.health.v1.Health") {
		t.Errorf("reflection lists %q, want %s and grpc.health.v1.Health", names, ServiceName)
	}
}

func TestRealModelBatchingMerges(t *testing.T) {
	c, svc := newReal(t, Options{Workers: 1, MaxQueueDelay: 20e6})
	var wg sync.WaitGroup
	for i := range 32 {
		wg.Go(func() {
			_, err := c.Classify(t.Context(), &stancev1.ClassifyRequest{Statement: &stancev1.Statement{Text: fmt.Sprintf("Call %d for a ceasefire.", i)}})
			if err != nil {
				t.Errorf("Classify %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	if st := svc.Stats(); st.Statements != 32 || st.AverageBatchSize() <= 1 {
		t.Errorf("Stats after 32 concurrent calls = %+v (average %.1f), want 32 statements in batches averaging > 1", st, st.AverageBatchSize())
	}
}

func TestBatchingDisabled(t *testing.T) {
	c, svc := newReal(t, Options{DisableBatching: true})
	for i := range 3 {
		if _, err := c.Classify(t.Context(), &stancev1.ClassifyRequest{Statement: &stancev1.Statement{Text: fmt.Sprint("Truce now ", i)}}); err != nil {
			t.Fatal(err)
		}
	}
	if st := svc.Stats(); st.Batches != 3 || st.Statements != 3 {
		t.Errorf("Stats with batching disabled = %+v, want 3 calls of 1", st)
	}
}

// BenchmarkClassifyParallel measures unary Classify calls from many
// goroutines, the load dynamic batching is for.
func BenchmarkClassifyParallel(b *testing.B) {
	for _, opts := range []struct {
		name string
		Options
	}{{"batching", Options{}}, {"direct", Options{DisableBatching: true}}} {
		b.Run(opts.name, func(b *testing.B) {
			svc := New(realModels(b), opts.Options)
			c := stancev1.NewStanceServiceClient(serve(b, svc))
			req := &stancev1.ClassifyRequest{Statement: &stancev1.Statement{Text: "We will step up economic sanctions and pressure on the Kremlin.", Context: "The foreign secretary spoke after the talks collapsed."}}
			b.SetParallelism(16)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if _, err := c.Classify(b.Context(), req); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "statements/s")
			b.ReportMetric(svc.Stats().AverageBatchSize(), "avg-batch")
		})
	}
}
