package server

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/stancewatch/stance/model"
)

// job is one caller's request for labels: a Classify call, a whole
// BatchClassify or AnalyzeDocument call, or one StreamClassify item. Its
// statements are queued one item each, so that one classifier call can
// serve several jobs and one large job can span several classifier calls.
type job struct {
	ctx     context.Context
	stmts   []model.Statement
	targets []string // nil: every target
	key     string   // targets joined; jobs are merged only with equal keys

	results []model.Result
	done    chan struct{} // closed once every item is finished

	mu   sync.Mutex
	left int
	err  error
}

func newJob(ctx context.Context, stmts []model.Statement, targets []string) *job {
	return &job{
		ctx:     ctx,
		stmts:   stmts,
		targets: targets,
		key:     strings.Join(targets, "\x00"),
		results: make([]model.Result, len(stmts)),
		done:    make(chan struct{}),
		left:    len(stmts),
	}
}

// finish records the outcome of n items of j.
func (j *job) finish(n int, err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if err != nil && j.err == nil {
		j.err = err
	}
	j.left -= n
	if j.left == 0 {
		close(j.done)
	}
}

// failed reports whether j no longer needs work: its caller is gone or
// one of its items failed.
func (j *job) failed() bool {
	if j.ctx.Err() != nil {
		return true
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.err != nil
}

// wait blocks until j is finished or its context ends, and returns its
// results. Items still queued when the context ends are skipped.
func (j *job) wait() ([]model.Result, error) {
	select {
	case <-j.done:
	case <-j.ctx.Done():
		return nil, j.ctx.Err()
	}
	if j.err != nil {
		return nil, j.err
	}
	return j.results, nil
}

// item is one statement of a job.
type item struct {
	j *job
	i int
}

// batcher merges the statements of concurrent jobs into classifier calls of
// at most maxBatch statements, waiting at most delay for a batch to fill.
// Its queue holds at most size statements, and at most Options.Workers
// classifier calls run at once. With disabled set, every job is one
// classifier call on the caller's goroutine.
type batcher struct {
	clf      Classifier
	log      *slog.Logger
	maxBatch int
	delay    time.Duration
	size     int
	disabled bool

	mu     sync.Mutex
	queue  []item
	closed bool
	ready  chan struct{} // signalled when items are queued
	space  chan struct{} // signalled when items leave the queue
	quit   chan struct{}
	wg     sync.WaitGroup
	collMu sync.Mutex // held by the one worker forming a batch

	batches, statements atomic.Int64
	// pending counts the statements queued or being classified.
	pending atomic.Int64
}

func newBatcher(clf Classifier, log *slog.Logger, opts Options) *batcher {
	b := &batcher{
		clf:      clf,
		log:      log,
		maxBatch: opts.MaxBatch,
		delay:    opts.MaxQueueDelay,
		size:     opts.QueueSize,
		disabled: opts.DisableBatching,
		ready:    make(chan struct{}, 1),
		space:    make(chan struct{}, 1),
		quit:     make(chan struct{}),
	}
	if !b.disabled {
		for range opts.Workers {
			b.wg.Go(b.work)
		}
	}
	return b
}

// submit queues j. When the queue has no room for it, submit fails at once
// with ErrQueueFull, or with block set waits for room until j's context
// ends. A job larger than the whole queue is admitted when the queue is
// empty. With batching disabled, submit classifies j before returning.
func (b *batcher) submit(j *job, block bool) error {
	if len(j.stmts) == 0 {
		close(j.done)
		return nil
	}
	if b.disabled {
		b.run([]item{{j: j, i: -1}})
		return nil
	}
	for {
		ok, err := b.push(j)
		if ok || err != nil {
			return err
		}
		if !block {
			return ErrQueueFull
		}
		select {
		case <-b.space:
		case <-j.ctx.Done():
			return j.ctx.Err()
		case <-b.quit:
			return ErrClosed
		}
	}
}

// push queues every statement of j if there is room for all of them.
func (b *batcher) push(j *job) (bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return false, ErrClosed
	}
	if len(b.queue) > 0 && len(b.queue)+len(j.stmts) > b.size {
		return false, nil
	}
	for i := range j.stmts {
		b.queue = append(b.queue, item{j: j, i: i})
	}
	b.pending.Add(int64(len(j.stmts)))
	if len(b.queue) < b.size {
		signal(b.space) // pass the turn to the next blocked submitter
	}
	signal(b.ready)
	return true, nil
}

// take removes up to n queued items, skipping (and finishing) those whose
// job has failed or whose caller is gone.
func (b *batcher) take(dst []item, n int) []item {
	b.mu.Lock()
	defer b.mu.Unlock()
	taken := 0
	for taken < len(b.queue) && n > 0 {
		it := b.queue[taken]
		taken++
		if it.j.failed() {
			it.j.finish(1, it.j.ctx.Err())
			b.pending.Add(-1)
			continue
		}
		dst = append(dst, it)
		n--
	}
	if taken > 0 {
		clear(b.queue[:taken])
		b.queue = b.queue[taken:]
		if len(b.queue) == 0 {
			b.queue = nil // let the backing array go
		}
		signal(b.space)
	}
	if len(b.queue) > 0 {
		signal(b.ready)
	}
	return dst
}

