package client_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/stancewatch/stance/client"
	stancev1 "github.com/stancewatch/stance/gen/stance/v1"
	"github.com/stancewatch/stance/model"
	"github.com/stancewatch/stance/server"
)

// addr is a stance server on the repository's default models, started by
// TestMain for the examples and the tests that need real answers.
var addr string

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	if !libraryPresent() {
		fmt.Println("client: skipping every test: ONNX Runtime library not found; run `make ort` or set ONNXRUNTIME_LIB")
		return 0
	}
	set, err := model.LoadSet("../models/stance", "../models/sentiment", model.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "load models (run `make model`?):", err)
		return 1
	}
	defer set.Close()
	svc := server.New(set, server.Options{MaxBatchSize: 4})
	defer svc.Close()
	stop, a, err := serve(svc)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer stop()
	addr = a
	return m.Run()
}

// serve serves srv on a free 127.0.0.1 port.
func serve(srv stancev1.StanceServiceServer) (stop func(), addr string, err error) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	gs := grpc.NewServer()
	if svc, ok := srv.(*server.Service); ok {
		gs = grpc.NewServer(svc.ServerOptions()...)
		server.Register(gs, svc)
	} else {
		stancev1.RegisterStanceServiceServer(gs, srv)
	}
	go gs.Serve(lis)
	return gs.Stop, lis.Addr().String(), nil
}

