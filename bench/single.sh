#!/usr/bin/env bash
# Single requests against the service's own floor, in one command (docs/performance.md):
# starts the packaged service on a free port, warms it up, then runs wrk with the same connections
# against POST /api/v1/evaluations (1 patient, 10 entries: bench/one-patient.json, bench/post.lua)
# and against GET /q/health/live on the same server, in alternating slices (so that a change of the
# machine's load weighs on both alike), and prints both rates, their ratio (the median of the
# slices' ratios) and the evaluation's p50/p99 (medians over the slices). With REUSE="true false" (the default) it does so for a service reusing rules
# sessions and for one building a session per request (billing.engine.reuse-sessions), one after
# the other, so the two can be compared within one run.
# JAR selects another packaged jar (a copy of an older build's target/quarkus-app, for a paired run) and
# JAVA_OPTS adds JVM options to the service's command line.
# Needs: the packaged jar (./mvnw -B package -DskipTests), wrk (apt-get install wrk), curl, python3.
# Traffic goes to 127.0.0.1 only; every wrk run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-120s}
SLICES=${SLICES:-6}
SLICE=${SLICE:-5s}
REUSE=${REUSE:-"true false"}
WORK=$(mktemp -d)
PID=
trap 'if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT

[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -B package -DskipTests first"; exit 1; }
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# The wrk outputs eval-N.txt and health-N.txt in $1 summed up: rates, the median ratio, p50/p99.
summary() {
  python3 - "$1" "$SLICES" <<'PY'
import re, statistics, sys
work, slices = sys.argv[1], int(sys.argv[2])
def read(name):
    text = open(f"{work}/{name}").read()
    if "Non-2xx" in text or "Socket errors" in text:
        sys.exit(f"{name}: errors\n{text}")
    unit = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    pct = {p: float(v) * unit[u] for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)$", text, re.M)}
    return float(re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M).group(1)), pct
ev = [read(f"eval-{i}.txt") for i in range(1, slices + 1)]
he = [read(f"health-{i}.txt") for i in range(1, slices + 1)]
med = statistics.median
print(f"evaluation {med(r for r, _ in ev):.0f} req/s (p50 {med(p['50'] for _, p in ev):.2f} ms, "
      f"p99 {med(p['99'] for _, p in ev):.2f} ms), health {med(r for r, _ in he):.0f} req/s "
      f"(p50 {med(p['50'] for _, p in he):.2f} ms, p99 {med(p['99'] for _, p in he):.2f} ms), "
      f"ratio {med(e[0] / h[0] for e, h in zip(ev, he)):.3f} "
      f"(per slice {', '.join(f'{e[0] / h[0]:.3f}' for e, h in zip(ev, he))}); medians over {slices} slices")
PY
}

echo "cores: $(nproc); load before: $(uptime | sed 's/.*load average: //')"
for reuse in $REUSE; do
  PORT=$(free_port)
  BILLING_ENGINE_REUSE_SESSIONS=$reuse QUARKUS_HTTP_PORT=$PORT java ${JAVA_OPTS:-} -jar "$JAR" > "$WORK/service.log" 2>&1 &
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
  for slice in $(seq 1 "$SLICES"); do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$SLICE" --latency -s bench/post.lua "$EVAL" > "$WORK/eval-$slice.txt"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$SLICE" --latency "$HEALTH" > "$WORK/health-$slice.txt"
  done
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
  echo "reuse-sessions=$reuse, $CONNECTIONS connections, $THREADS wrk threads, $SLICES slices of $SLICE each after" \
    "$WARMUP of warm-up; load after: $(uptime | sed 's/.*load average: //')"
  summary "$WORK"
done
