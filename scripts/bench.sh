#!/usr/bin/env bash
# Benchmarks of the stance service on this machine (`make bench`).
#
# Runs, in order: the tokenizer and model Go benchmarks; unary Classify under
# ghz at concurrency 1, 16 and 64 with and without dynamic batching, and at a
# fixed 1,000 requests/s; BatchClassify and StreamClassify under load; and
# `stancectl batch` on 100,000 and 1,000,000 generated statements with the
# peak RSS of server and client. Every server it needs is its own stanced on
# a free 127.0.0.1 port, stopped by PID when done (and on exit). Results go
# to .bench/ (raw outputs) and .bench/summary.md (the table printed at the
# end). Speed is measured, never asserted.
#
# Environment: BENCH_QUICK=1 shortens every phase (a smoke run of the script);
# BENCH_N1 and BENCH_N2 override the two batch sizes (100000, 1000000).
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=.bench
BIN=bin
mkdir -p "$OUT"
export ONNXRUNTIME_LIB="${ONNXRUNTIME_LIB:-$PWD/third_party/onnxruntime/libonnxruntime.so.1}"

N1=${BENCH_N1:-100000}
N2=${BENCH_N2:-1000000}
BENCHTIME=2s
GHZ_N1=4000 GHZ_N16=20000 GHZ_N64=40000 GHZ_RPS_N=10000
LOAD_DUR=10s
if [[ -n "${BENCH_QUICK:-}" ]]; then
	N1=5000 N2=20000 BENCHTIME=200ms
	GHZ_N1=500 GHZ_N16=2000 GHZ_N64=4000 GHZ_RPS_N=2000
	LOAD_DUR=2s
fi

for tool in "$BIN/stanced" "$BIN/stancectl" "$BIN/ghz"; do
	[[ -x $tool ]] || { echo "bench: $tool missing; run \`make bench\` (it builds and installs them)" >&2; exit 1; }
done
go build -o "$BIN/" ./bench && mv "$BIN/bench" "$BIN/stance-bench"

# Processes this script started, stopped on exit.
PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf 'bench: %s\n' "$*" >&2; }

# cpu_busy prints the share of CPU time (percent) the whole machine spent
# busy over one second: load from other work on this machine skews results.
cpu_busy() {
	local a b
	read -ra a < <(head -1 /proc/stat)
	sleep 1
	read -ra b < <(head -1 /proc/stat)
	local idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )) total=0 i
	for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
	echo $(( 100 * (total - idle) / (total > 0 ? total : 1) ))
}

# start_server NAME FLAGS... starts stanced on a free port; sets SRV_PID and
# SRV_ADDR once the server reports SERVING.
start_server() {
	local name=$1
	shift
	local logf="$OUT/stanced-$name.log"
	"$BIN/stanced" -listen 127.0.0.1:0 "$@" >"$logf" 2>&1 &
	SRV_PID=$!
	PIDS+=("$SRV_PID")
	SRV_ADDR=
	for _ in $(seq 600); do
		SRV_ADDR=$(sed -n 's/.*serving on \([0-9.:]*\).*/\1/p' "$logf" | head -1)
		[[ -n $SRV_ADDR ]] && break
		kill -0 "$SRV_PID" 2>/dev/null || { cat "$logf" >&2; echo "bench: stanced $name exited" >&2; exit 1; }
		sleep 0.1
	done
	[[ -n $SRV_ADDR ]] || { echo "bench: stanced $name did not start" >&2; exit 1; }
	"$BIN/stance-bench" health -addr "$SRV_ADDR" -wait 30s
}

# stop_server prints the server's peak RSS in MB, stops it, and sets
# SRV_AVG_BATCH from its shutdown log line.
stop_server() {
	local name=$1
	SRV_RSS_MB=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$SRV_PID/status")
	kill "$SRV_PID"
	wait "$SRV_PID" || true
	SRV_AVG_BATCH=$(sed -n 's/.*(average batch \([0-9.]*\)).*/\1/p' "$OUT/stanced-$name.log" | tail -1)
}

