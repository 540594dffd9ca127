package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/protobuf/encoding/protojson"

	stancev1 "github.com/stancewatch/stance/gen/stance/v1"
	"github.com/stancewatch/stance/model"
)

// startServer builds stanced and stancectl into a temporary directory,
// starts stanced on a free port with the repository's models and waits for
// it to report SERVING. It returns the stancectl path and the address.
func startServer(t *testing.T) (ctl, addr string) {
	t.Helper()
	if _, ok := model.LibraryPath(); !ok {
		t.Skip("ONNX Runtime library not found: run `make ort` or set ONNXRUNTIME_LIB")
	}
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", bin+string(filepath.Separator), "./cmd/stanced", "./cmd/stancectl")
	build.Dir = "../.."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	srv := exec.Command(filepath.Join(bin, "stanced"), "-listen", "127.0.0.1:0")
	srv.Dir = "../.." // the defaults are found from the repository root
	stderr, err := srv.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	done := make(chan struct{})
	t.Cleanup(func() {
		srv.Process.Signal(syscall.SIGTERM)
		<-done
		if err := srv.Wait(); err != nil {
			t.Errorf("stanced exited with %v after SIGTERM; log:\n%s", err, log.String())
		}
		if !strings.Contains(log.String(), "average batch") {
			t.Errorf("stanced log lacks the shutdown batch statistics:\n%s", log.String())
		}
	})
	addrc := make(chan string, 1)
	go func() {
		defer close(done)
		sc := bufio.NewScanner(io.TeeReader(stderr, &log))
		for sc.Scan() {
			if _, rest, ok := strings.Cut(sc.Text(), "serving on "); ok {
				addrc <- strings.Fields(rest)[0]
			}
		}
	}()
	select {
	case addr = <-addrc:
	case <-done:
		t.Fatalf("stanced exited before serving:\n%s", log.String())
	case <-time.After(time.Minute):
		t.Fatalf("stanced did not serve within a minute:\n%s", log.String())
	}
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	resp, err := healthpb.NewHealthClient(conn).Check(t.Context(), &healthpb.HealthCheckRequest{Service: "stance.v1.StanceService"})
	if err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("health of stanced at %s = %v, %v; want SERVING", addr, resp, err)
	}
	return filepath.Join(bin, "stancectl"), addr
}

func run(t *testing.T, name string, args ...string) (stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %q: %v\nstderr:\n%s", filepath.Base(name), args, err, e.String())
	}
	return o.String(), e.String()
}

func TestCLI(t *testing.T) {
	ctl, addr := startServer(t)

	t.Run("classify", func(t *testing.T) {
		out, _ := run(t, ctl, "classify", "-addr", addr, "We demand an immediate ceasefire.")
		for _, want := range []string{"ceasefire", "sanctions", "sentiment"} {
			if !strings.Contains(out, want) {
				t.Errorf("classify output lacks %q:\n%s", want, out)
			}
		}
		out, _ = run(t, ctl, "classify", "-addr", addr, "-target", "sanctions", "-json", "Lift the sanctions.")
		var c stancev1.Classification
		if err := protojson.Unmarshal([]byte(out), &c); err != nil || len(c.GetStances()) != 1 || c.GetStances()[0].GetTarget() != "sanctions" {
			t.Errorf("classify -target sanctions -json = %v (%v), want one stance toward sanctions:\n%s", &c, err, out)
		}
	})

	t.Run("analyze", func(t *testing.T) {
		doc := filepath.Join(t.TempDir(), "article.txt")
		text := "“We will not accept a ceasefire on these terms,” the minister said on Monday.\n"
		if err := os.WriteFile(doc, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		out, _ := run(t, ctl, "analyze", "-addr", addr, doc)
		for _, want := range []string{"1 quotes in", "We will not accept a ceasefire on these terms", "sentiment"} {
			if !strings.Contains(out, want) {
				t.Errorf("analyze output lacks %q:\n%s", want, out)
			}
		}
	})

	t.Run("batch", func(t *testing.T) {
		dir := t.TempDir()
		in, out := filepath.Join(dir, "in.jsonl"), filepath.Join(dir, "out.jsonl")
		const n = 400
		var lines []string
		for i := 1; i <= n; i++ {
			switch i {
			case 150:
				lines = append(lines, `{"id":"q150","text":`) // invalid JSON
			case 250:
				lines = append(lines, `{"id":"q250","text":""}`) // rejected by the server
			default:
				b, _ := json.Marshal(map[string]string{"id": fmt.Sprint("q", i), "text": fmt.Sprintf("Statement %d: the truce must hold.", i)})
				lines = append(lines, string(b))
			}
		}
		if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, stderr := run(t, ctl, "batch", "-addr", addr, "-in", in, "-out", out)
		for _, want := range []string{"line 150:", "line 250:", "statements/s"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("batch stderr lacks %q:\n%s", want, stderr)
			}
		}
		full := checkBatchOutput(t, out, n)

		// Many small calls in flight at once: the same output, in order.
		small := filepath.Join(dir, "small.jsonl")
		run(t, ctl, "batch", "-addr", addr, "-in", in, "-out", small, "-chunk", "7", "-window", "50")
		if got := checkBatchOutput(t, small, n); !slices.Equal(got, full) {
			t.Errorf("batch -chunk 7 -window 50 output differs from the default run:\n%v\nwant\n%v", got, full)
		}

		// An interrupted job: 100 complete lines and half of the next.
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		cut := 0
		for range 100 {
			cut += bytes.IndexByte(b[cut:], '\n') + 1
		}
		cut += 20
		if err := os.WriteFile(out, b[:cut], 0o644); err != nil {
			t.Fatal(err)
		}
		_, stderr = run(t, ctl, "batch", "-addr", addr, "-in", in, "-out", out, "-resume")
		if !strings.Contains(stderr, "resuming after line 100") {
			t.Errorf("batch -resume stderr lacks the resume point:\n%s", stderr)
		}
		resumed := checkBatchOutput(t, out, n)
		for i := range full {
			if full[i] != resumed[i] {
				t.Errorf("line %d after -resume = %s, want %s", i+1, resumed[i], full[i])
			}
		}
	})
}

// checkBatchOutput checks that out has one line per input line, in order,
// with error records for lines 150 and 250, and returns each line's id and
// error.
func checkBatchOutput(t *testing.T, out string, n int) []string {
	t.Helper()
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != n {
		t.Fatalf("batch wrote %d lines for %d input lines", len(lines), n)
	}
	var got []string
	for i, l := range lines {
		var rec struct {
			ID      string          `json:"id"`
			Line    int             `json:"line"`
			Error   string          `json:"error"`
			Stances json.RawMessage `json:"stances"`
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("output line %d is not JSON: %v\n%s", i+1, err, l)
		}
		switch i + 1 {
		case 150, 250:
			if rec.Line != i+1 || rec.Error == "" {
				t.Errorf("output line %d = %s, want an error record for line %d", i+1, l, i+1)
			}
			if i+1 == 250 && (rec.ID != "q250" || !strings.Contains(rec.Error, "statement.text")) {
				t.Errorf("output line 250 = %s, want id q250 and an error naming statement.text", l)
			}
		default:
			if rec.ID != fmt.Sprint("q", i+1) || rec.Error != "" || len(rec.Stances) == 0 {
				t.Errorf("output line %d = %s, want the classification of q%d", i+1, l, i+1)
			}
		}
		got = append(got, rec.ID+" "+rec.Error)
	}
	return got
}
