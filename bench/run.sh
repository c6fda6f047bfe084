#!/usr/bin/env bash
# Benchmarks on this machine, in one run (docs/performance.md shows the output):
#  1. startup: time from `java -jar` to ready;
#  2. single requests: wrk, 1 patient with 10 entries, fixed concurrency, p50/p99 latency, after warm-up;
#     then the gated reload of the bundled rules;
#  3. month-end batch: 100,000 patients / ~1,000,000 entries through POST /api/v1/evaluations/batch
#     (service at -Xmx1g), cold and warm, and through the `evaluate` command with -Xmx1g; entries per
#     second and peak heap; the outputs must be byte-identical, and equal to evaluating each patient
#     alone (`evaluate --chunk-size 1`);
#  4. the price of the rules engine: the rules against a hand-written Medicare loop, engine alone and
#     end to end (JMH, one thread), and the same 100,000-patient Medicare batch through the batch
#     pipeline with either plugged in (BatchComparison, every core).
# Needs: the packaged jar (./mvnw -B package -DskipTests), wrk (apt-get install wrk), python3, curl.
# Traffic goes to 127.0.0.1 only; every loop is bounded. Takes about 8 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/quarkus-app/quarkus-run.jar
CDS=-XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa   # recorded by `package` (README)
PORT=${PORT:-8090}
PATIENTS=${PATIENTS:-100000}
CONNECTIONS=${CONNECTIONS:-16}
WARMUP=${WARMUP:-60s}
DURATION=${DURATION:-30s}
WORK=$(mktemp -d)
PID=
trap 'if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT

# Peak heap: the largest heap occupancy a GC log shows before a collection ("352M->27M(585M)").
peak_heap() { grep -o '[0-9]*M->[0-9]*M' "$1" | cut -dM -f1 | sort -n | tail -1 | sed 's/$/ MB/'; }

echo "== month file: $PATIENTS patients"
python3 bench/generate_month.py "$PATIENTS" > "$WORK/month.ndjson"
ENTRIES=$(python3 - "$WORK/month.ndjson" <<'PY'
import json, sys
lines = entries = 0
for line in open(sys.argv[1]):
    lines += 1
    try:
        entries += len(json.loads(line)["entries"])
    except (ValueError, KeyError, TypeError):
        pass
print(entries)
PY
)
echo "$(wc -l < "$WORK/month.ndjson") lines, $ENTRIES entries, $(( $(stat -c %s "$WORK/month.ndjson") / 1048576 )) MB"

echo "== startup (service at -Xmx1g, with the class-data archive)"
sync; sleep 2   # the month file just written is not flushed while the service starts
start=$(date +%s%N)
QUARKUS_HTTP_PORT=$PORT java -Xmx1g "$CDS" -Xlog:gc:file="$WORK/service-gc.log" -jar "$JAR" > "$WORK/service.log" 2>&1 &
PID=$!
for attempt in $(seq 1 1500); do
  if curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null; then break; fi
  if [ "$attempt" = 1500 ]; then echo "not ready after 30 s; see $WORK/service.log"; exit 1; fi
  sleep 0.02
done
echo "ready after $(( ($(date +%s%N) - start) / 1000000 )) ms (first successful readiness probe)"
grep -o 'started in [0-9.]*s' "$WORK/service.log"

echo "== single requests: 1 patient, 10 entries, $CONNECTIONS connections, 2 wrk threads, after $WARMUP of warm-up"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/post.lua "http://127.0.0.1:$PORT/api/v1/evaluations" | grep Requests/sec | sed 's/^/warm-up /'
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/post.lua "http://127.0.0.1:$PORT/api/v1/evaluations"

echo "== gated reload of the bundled rules (compile + every scenario), as an approver"
for run in first second third; do
  curl -s -o /dev/null -w "$run reload: %{http_code} in %{time_total} s\n" -u "${ADMIN:-approver:approver}" \
    -XPOST "http://127.0.0.1:$PORT/api/v1/rules/reload"
done

echo "== month-end batch through POST /api/v1/evaluations/batch"
for run in first second third; do
  seconds=$(curl -s -o "$WORK/rest.ndjson" -w '%{time_total}' -H 'Content-Type: application/x-ndjson' \
    --data-binary @"$WORK/month.ndjson" "http://127.0.0.1:$PORT/api/v1/evaluations/batch")
  echo "$run batch: $seconds s, $(python3 -c "print(round($ENTRIES / $seconds))") entries/s"
done
echo "service: peak heap $(peak_heap "$WORK/service-gc.log"), RSS $(( $(ps -o rss= -p "$PID") / 1024 )) MB"
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=

echo "== month-end batch through the evaluate command (-Xmx1g -XX:+UseParallelGC -XX:-TieredCompilation, class-data archive)"
start=$(date +%s%N)
/usr/bin/time -f "peak RSS %M KB" -o "$WORK/time.txt" java -Xmx1g -XX:+UseParallelGC -XX:-TieredCompilation "$CDS" \
  -Xlog:gc:file="$WORK/cli-gc.log" -jar "$JAR" evaluate \
  --in "$WORK/month.ndjson" --out "$WORK/cli.ndjson" --claims-csv "$WORK/claims.csv" 2>&1 | grep -v '%'
millis=$(( ($(date +%s%N) - start) / 1000000 ))
echo "wall $millis ms from java -jar to exit, $(( ENTRIES * 1000 / millis )) entries/s, peak heap $(peak_heap "$WORK/cli-gc.log"), $(cat "$WORK/time.txt")"
if cmp "$WORK/rest.ndjson" "$WORK/cli.ndjson"; then echo "REST and command outputs are byte-identical"; else echo "MISMATCH"; exit 1; fi

echo "== each patient alone (one session per line) gives the same results"
java -Xmx1g -XX:+UseParallelGC -XX:-TieredCompilation -jar "$JAR" evaluate --chunk-size 1 \
  --in "$WORK/month.ndjson" --out "$WORK/alone.ndjson" 2>&1 | grep -v '%'
if cmp "$WORK/cli.ndjson" "$WORK/alone.ndjson"; then echo "chunked and one-by-one outputs are byte-identical"; else echo "MISMATCH"; exit 1; fi

echo "== the price of the rules engine (JMH, Medicare months, one thread)"
./mvnw -B -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
python3 bench/generate_month.py 2000 11 MEDICARE > target/medicare.ndjson
java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main EngineBenchmark \
  -p month=target/medicare.ndjson 2>&1 | sed -n '/^Benchmark /,$p'

echo "== the price of the rules engine in the batch pipeline ($PATIENTS Medicare months, every core, -Xmx1g)"
python3 bench/generate_month.py "$PATIENTS" 7 MEDICARE > target/medicare-batch.ndjson
java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" care.billing.bench.BatchComparison \
  target/medicare-batch.ndjson 2>&1 | grep -E '^round|take'