func dial(t *testing.T, addr string, opts ...client.Option) *client.Client {
	t.Helper()
	c, err := client.Dial(t.Context(), addr, opts...)
	if err != nil {
		t.Fatalf("Dial(%s): %v", addr, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestBatchClassifyChunks(t *testing.T) {
	c := dial(t, addr, client.WithParallelism(2))
	if got := c.ModelInfo().GetMaxBatchSize(); got != 4 {
		t.Fatalf("ModelInfo().MaxBatchSize = %d, want 4", got)
	}
	var stmts []*stancev1.Statement
	for i := range 11 {
		stmts = append(stmts, &stancev1.Statement{Id: fmt.Sprint("q", i), Text: fmt.Sprintf("Statement %d backs the ceasefire.", i)})
	}
	got, err := c.BatchClassify(t.Context(), stmts, "ceasefire")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(stmts) {
		t.Fatalf("BatchClassify(11 statements) = %d classifications, want 11", len(got))
	}
	for i, cl := range got {
		one, err := c.Classify(t.Context(), stmts[i], "ceasefire")
		if err != nil {
			t.Fatal(err)
		}
		if cl.GetId() != stmts[i].Id || len(cl.GetStances()) != 1 || cl.GetStances()[0].GetStance() != one.GetStances()[0].GetStance() {
			t.Errorf("BatchClassify result %d = %v, want the answer to %s: %v", i, cl, stmts[i].Id, one)
		}
	}
	stmts[9].Text = ""
	_, err = c.BatchClassify(t.Context(), stmts)
	if status.Code(err) != codes.InvalidArgument {
		t.Errorf("BatchClassify with an empty text = %v, want InvalidArgument", err)
	}
	if want := "statements[8:11]"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("BatchClassify error %v does not name the chunk %s", err, want)
	}
}

func TestStream(t *testing.T) {
	c := dial(t, addr)
	s, err := c.Stream(t.Context(), 8)
	if err != nil {
		t.Fatal(err)
	}
	const n = 50
	go func() {
		for i := range n {
			text := fmt.Sprint("We want sanctions lifted, says statement ", i)
			if i == 17 {
				text = ""
			}
			if err := s.Send(&stancev1.Statement{Id: fmt.Sprint("s", i), Text: text}); err != nil {
				t.Errorf("Send %d: %v", i, err)
				return
			}
		}
		s.CloseSend()
	}()
	for i := 0; ; i++ {
		cl, err := s.Recv()
		if errors.Is(err, io.EOF) {
			if i != n {
				t.Errorf("stream ended after %d answers, want %d", i, n)
			}
			return
		}
		var ie *client.ItemError
		switch {
		case i == 17:
			if !errors.As(err, &ie) || ie.ID != "s17" || ie.Code != codes.InvalidArgument || status.Code(err) != codes.InvalidArgument {
				t.Errorf("Recv %d = %v, %v; want an InvalidArgument ItemError for s17", i, cl, err)
			}
		case err != nil:
			t.Fatalf("Recv %d: %v", i, err)
		case cl.GetId() != fmt.Sprint("s", i):
			t.Errorf("Recv %d = %s, want s%d", i, cl.GetId(), i)
		}
	}
}

func TestDialFailsWithoutServer(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := lis.Addr().String()
	lis.Close()
	start := time.Now()
	_, err = client.Dial(t.Context(), dead, client.WithRetries(1))
	if status.Code(err) != codes.Unavailable {
		t.Errorf("Dial(%s) with nothing listening = %v, want Unavailable", dead, err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Dial with nothing listening took %v", d)
	}
}

// flaky is a StanceService that fails its first calls with the given
// status, to test the client's retries; declared here because the test is
// about the client's own logic.
type flaky struct {
	stancev1.UnimplementedStanceServiceServer
	failures int32
	err      error
	calls    atomic.Int32
	delay    time.Duration
}

func (f *flaky) GetModelInfo(context.Context, *stancev1.GetModelInfoRequest) (*stancev1.GetModelInfoResponse, error) {
	return &stancev1.GetModelInfoResponse{MaxBatchSize: 10}, nil
}

func (f *flaky) Classify(ctx context.Context, req *stancev1.ClassifyRequest) (*stancev1.ClassifyResponse, error) {
	if f.calls.Add(1) <= f.failures {
		return nil, f.err
	}
	select {
	case <-time.After(f.delay):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return &stancev1.ClassifyResponse{Classification: &stancev1.Classification{Id: req.GetStatement().GetId()}}, nil
}

func overloaded() error {
	st, _ := status.New(codes.ResourceExhausted, "queue full").WithDetails(&errdetails.RetryInfo{RetryDelay: durationpb.New(time.Millisecond)})
	return st.Err()
}

func TestRetries(t *testing.T) {
	tests := []struct {
		name      string
		srv       *flaky
		opts      []client.Option
		wantCode  codes.Code
		wantCalls int32
	}{
		{"overloaded then ok", &flaky{failures: 2, err: overloaded()}, nil, codes.OK, 3},
		{"unavailable then ok", &flaky{failures: 1, err: status.Error(codes.Unavailable, "restarting")}, nil, codes.OK, 2},
		{"retries run out", &flaky{failures: 10, err: overloaded()}, []client.Option{client.WithRetries(2)}, codes.ResourceExhausted, 3},
		{"exhausted without retry info", &flaky{failures: 1, err: status.Error(codes.ResourceExhausted, "message too large")}, nil, codes.ResourceExhausted, 1},
		{"bad input not retried", &flaky{failures: 1, err: status.Error(codes.InvalidArgument, "statement.text: empty")}, nil, codes.InvalidArgument, 1},
		{"default deadline", &flaky{delay: time.Minute}, []client.Option{client.WithTimeout(50 * time.Millisecond)}, codes.DeadlineExceeded, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stop, a, err := serve(tt.srv)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(stop)
			c := dial(t, a, tt.opts...)
			_, err = c.Classify(t.Context(), &stancev1.Statement{Id: "x", Text: "x"})
			if status.Code(err) != tt.wantCode || tt.srv.calls.Load() != tt.wantCalls {
				t.Errorf("Classify = %v after %d calls, want %v after %d", err, tt.srv.calls.Load(), tt.wantCode, tt.wantCalls)
			}
		})
	}
}

func libraryPresent() bool {
	_, ok := model.LibraryPath()
	return ok
}