SUMMARY="$OUT/summary.md"
ROWS=()
row() { ROWS+=("$(printf '| %s | %s | %s |' "$1" "$2" "$3")"); }

BUSY_BEFORE=$(cpu_busy)
log "machine: $(nproc) cores, ${BUSY_BEFORE}% busy before the run (other work skews the figures)"

# 1 and 2: Go benchmarks.
log "tokenizer and model benchmarks"
go test -run '^$' -bench 'Tokenize|Classify' -benchtime "$BENCHTIME" ./model/ | tee "$OUT/go-bench.txt" >&2
metric() { awk -v name="$1" '$1 ~ name { for (i = 1; i < NF; i++) if ($(i+1) == "statements/s") print $i }' "$OUT/go-bench.txt" | head -1; }
TOK_SUGARME=$(metric 'BenchmarkTokenize/sugarme')
TOK_CACHED=$(metric 'BenchmarkTokenize/cached')
row "Tokenizer, plain sugarme pipeline" "$TOK_SUGARME statements/s" "go test -run '^\$' -bench Tokenize -benchtime $BENCHTIME ./model/"
row "Tokenizer, cached chunked path" "$TOK_CACHED statements/s" "same run"
for n in 1 8 32 128; do
	row "model.Set.Classify, batch $n" "$(metric "BenchmarkClassify/batch=$n-") statements/s" "go test -run '^\$' -bench Classify -benchtime $BENCHTIME ./model/"
done

# 3: unary Classify under ghz.
"$BIN/stance-bench" ghzdata -n 512 -out "$OUT/ghz-data.json"
ghz_run() { # ghz_run OUTNAME ADDR ghz-flags...
	local name=$1 addr=$2
	shift 2
	"$BIN/ghz" --insecure --call stance.v1.StanceService.Classify -D "$OUT/ghz-data.json" \
		-O json -o "$OUT/ghz-$name.json" "$@" "$addr"
	"$BIN/stance-bench" ghzsum "$OUT/ghz-$name.json"
}
# ghz_warm fills the server's tokenizer word cache with the ghz statements
# (two passes over them), unrecorded: the first calls of a fresh server pay
# sugarme's pipeline for every new word, and the figures are steady state.
ghz_warm() {
	"$BIN/ghz" --insecure --call stance.v1.StanceService.Classify -D "$OUT/ghz-data.json" -c 16 -n 1024 "$1" >/dev/null
}
declare -A GHZ
for mode in batching nobatching; do
	flags=()
	[[ $mode == nobatching ]] && flags=(-batching=false)
	for c in 1 16 64; do
		n_var=GHZ_N$c
		start_server "ghz-$mode-c$c" "${flags[@]}"
		ghz_warm "$SRV_ADDR"
		log "ghz Classify $mode c=$c n=${!n_var}"
		read -r rps p50 p99 ok failed < <(ghz_run "$mode-c$c" "$SRV_ADDR" -c "$c" -n "${!n_var}")
		stop_server "ghz-$mode-c$c"
		GHZ[$mode-$c]="$rps $p50 $p99"
		row "Unary Classify, $mode, concurrency $c" "$rps req/s, p50 $p50 ms, p99 $p99 ms, $failed failed, average batch $SRV_AVG_BATCH" \
			"ghz --insecure --call stance.v1.StanceService.Classify -D .bench/ghz-data.json -c $c -n ${!n_var} (after a 1,024-call warm-up); stanced ${flags[*]}"
	done
done
for mode in batching nobatching; do
	flags=()
	[[ $mode == nobatching ]] && flags=(-batching=false)
	start_server "ghz-$mode-rps1000" "${flags[@]}"
	ghz_warm "$SRV_ADDR"
	log "ghz Classify $mode at 1000 req/s"
	read -r rps p50 p99 ok failed < <(ghz_run "$mode-rps1000" "$SRV_ADDR" --rps 1000 -c 50 -n "$GHZ_RPS_N")
	stop_server "ghz-$mode-rps1000"
	GHZ[$mode-rps]="$rps $p50 $p99"
	row "Unary Classify at 1,000 req/s, $mode" "$rps req/s, p50 $p50 ms, p99 $p99 ms, $failed failed, average batch $SRV_AVG_BATCH" \
		"ghz ... --rps 1000 -c 50 -n $GHZ_RPS_N; stanced ${flags[*]}"
