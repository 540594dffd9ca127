package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"google.golang.org/grpc"

	"github.com/stancewatch/stance/model"
	"github.com/stancewatch/stance/server"
)

// dirList is a repeatable string flag.
type dirList []string

func (d *dirList) String() string     { return strings.Join(*d, ",") }
func (d *dirList) Set(v string) error { *d = append(*d, v); return nil }

var (
	listen         = flag.String("listen", "localhost:50051", "address to serve on; host:0 picks a free port (logged once serving)")
	modelDirs      dirList
	stanceModel    = flag.String("stance_model", "", "stance model directory (same as the first -model_dir)")
	sentimentModel = flag.String("sentiment_model", "", "sentiment model directory (same as the second -model_dir)")
	ortLib         = flag.String("ort_lib", "", "ONNX Runtime shared library (default: $ONNXRUNTIME_LIB or third_party/onnxruntime/libonnxruntime.so.1)")
	intraOpThreads = flag.Int("intra_op_threads", 0, "ONNX Runtime intra-op threads per session (0: the model package's default)")
	sessions       = flag.Int("sessions", 1, "copies of the models, each with its own ONNX Runtime sessions, one classifier call each at a time; 1 shares one session per model among all calls")
	grace          = flag.Duration("grace", 10*time.Second, "how long a graceful stop waits for calls in flight")

	maxTextBytes         = flag.Int("max_text_bytes", 4096, "longest statement text accepted, in bytes")
	maxContextBytes      = flag.Int("max_context_bytes", 8192, "longest statement context accepted, in bytes")
	maxBatchSize         = flag.Int("max_batch_size", 1024, "most statements in one BatchClassify call")
	maxDocumentBytes     = flag.Int("max_document_bytes", 1<<20, "longest AnalyzeDocument text, in bytes")
	maxQuotesPerDocument = flag.Int("max_quotes_per_document", 512, "most quotes classified per document")
	maxMessageBytes      = flag.Int("max_message_bytes", 16<<20, "largest gRPC message received or sent, in bytes")

	batching      = flag.Bool("batching", true, "merge concurrent calls into shared classifier calls")
	maxBatch      = flag.Int("max_batch", 128, "most statements in one classifier call")
	maxQueueDelay = flag.Duration("max_queue_delay", 2*time.Millisecond, "how long a batch waits to fill")
	queueSize     = flag.Int("queue_size", 4096, "most statements waiting for the classifier; beyond it calls get RESOURCE_EXHAUSTED")
	workers       = flag.Int("batch_workers", 0, "most classifier calls at once (0: GOMAXPROCS)")
	streamWindow  = flag.Int("stream_window", 256, "most StreamClassify items in flight per stream")

	cpuProfile = flag.String("cpuprofile", "", "write a CPU profile of the whole run to this file (for go tool pprof)")
)

func main() {
	flag.Var(&modelDirs, "model_dir", "model directory; repeat it: the first is the stance model, the second the sentiment model (default: the repository's models/stance and models/sentiment)")
	flag.Parse()
	if flag.NArg() > 0 {
		log.Fatalf("stanced: unexpected arguments %q; see stanced -help", flag.Args())
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx); err != nil {
		log.Fatalf("stanced: %v", err)
	}
}

