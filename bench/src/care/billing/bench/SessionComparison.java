package care.billing.bench;

import care.billing.app.Components;
import care.billing.evaluation.ChunkEvaluator;
import care.billing.evaluation.Evaluation;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.Evaluator;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleCompiler;
import care.billing.ruleset.RuleFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fresh against reused sessions, with JMH, on the same months in the same order: microseconds of
 * rules engine per patient-month, one thread. {@code fresh} builds a session per month
 * (billing.engine.reuse-sessions=false), {@code pooled} leases one kept with the month's table facts
 * from the snapshot's pool (the single path, and what a batch line in a session of its own would
 * cost), {@code chunk} evaluates 50 months in one fresh shared session (the batch). Setup refuses to
 * measure unless every month gives the same result all three ways.
 * <p>
 * Run (docs/performance.md): {@code python3 bench/generate_month.py 2000 11 > target/months.ndjson}
 * then {@code java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt)
 * org.openjdk.jmh.Main SessionComparison -p month=target/months.ndjson}.
 * <p>
 * On a machine whose load changes while JMH runs one benchmark after the other, {@link #main} gives
 * ratios that hold up better: passes over all the months where every 50 months go the three ways in
 * turn (the first rotating), milliseconds apart, so a change of load weighs on all three alike; it
 * prints each pass and the median of the ratios per pass:
 * {@code java -cp ... care.billing.bench.SessionComparison target/months.ndjson [passes]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager"})
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
public class SessionComparison {

    /** An NDJSON file of evaluation requests (bench/generate_month.py). */
    @Param("target/months.ndjson")
    public String month;

    /** Months sharing one session in the chunked variants: the batch default (billing.batch.chunk-size). */
    private static final int CHUNK = 50;

    private LoadedRules rules;
    private Evaluator fresh;
    private Evaluator pooled;
    private ChunkEvaluator chunks;
    private List<EvaluationInput> inputs;
    private int next;

    @Setup(Level.Trial)
    public void load() throws Exception {
        org.jboss.logmanager.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        rules = new RuleCompiler().compile(RuleFiles.read(Path.of("rules")));
        Components components = Components.fromEnvironment();
        fresh = components.evaluator();
        pooled = fresh.reusingSessions(true);
        chunks = new ChunkEvaluator(fresh);
        inputs = BenchMonths.valid(components.reader(), Path.of(month), rules.tables().vocabulary());
        BenchMonths.wholeBlocks(inputs, CHUNK);
        int differ = 0;
        for (int start = 0; start + CHUNK <= inputs.size(); start += CHUNK) {
            List<EvaluationInput> chunk = inputs.subList(start, start + CHUNK);
            List<Evaluation> alone = chunk.stream().map(input -> fresh.evaluate(rules, input)).toList();
            List<Evaluation> reused = chunk.stream().map(input -> pooled.evaluate(rules, input)).toList();
            for (List<Evaluation> other : List.of(reused, chunks.evaluate(rules, chunk))) {
                for (int i = 0; i < CHUNK; i++) {
                    if (!alone.get(i).equals(other.get(i))) {
                        differ++;
                    }
                }
            }
        }
        if (differ > 0) {
            throw new IllegalStateException(differ + " results differ from a fresh session's; nothing measured");
        }
    }

    @TearDown(Level.Trial)
    public void release() {
        RuleCompiler.release(rules);
    }

    /** A fresh session per month. */
    @Benchmark
    public Evaluation fresh() {
        return fresh.evaluate(rules, nextInput());
    }

    /** A session per month, leased from the snapshot's pool and reset when given back. */
    @Benchmark
    public Evaluation pooled() {
        return pooled.evaluate(rules, nextInput());
    }

    /** 50 months in one fresh session (ids prefixed per request), per month. */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public List<Evaluation> chunk() {
        int start = nextChunk();
        return chunks.evaluate(rules, inputs.subList(start, start + CHUNK));
    }

    public static void main(String[] args) throws Exception {
        SessionComparison bench = new SessionComparison();
        bench.month = args.length > 0 ? args[0] : "target/months.ndjson";
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        bench.load();
        int months = bench.inputs.size() / CHUNK * CHUNK;
        List<Double> freshOverPooled = new ArrayList<>();
        List<Double> pooledOverChunk = new ArrayList<>();
        for (int pass = 0; pass < passes + 2; pass++) {
            long[] nanos = new long[3];
            for (int from = 0, n = 0; from < months; from += CHUNK, n++) {
                List<EvaluationInput> chunk = bench.inputs.subList(from, from + CHUNK);
                for (int k = 0; k < 3; k++) {
                    int way = (n + k) % 3;
                    long start = System.nanoTime();
                    switch (way) {
                        case 0 -> chunk.forEach(input -> bench.fresh.evaluate(bench.rules, input));
                        case 1 -> chunk.forEach(input -> bench.pooled.evaluate(bench.rules, input));
                        default -> bench.chunks.evaluate(bench.rules, chunk);
                    }
                    nanos[way] += System.nanoTime() - start;
                }
            }
            double[] perMonth = new double[3];
            for (int way = 0; way < 3; way++) {
                perMonth[way] = nanos[way] / 1000.0 / months;
            }
            System.out.printf("pass %d: fresh %.1f, pooled %.1f, chunk %.1f µs per month%s%n", pass + 1,
                    perMonth[0], perMonth[1], perMonth[2], pass < 2 ? " (warm-up)" : "");
            if (pass >= 2) {
                freshOverPooled.add(perMonth[0] / perMonth[1]);
                pooledOverChunk.add(perMonth[1] / perMonth[2]);
            }
        }
        System.out.printf("%d months, medians of %d passes: fresh/pooled %.2fx, pooled/chunk %.2fx%n",
                months, passes, BenchMonths.median(freshOverPooled), BenchMonths.median(pooledOverChunk));
        bench.release();
    }

    private EvaluationInput nextInput() {
        EvaluationInput input = inputs.get(next);
        next = (next + 1) % inputs.size();
        return input;
    }

    private int nextChunk() {
        if (next + CHUNK > inputs.size()) {
            next = 0;
        }
        int start = next;
        next += CHUNK;
        return start;
    }
}