func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// work is one worker: it forms a batch while holding collMu, so that only
// one batch fills at a time, then classifies it.
func (b *batcher) work() {
	batch := make([]item, 0, b.maxBatch)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		batch = b.collect(batch[:0], timer)
		if batch == nil {
			return
		}
		b.run(batch)
	}
}

// collect waits for a first item, then for the batch to fill: until it
// holds maxBatch statements, delay has passed, or no statement is in
// flight outside it. The last rule is what keeps a lone caller from
// waiting for company that cannot come: a statement queued or being
// classified by another worker belongs to a caller who may send more
// once answered, so waiting for it pays; with none, the batch goes at
// once. collect returns nil once the batcher is closed.
func (b *batcher) collect(batch []item, timer *time.Timer) []item {
	b.collMu.Lock()
	defer b.collMu.Unlock()
	for len(batch) == 0 {
		select {
		case <-b.ready:
			batch = b.take(batch, b.maxBatch)
		case <-b.quit:
			return nil
		}
	}
	if b.delay <= 0 {
		return batch
	}
	timer.Reset(b.delay)
	defer timer.Stop()
	for len(batch) < b.maxBatch && b.pending.Load() > int64(len(batch)) {
		select {
		case <-b.ready:
			batch = b.take(batch, b.maxBatch-len(batch))
		case <-timer.C:
			return batch
		case <-b.quit:
			return batch
		}
	}
	return batch
}

// run classifies batch, one classifier call per distinct target list, and
// finishes its items. An item with i == -1 stands for its whole job.
func (b *batcher) run(batch []item) {
	for len(batch) > 0 {
		key := batch[0].j.key
		group := batch[:0:0]
		rest := batch[:0]
		for _, it := range batch {
			if it.j.key == key {
				group = append(group, it)
			} else {
				rest = append(rest, it)
			}
		}
		b.classify(group)
		batch = rest
	}
}

// classify runs one classifier call for items that share their targets.
// The call's context ends when every caller in it has gone away.
func (b *batcher) classify(items []item) {
	var stmts []model.Statement
	for _, it := range items {
		if it.i < 0 {
			stmts = append(stmts, it.j.stmts...)
		} else {
			stmts = append(stmts, it.j.stmts[it.i])
		}
	}
	ctx, cancel, jobs := b.callContext(items)
	defer cancel()
	results, err := b.safeClassify(ctx, stmts, items[0].j.targets)
	if err == nil && len(results) != len(stmts) {
		err = fmt.Errorf("server: classifier returned %d results for %d statements", len(results), len(stmts))
	}
	b.batches.Add(1)
	b.statements.Add(int64(len(stmts)))
	if err != nil && jobs > 1 && ctx.Err() == nil {
		// One caller's statement may have failed the call for everyone
		// merged with it: classify each caller's items on their own.
		for _, group := range byJob(items) {
			b.classify(group)
		}
		return
	}
	if !b.disabled {
		b.pending.Add(-int64(len(items)))
		signal(b.ready) // a filling batch may now hold everything in flight
	}
	k := 0
	for _, it := range items {
		n := 1
		if it.i < 0 {
			n = len(it.j.stmts)
			if err == nil {
				copy(it.j.results, results[k:k+n])
			}
		} else if err == nil {
			it.j.results[it.i] = results[k]
		}
		k += n
		it.j.finish(n, err)
	}
}

// callContext returns a context that ends once every job in items has
// ended, and the number of distinct jobs.
func (b *batcher) callContext(items []item) (context.Context, context.CancelFunc, int) {
	jobs := make(map[*job]bool)
	for _, it := range items {
		jobs[it.j] = true
	}
	if len(jobs) == 1 {
		return items[0].j.ctx, func() {}, 1
	}
	ctx, cancel := context.WithCancel(context.Background())
	var left atomic.Int64
	left.Store(int64(len(jobs)))
	stops := make([]func() bool, 0, len(jobs))
	for j := range jobs {
		stops = append(stops, context.AfterFunc(j.ctx, func() {
			if left.Add(-1) == 0 {
				cancel()
			}
		}))
	}
	return ctx, func() {
		for _, stop := range stops {
			stop()
		}
		cancel()
	}, len(jobs)
}

// byJob splits items into one group per job, in first-seen order.
func byJob(items []item) [][]item {
	var groups [][]item
	index := make(map[*job]int)
	for _, it := range items {
		k, ok := index[it.j]
		if !ok {
			k = len(groups)
			index[it.j] = k
			groups = append(groups, nil)
		}
		groups[k] = append(groups[k], it)
	}
	return groups
}

// safeClassify calls the classifier, turning a panic into an error.
func (b *batcher) safeClassify(ctx context.Context, stmts []model.Statement, targets []string) (res []model.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			b.log.Error("classifier panic", "panic", r, "stack", string(debug.Stack()))
			res, err = nil, fmt.Errorf("%w: %v", errPanic, r)
		}
	}()
	return b.clf.Classify(ctx, stmts, targets)
}

// close stops the workers after their current batch and fails every job
// still queued with ErrClosed.
func (b *batcher) close() {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return
	}
	b.closed = true
	queued := b.queue
	b.queue = nil
	b.mu.Unlock()
	close(b.quit)
	b.wg.Wait()
	for _, it := range queued {
		it.j.finish(1, ErrClosed)
	}
	b.pending.Add(-int64(len(queued)))
}

// stats returns the number of classifier calls and the statements they
// classified.
func (b *batcher) stats() (batches, statements int64) {
	return b.batches.Load(), b.statements.Load()
}
