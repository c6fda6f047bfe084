#!/usr/bin/env bash
# Benchmarks on this machine, in one run (README "Performance" shows the output):
#  1. startup: time from `java -jar` to ready;
#  2. single requests: wrk, 1 patient with 10 entries, fixed concurrency, p50/p99 latency;
#  3. month-end batch: 100,000 patients / ~1,000,000 entries through the `evaluate` command with -Xmx1g.
# Needs: the packaged jar (./mvnw -B package -DskipTests), wrk (apt-get install wrk), python3.
# Traffic goes to 127.0.0.1 only; every loop is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/quarkus-app/quarkus-run.jar
PORT=${PORT:-8090}
PATIENTS=${PATIENTS:-100000}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-30s}
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

echo "== startup"
start=$(date +%s%N)
QUARKUS_HTTP_PORT=$PORT java -jar "$JAR" > "$WORK/service.log" 2>&1 &
PID=$!
for _ in $(seq 1 300); do
  if curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null; then break; fi
  sleep 0.05
done
echo "ready after $(( ($(date +%s%N) - start) / 1000000 )) ms (first successful readiness probe)"
grep -o 'started in [0-9.]*s' "$WORK/service.log"

echo "== single requests: 1 patient, 10 entries, $CONNECTIONS connections, 2 wrk threads"
wrk -t2 -c"$CONNECTIONS" -d30s -s bench/post.lua "http://127.0.0.1:$PORT/api/v1/evaluations" > /dev/null   # warm-up: the JIT needs ~30 s of load
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/post.lua "http://127.0.0.1:$PORT/api/v1/evaluations"
kill "$PID"; wait "$PID" 2>/dev/null || true

echo "== month-end batch: $PATIENTS patients through the evaluate command (-Xmx1g -XX:+UseParallelGC)"
python3 bench/generate_month.py "$PATIENTS" > "$WORK/month.ndjson"
python3 - "$WORK/month.ndjson" <<'PY'
import json, sys
lines = entries = 0
for line in open(sys.argv[1]):
    lines += 1
    entries += len(json.loads(line)["entries"])
print(f"{lines} lines, {entries} entries")
PY
/usr/bin/time -f "wall %e s, peak RSS %M KB" java -Xmx1g -XX:+UseParallelGC -jar "$JAR" evaluate \
  --in "$WORK/month.ndjson" --out "$WORK/results.ndjson" --claims-csv "$WORK/claims.csv" 2>&1 | grep -v '/'
