// Package server implements the stance.v1.StanceService gRPC API on a
// Classifier (in production a *model.Set): request validation with
// errdetails.BadRequest field violations, dynamic batching of concurrent
// calls into shared classifier calls, quote extraction for AnalyzeDocument,
// one table from domain errors to status codes, and registration of health
// and reflection.
//
// Usage:
//
//	set, err := model.LoadSet("models/stance", "models/sentiment", model.Options{})
//	...
//	defer set.Close()                  // last: after the server has stopped
//	svc := server.New(set, server.Options{})
//	defer svc.Close()                  // after the grpc.Server has stopped
//	gs := grpc.NewServer(svc.ServerOptions()...)
//	hs := server.Register(gs, svc)     // health NOT_SERVING for now
//	go gs.Serve(lis)
//	if err := svc.Warm(ctx); err != nil { ... }
//	server.SetServing(hs, true)
//	...
//	hs.Shutdown()                      // NOT_SERVING, then stop
//	time.AfterFunc(grace, gs.Stop)
//	gs.GracefulStop()
//
// # Batching
//
// Classify, BatchClassify, AnalyzeDocument and every StreamClassify item
// queue their statements; workers take up to Options.MaxBatch statements
// with equal targets at a time, waiting at most Options.MaxQueueDelay for a
// batch to fill, and make one classifier call of them. A batch waits only
// while statements outside it are in flight (queued, or being classified
// for callers who may send more); a lone call is classified at once. The
// model sorts a call's rows by length and runs them in the groups that pad
// least for the runs they cost. The queue holds at
// most Options.QueueSize statements: a unary call that does not fit fails at
// once with RESOURCE_EXHAUSTED (with errdetails.RetryInfo), while a stream
// waits for room, which holds its client back through flow control. A call
// whose context ends while queued returns DEADLINE_EXCEEDED or CANCELED and
// its statements are skipped. When a merged classifier call fails, each
// caller's statements are classified again on their own, so one bad
// statement fails only its own call. Stats reports the average batch size.
package server
