#!/usr/bin/env bash
# Drools' executable rule model against the DRL build the service uses (docs/performance.md):
# the same results first, then, in a fresh JVM per build and run, compile time (cold and again) and
# time per month in chunks, on the bundled rules and 2,000 generated Medicare months. The
# executable-model compiler is resolved here only (pom.xml beside this file), never on the
# service's or the tests' class path. About 80 s here once downloaded.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
./mvnw -B -q -f bench/exec-model/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/target/exec-model-classpath.txt"
[ -f target/medicare.ndjson ] || python3 bench/generate_month.py 2000 11 MEDICARE > target/medicare.ndjson
CP="target/exec-model-classes:target/classes:$(cat target/classpath.txt):$(cat target/exec-model-classpath.txt)"
javac -d target/exec-model-classes -cp "$CP" bench/exec-model/ExecModelComparison.java
java -Xmx1g -cp "$CP" care.billing.bench.ExecModelComparison --compare rules target/medicare.ndjson
for build in drl exec drl exec drl exec; do   # a JVM per build and run, alternating
  java -Xmx1g -cp "$CP" care.billing.bench.ExecModelComparison --time "$build" rules target/medicare.ndjson
done
