#!/usr/bin/env bash
# Single requests against the service's own floor, in one command (docs/performance.md):
# starts the packaged service on a free port, warms it up, then runs wrk with the same connections
# against POST /api/v1/evaluations (1 patient, 10 entries: bench/one-patient.json, bench/post.lua)
# and against GET /q/health/live on the same server, and prints both rates, their ratio and the
# evaluation's p50/p99. With REUSE="true false" (the default) it does so for a service reusing rules
# sessions and for one building a session per request (billing.engine.reuse-sessions), one after
# the other, so the two can be compared within one run.
# Needs: the packaged jar (./mvnw -B package -DskipTests), wrk (apt-get install wrk), curl, python3.
# Traffic goes to 127.0.0.1 only; every wrk run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/quarkus-app/quarkus-run.jar
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-20s}
REUSE=${REUSE:-"true false"}
WORK=$(mktemp -d)
PID=
trap 'if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT

[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -B package -DskipTests first"; exit 1; }
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# "Requests/sec: 1234.56" -> 1234.56; "99%  2.34ms" -> 2.34ms
rate() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
percentile() { awk -v p="$2%" '$1 == p {print $2}' "$1"; }
ratio() { python3 -c "print(f'{$1 / $2:.3f}')"; }

echo "cores: $(nproc); load before: $(uptime | sed 's/.*load average: //')"
for reuse in $REUSE; do
  PORT=$(free_port)
  BILLING_ENGINE_REUSE_SESSIONS=$reuse QUARKUS_HTTP_PORT=$PORT java -jar "$JAR" > "$WORK/service.log" 2>&1 &
  PID=$!
  for attempt in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null; then break; fi
    if [ "$attempt" = 600 ]; then echo "not ready after 60 s; service log:"; cat "$WORK/service.log"; exit 1; fi
    sleep 0.1
  done
  EVAL=http://127.0.0.1:$PORT/api/v1/evaluations
  HEALTH=http://127.0.0.1:$PORT/q/health/live
  curl -sf -H 'Content-Type: application/json' --data-binary @bench/one-patient.json "$EVAL" | grep -q '"claimLines"' \
    || { echo "the evaluation did not answer with claim lines"; exit 1; }
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/post.lua "$EVAL" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$HEALTH" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/post.lua "$EVAL" > "$WORK/eval.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$HEALTH" > "$WORK/health.txt"
  for file in eval health; do
    if grep -q 'Non-2xx' "$WORK/$file.txt"; then echo "$file: error responses"; cat "$WORK/$file.txt"; exit 1; fi
  done
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
  eval_rate=$(rate "$WORK/eval.txt"); health_rate=$(rate "$WORK/health.txt")
  echo "reuse-sessions=$reuse, $CONNECTIONS connections, $THREADS wrk threads, $DURATION each after $WARMUP of warm-up:" \
    "evaluation $eval_rate req/s (p50 $(percentile "$WORK/eval.txt" 50), p99 $(percentile "$WORK/eval.txt" 99))," \
    "health $health_rate req/s (p50 $(percentile "$WORK/health.txt" 50), p99 $(percentile "$WORK/health.txt" 99))," \
    "ratio $(ratio "$eval_rate" "$health_rate"); load: $(uptime | sed 's/.*load average: //')"
done