done

# The floor of the latency figures: ghz against a call that does no work,
# on the same machine and at the same rate.
start_server floor
log "ghz GetModelInfo at 1000 req/s (latency floor)"
"$BIN/ghz" --insecure --call stance.v1.StanceService.GetModelInfo -O json -o "$OUT/ghz-floor-rps1000.json" --rps 1000 -c 50 -n "$GHZ_RPS_N" "$SRV_ADDR"
read -r rps p50 p99 ok failed < <("$BIN/stance-bench" ghzsum "$OUT/ghz-floor-rps1000.json")
stop_server floor
row "Latency floor: GetModelInfo (no work) at 1,000 req/s" "$rps req/s, p50 $p50 ms, p99 $p99 ms" "ghz --call stance.v1.StanceService.GetModelInfo --rps 1000 -c 50 -n $GHZ_RPS_N"

# The ceiling of the throughput figures: ghz at concurrency 64 against a
# call that does no work. ghz runs on the same two cores as the server, so
# no Classify configuration can pass this rate.
start_server ceiling
log "ghz GetModelInfo at concurrency 64 (throughput ceiling)"
"$BIN/ghz" --insecure --call stance.v1.StanceService.GetModelInfo -O json -o "$OUT/ghz-ceiling-c64.json" -c 64 -n "$GHZ_N64" "$SRV_ADDR"
read -r CEIL_RPS c_p50 c_p99 ok failed < <("$BIN/stance-bench" ghzsum "$OUT/ghz-ceiling-c64.json")
stop_server ceiling
row "Throughput ceiling: GetModelInfo (no work) at concurrency 64" "$CEIL_RPS req/s, p50 $c_p50 ms, p99 $c_p99 ms" "ghz --call stance.v1.StanceService.GetModelInfo -c 64 -n $GHZ_N64"

# 4: BatchClassify and StreamClassify under load.
start_server load
log "BatchClassify and StreamClassify load"
"$BIN/stance-bench" load -addr "$SRV_ADDR" -rpc batch -c 4 -batch 128 -d "$LOAD_DUR" | tee "$OUT/load-batch.json" >&2
"$BIN/stance-bench" load -addr "$SRV_ADDR" -rpc stream -c 4 -window 256 -d "$LOAD_DUR" | tee "$OUT/load-stream.json" >&2
stop_server load
jget() { sed -n "s/.*\"$2\":\\([0-9.e+-]*\\).*/\\1/p" "$1" | awk '{printf "%.1f", $1}'; }
row "BatchClassify, 4 callers x 128 statements" \
	"$(jget "$OUT/load-batch.json" statements_per_s) statements/s, p50 $(jget "$OUT/load-batch.json" p50_ms) ms, p99 $(jget "$OUT/load-batch.json" p99_ms) ms per call" \
	"stance-bench load -rpc batch -c 4 -batch 128 -d $LOAD_DUR"
row "StreamClassify, 4 streams, 256 items in flight each" \
	"$(jget "$OUT/load-stream.json" statements_per_s) statements/s, p50 $(jget "$OUT/load-stream.json" p50_ms) ms, p99 $(jget "$OUT/load-stream.json" p99_ms) ms per item" \
	"stance-bench load -rpc stream -c 4 -window 256 -d $LOAD_DUR"

