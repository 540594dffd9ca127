// Package client is a thin Go client of the stance service over the
// generated stance.v1 stubs: it dials, applies default deadlines, retries
// calls the server says are worth retrying, splits large batches into
// chunks the server accepts, and wraps StreamClassify for pipelined
// scoring.
//
// Usage:
//
//	c, err := client.Dial(ctx, "localhost:50051")
//	if err != nil { ... }
//	defer c.Close()
//	res, err := c.Classify(ctx, &stancev1.Statement{Text: "We want a ceasefire now."})
//	// res.Stances[i].Stance toward "ceasefire" and "sanctions", res.Sentiment.Label
//
//	all, err := c.BatchClassify(ctx, stmts, "sanctions") // any length; order kept
//
// Every call is idempotent, so a unary call that fails with UNAVAILABLE, or
// with RESOURCE_EXHAUSTED carrying errdetails.RetryInfo (an overloaded
// server queue), is retried with exponential backoff and jitter within its
// deadline (30s unless the context has one; see WithTimeout and
// WithRetries). Streams are not retried and get no default deadline.
package client
