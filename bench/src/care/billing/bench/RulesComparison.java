package care.billing.bench;

import care.billing.app.Components;
import care.billing.evaluation.ChunkEvaluator;
import care.billing.evaluation.Evaluation;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.Evaluator;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleCompiler;
import care.billing.ruleset.RuleFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two versions of the rules on the same months, in one JVM: what a rewrite of a rule costs or buys
 * per patient-month, with the results proved identical first.
 * <p>
 * It compiles both rule directories, refuses to measure unless every month gives the same claim
 * lines and findings under both (on the single path, a kept session per month, and in chunks of 50
 * months sharing a session, the batch), then runs passes over all the months where every 50 months
 * go the four ways in turn (A and B, kept sessions and chunks; the first rotating), milliseconds apart,
 * so that a change of the machine's load weighs on all four alike. It prints each pass and the
 * median of the per-pass ratios B/A.
 * <p>
 * Run (docs/performance.md), with the rules of an earlier commit as A:
 * <pre>
 * mkdir -p /tmp/before && git archive HEAD~1 rules | tar -x -C /tmp/before
 * python3 bench/generate_month.py 2000 11 > target/months.ndjson
 * java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
 *     care.billing.bench.RulesComparison /tmp/before/rules rules target/months.ndjson 7
 * </pre>
 * Claim lines and findings carry the names and sources of the rules that made them, so a rewrite that
 * renames a rule or moves a table row is always refused. Generated months may never reach the rewritten
 * rule (bench/generate_month.py makes no implausible days): the scenarios prove the rule, this proves the
 * rest unchanged and measures. The requests are read against A's vocabulary; months that A refuses are
 * left out. When the rewrite
 * also removed a fact class that A's rules still use, compile that class from the earlier commit
 * ({@code git show HEAD~1:src/main/java/...}) and put it first on the class path.
 * <p>
 * An engine option measures the same way: the same directory twice, with the option given to B's
 * KieBase only, e.g. {@code -Dbench.optionsB=drools.indexLeftBetaMemory=false} (comma-separated
 * {@code name=value} pairs, set as system properties while B compiles, where Drools reads them).
 */
public final class RulesComparison {

    /** Months sharing one session in the chunked ways: the batch default (billing.batch.chunk-size). */
    private static final int CHUNK = 50;

    private RulesComparison() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: RulesComparison <rules A> <rules B> <months.ndjson> [passes]");
            System.exit(2);
        }
        org.jboss.logmanager.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        RuleCompiler compiler = new RuleCompiler();
        LoadedRules a = compiler.compile(RuleFiles.read(Path.of(args[0])));
        LoadedRules b = compileWithOptions(compiler, Path.of(args[1]), System.getProperty("bench.optionsB", ""));
        int passes = BenchMonths.passes(args, 3);
        Components components = Components.fromEnvironment();
        Evaluator kept = components.evaluator().reusingSessions(true);
        ChunkEvaluator chunks = new ChunkEvaluator(kept);
        List<EvaluationInput> inputs = BenchMonths.valid(components.reader(), Path.of(args[2]), a.tables().vocabulary());
        int months = BenchMonths.wholeBlocks(inputs, CHUNK);
        int differ = 0;
        String firstDiffering = null;
        for (int from = 0; from < months; from += CHUNK) {
            List<EvaluationInput> chunk = inputs.subList(from, from + CHUNK);
            List<Evaluation> chunkA = chunks.evaluate(a, chunk);
            List<Evaluation> chunkB = chunks.evaluate(b, chunk);
            for (int i = 0; i < CHUNK; i++) {
                Evaluation alone = kept.evaluate(a, chunk.get(i));
                for (Evaluation other : List.of(kept.evaluate(b, chunk.get(i)), chunkA.get(i), chunkB.get(i))) {
                    if (!sameResult(alone, other)) {
                        differ++;
                        if (firstDiffering == null) {
                            firstDiffering = "month " + (from + i + 1) + " of the valid ones:\n  A: " + alone + "\n  other: " + other;
                        }
                    }
                }
            }
        }
        if (differ > 0) {
            throw new IllegalStateException(differ + " results differ between the two rule sets or ways; nothing measured; the first, "
                    + firstDiffering);
        }
        List<Double> keptRatios = new ArrayList<>();
        List<Double> chunkRatios = new ArrayList<>();
        for (int pass = 0; pass < passes + 2; pass++) {
            long[] nanos = new long[4];
            for (int from = 0, n = 0; from < months; from += CHUNK, n++) {
                List<EvaluationInput> chunk = inputs.subList(from, from + CHUNK);
                for (int k = 0; k < 4; k++) {
                    int way = (n + k) % 4;
                    LoadedRules rules = way % 2 == 0 ? a : b;
                    long start = System.nanoTime();
                    if (way < 2) {
                        chunk.forEach(input -> kept.evaluate(rules, input));
                    } else {
                        chunks.evaluate(rules, chunk);
                    }
                    nanos[way] += System.nanoTime() - start;
                }
            }
            double[] perMonth = new double[4];
            for (int way = 0; way < 4; way++) {
                perMonth[way] = nanos[way] / 1000.0 / months;
            }
            System.out.printf("pass %d: kept A %.1f, B %.1f; chunk A %.1f, B %.1f µs per month%s%n", pass + 1,
                    perMonth[0], perMonth[1], perMonth[2], perMonth[3], pass < 2 ? " (warm-up)" : "");
            if (pass >= 2) {
                keptRatios.add(perMonth[1] / perMonth[0]);
                chunkRatios.add(perMonth[3] / perMonth[2]);
            }
        }
        System.out.printf("%d months, the same results; medians of %d passes, B/A: kept sessions %.3fx, chunks %.3fx%n",
                months, passes, BenchMonths.median(keptRatios), BenchMonths.median(chunkRatios));
        RuleCompiler.release(a);
        RuleCompiler.release(b);
    }

    private static LoadedRules compileWithOptions(RuleCompiler compiler, Path dir, String options) throws Exception {
        List<String[]> pairs = new ArrayList<>();
        for (String pair : options.split(",")) {
            if (!pair.isBlank()) {
                String[] nameValue = pair.split("=", 2);
                if (nameValue.length != 2) {
                    throw new IllegalArgumentException("bench.optionsB: expected name=value, got " + pair);
                }
                pairs.add(nameValue);
            }
        }
        pairs.forEach(nameValue -> System.setProperty(nameValue[0].trim(), nameValue[1].trim()));
        try {
            return compiler.compile(RuleFiles.read(dir));
        } finally {
            pairs.forEach(nameValue -> System.clearProperty(nameValue[0].trim()));
        }
    }

    /** The same claim lines and findings; the rules versions differ by construction. */
    private static boolean sameResult(Evaluation one, Evaluation other) {
        return one.claimLines().equals(other.claimLines()) && one.findings().equals(other.findings());
    }
}
