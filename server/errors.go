package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/stancewatch/stance/model"
)

// Errors returned by the server's own machinery.
var (
	// ErrQueueFull means the batching queue is at Options.QueueSize.
	ErrQueueFull = errors.New("server: overloaded: classification queue is full; retry with backoff")
	// ErrClosed means the Service has been closed.
	ErrClosed = errors.New("server: shutting down")
	// errPanic marks a recovered panic; it reaches clients only as Internal.
	errPanic = errors.New("server: panic")
)

// errorCodes is the one table from domain errors to gRPC codes. An entry
// with a message replaces the error's own text, for errors whose text may
// carry engine internals. Errors matching no entry become Internal with a
// generic message and are logged once, in toStatus.
//
// retryAfter, when set, is sent as errdetails.RetryInfo: it tells clients
// that the call is safe and worth retrying after that delay (a message
// too large, also ResourceExhausted, carries none).
var errorCodes = []struct {
	err        error
	code       codes.Code
	msg        string
	retryAfter time.Duration
}{
	{model.ErrUnknownTarget, codes.InvalidArgument, "", 0},
	{model.ErrTokenize, codes.InvalidArgument, "the statement could not be tokenized", 0},
	{model.ErrClosed, codes.Unavailable, "the models are closed; the server is shutting down", 0},
	{ErrQueueFull, codes.ResourceExhausted, "", 50 * time.Millisecond},
	{ErrClosed, codes.Unavailable, "", 0},
	{context.DeadlineExceeded, codes.DeadlineExceeded, "", 0},
	{context.Canceled, codes.Canceled, "", 0},
	{errPanic, codes.Internal, internalMessage, 0}, // logged with its stack where recovered
}

const internalMessage = "internal error; the server log has the details"

// toStatus converts err into a gRPC status error. Status errors and bad
// requests pass through as they are; domain errors take their code from
// errorCodes; anything else is logged and becomes a generic Internal.
func toStatus(log *slog.Logger, err error) error {
	if err == nil {
		return nil
	}
	var br *badRequest
	if errors.As(err, &br) {
		return br.status()
	}
	if _, ok := status.FromError(err); ok {
		return err
	}
	for _, e := range errorCodes {
		if errors.Is(err, e.err) {
			msg := e.msg
			if msg == "" {
				msg = err.Error()
			}
			st := status.New(e.code, msg)
			if e.retryAfter > 0 {
				if withRetry, err := st.WithDetails(&errdetails.RetryInfo{RetryDelay: durationpb.New(e.retryAfter)}); err == nil {
					st = withRetry
				}
			}
			return st.Err()
		}
	}
	log.Error("internal error", "err", err)
	return status.Error(codes.Internal, internalMessage)
}

// maxViolations caps the field violations of one response so that the
// status details fit in gRPC trailers; the last one says how many more
// there were.
const maxViolations = 50

// badRequest collects every field violation of one request.
type badRequest struct {
	violations []*errdetails.BadRequest_FieldViolation
	omitted    int
}

func (b *badRequest) add(field, format string, args ...any) {
	if len(b.violations) >= maxViolations {
		b.omitted++
		return
	}
	b.violations = append(b.violations, &errdetails.BadRequest_FieldViolation{
		Field:       field,
		Description: fmt.Sprintf(format, args...),
	})
}

// err returns b as an error, or nil when nothing was wrong.
func (b *badRequest) err() error {
	if len(b.violations) == 0 {
		return nil
	}
	return b
}

func (b *badRequest) Error() string {
	msg := ""
	for i, v := range b.violations {
		if i > 0 {
			msg += "; "
		}
		msg += v.GetField() + ": " + v.GetDescription()
	}
	if b.omitted > 0 {
		msg += fmt.Sprintf("; and %d more", b.omitted)
	}
	return msg
}

func (b *badRequest) status() error {
	st := status.New(codes.InvalidArgument, b.Error())
	detail := &errdetails.BadRequest{FieldViolations: b.violations}
	if withDetails, err := st.WithDetails(detail); err == nil {
		st = withDetails
	}
	return st.Err()
}