# 5: stancectl batch end to end.
declare -A CLI
for n in "$N1" "$N2"; do
	in="$OUT/statements-$n.jsonl"
	[[ -s $in ]] || "$BIN/stance-bench" gen -n "$n" -out "$in"
	start_server "cli-$n"
	log "stancectl batch on $n statements"
	/usr/bin/time -v "$BIN/stancectl" batch -addr "$SRV_ADDR" -in "$in" -out "$OUT/classified-$n.jsonl" -progress 0 2>"$OUT/stancectl-$n.err"
	stop_server "cli-$n"
	rate=$(sed -n 's/.*: \([0-9]*\) statements\/s.*/\1/p' "$OUT/stancectl-$n.err" | tail -1)
	cli_rss=$(awk '/Maximum resident set size/ {printf "%.0f", $NF/1024}' "$OUT/stancectl-$n.err")
	lines=$(wc -l <"$OUT/classified-$n.jsonl")
	[[ $lines -eq $n ]] || { echo "bench: stancectl batch wrote $lines lines for $n statements" >&2; exit 1; }
	CLI[$n]=$rate
	row "stancectl batch, $n statements" "$rate statements/s; peak RSS server $SRV_RSS_MB MB, client $cli_rss MB; average batch $SRV_AVG_BATCH" \
		"stance-bench gen -n $n; /usr/bin/time -v stancectl batch -in IN -out OUT; VmHWM of stanced"
	rm -f "$OUT/classified-$n.jsonl"
done
BUSY_AFTER=$(cpu_busy)

# Goals.
goal() { # goal NAME MET(0/1) DETAIL
	local verdict=met
	[[ $2 == 1 ]] || verdict="NOT met"
	ROWS+=("$(printf '| Goal: %s | %s | %s |' "$1" "$verdict" "$3")")
}
ge() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 >= b + 0) ? 1 : 0 }'; }
cli1=${CLI[$N1]}
goal "stancectl batch >= 20,000 statements/s" "$(ge "$cli1" 20000)" "$cli1 statements/s at $N1"
goal "stancectl batch >= 5x plain sugarme" "$(ge "$cli1" "$(awk -v s="$TOK_SUGARME" 'BEGIN { print 5 * s }')")" \
	"$cli1 vs 5 x $TOK_SUGARME = $(awk -v s="$TOK_SUGARME" 'BEGIN { printf "%.0f", 5 * s }')"
read -r b_rps _ b_p99 <<<"${GHZ[batching-64]}"
read -r u_rps _ u_p99 <<<"${GHZ[nobatching-64]}"
goal "batching >= 2x unbatched req/s at c=64" "$(ge "$b_rps" "$(awk -v u="$u_rps" 'BEGIN { print 2 * u }')")" \
	"$b_rps vs $u_rps req/s ($(awk -v b="$b_rps" -v u="$u_rps" 'BEGIN { printf "%.2f", b / u }')x)"
ROWS+=("$(printf '| Batching at c=64 against the ceiling | %s | %s |' \
	"$(awk -v b="$b_rps" -v c="$CEIL_RPS" 'BEGIN { printf "%.0f%%", 100 * b / c }') of the no-work rate" \
	"$b_rps vs $CEIL_RPS req/s; the 2x goal needs $(awk -v u="$u_rps" 'BEGIN { printf "%.0f", 2 * u }') req/s")")
goal "batching p99 <= 2x unbatched p99 at c=64" "$(ge "$(awk -v u="$u_p99" 'BEGIN { print 2 * u }')" "$b_p99")" "$b_p99 vs $u_p99 ms"
read -r _ _ r_p99 <<<"${GHZ[batching-rps]}"
goal "p99 <= 5 ms at 1,000 req/s (batching on)" "$(ge 5 "$r_p99")" "$r_p99 ms"

{
	echo "# Benchmarks"
	echo
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)), commit $(git rev-parse --short HEAD)$(git diff --quiet -- server client cmd model || echo '+local changes')."
	echo "Machine busy ${BUSY_BEFORE}% before and ${BUSY_AFTER}% after the run (other processes' load skews the figures)."
	echo
	echo "| What | Result | Command |"
	echo "|---|---|---|"
	printf '%s\n' "${ROWS[@]}"
} >"$SUMMARY"
cat "$SUMMARY"