func run(ctx context.Context) (err error) {
	if os.Getenv("GOGC") == "" {
		// The server allocates per statement (token ids, padded tensors,
		// responses) on a small live heap; the default GOGC collects
		// often enough to cost ~5% of a loaded server's CPU.
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(256 << 20) // the Go heap; ONNX Runtime's memory is outside it
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer func() { err = errors.Join(err, stop()) }()
	}
	stanceDir, sentimentDir, err := modelDirectories()
	if err != nil {
		return err
	}
	clf, err := loadModels(stanceDir, sentimentDir, model.Options{LibraryPath: *ortLib, IntraOpThreads: *intraOpThreads}, *sessions)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, clf.Close()) }()

	svc := server.New(clf, server.Options{
		MaxTextBytes:         *maxTextBytes,
		MaxContextBytes:      *maxContextBytes,
		MaxBatchSize:         *maxBatchSize,
		MaxDocumentBytes:     *maxDocumentBytes,
		MaxQuotesPerDocument: *maxQuotesPerDocument,
		MaxMessageBytes:      *maxMessageBytes,
		DisableBatching:      !*batching,
		MaxBatch:             *maxBatch,
		MaxQueueDelay:        *maxQueueDelay,
		QueueSize:            *queueSize,
		Workers:              *workers,
		StreamWindow:         *streamWindow,
	})
	defer func() {
		svc.Close()
		st := svc.Stats()
		log.Printf("stanced: classified %d statements in %d classifier calls (average batch %.1f)", st.Statements, st.Batches, st.AverageBatchSize())
	}()
	gs := grpc.NewServer(svc.ServerOptions()...)
	hs := server.Register(gs, svc)

	lis, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (pick another address with -listen)", *listen, err)
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- gs.Serve(lis) }() // health answers NOT_SERVING while warming up

	if err := svc.Warm(ctx); err != nil {
		gs.Stop()
		return err
	}
	server.SetServing(hs, true)
	log.Printf("stanced: serving on %s (stance model %s, sentiment model %s)", lis.Addr(), stanceDir, sentimentDir)

	select {
	case <-ctx.Done():
		log.Printf("stanced: stopping (grace %v)", *grace)
	case err := <-serveErr:
		return fmt.Errorf("serve: %w", err)
	}
	hs.Shutdown()
	force := time.AfterFunc(*grace, gs.Stop)
	defer force.Stop()
	gs.GracefulStop()
	return nil
}

// classifier is what the server runs: one model.Set or a pool of them.
type classifier interface {
	server.Classifier
	Close() error
}

// loadModels loads n copies of the models (n <= 1: one).
func loadModels(stanceDir, sentimentDir string, opts model.Options, n int) (_ classifier, err error) {
	var sets []*model.Set
	for range max(n, 1) {
		set, err := model.LoadSet(stanceDir, sentimentDir, opts)
		if err != nil {
			for _, s := range sets {
				s.Close()
			}
			return nil, fmt.Errorf("load models: %w", err)
		}
		sets = append(sets, set)
	}
	if len(sets) == 1 {
		return sets[0], nil
	}
	return newPool(sets), nil
}

// modelDirectories resolves the stance and sentiment model directories
// from the flags, defaulting to the repository's models.
func modelDirectories() (stance, sentiment string, err error) {
	if len(modelDirs) > 2 {
		return "", "", fmt.Errorf("-model_dir given %d times; give it once for the stance model and once more for the sentiment model", len(modelDirs))
	}
	dirs := append(modelDirs, "", "")[:2]
	for i, f := range []struct {
		name, value string
	}{{"stance_model", *stanceModel}, {"sentiment_model", *sentimentModel}} {
		if f.value == "" {
			continue
		}
		if dirs[i] != "" {
			return "", "", fmt.Errorf("-%s and -model_dir both name the %s model; use one", f.name, strings.TrimSuffix(f.name, "_model"))
		}
		dirs[i] = f.value
	}
	for i, rel := range []string{"models/stance", "models/sentiment"} {
		if dirs[i] == "" {
			if dirs[i], err = findUp(filepath.Join(rel, "model.onnx")); err != nil {
				return "", "", fmt.Errorf("default model directory %s: %w; run `make model` in the repository, or pass -model_dir", rel, err)
			}
			dirs[i] = filepath.Dir(dirs[i])
		}
	}
	return dirs[0], dirs[1], nil
}

// findUp looks for the file rel in the working directory, the
// executable's directory and their parents (so the module root is found
// from anywhere inside the repository, and bin/stanced finds it too).
func findUp(rel string) (string, error) {
	var bases []string
	if wd, err := os.Getwd(); err == nil {
		bases = append(bases, wd)
	}
	if exe, err := os.Executable(); err == nil {
		if exe, err := filepath.EvalSymlinks(exe); err == nil {
			bases = append(bases, filepath.Dir(exe))
		}
	}
	for _, base := range bases {
		for dir := base; ; dir = filepath.Dir(dir) {
			p := filepath.Join(dir, rel)
			if _, err := os.Stat(p); err == nil {
				return p, nil
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	return "", fmt.Errorf("%s not found in %s or their parents", rel, strings.Join(bases, " or "))
}

// startCPUProfile profiles the process into path until stop is called.
func startCPUProfile(path string) (stop func() error, err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("-cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("-cpuprofile: %w", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		return f.Close()
	}, nil
}
