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
 * What evaluating single requests together would buy: a kept session per month (the single path)
 * against months sharing one new session in chunks of 2, 4, 8 and 50, as concurrent single requests
 * gathered into one session would be (docs/performance.md "What limits it"). With 8 connections on
 * two cores, a few requests wait at any moment, so chunks of 2 to 8 are what such gathering would get.
 * <p>
 * It refuses to measure unless every month gives the kept session's result in every chunk size, then
 * runs passes over the months where every block of 200 months goes every way in turn (the first
 * rotating), so that a change of the machine's load weighs on all alike, and prints each pass and
 * the median of the per-pass ratios kept/chunk:
 * <pre>
 * python3 bench/generate_month.py 2000 11 > target/months.ndjson
 * java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
 *     care.billing.bench.ChunkSizes target/months.ndjson 7
 * </pre>
 */
public final class ChunkSizes {

    private static final int[] SIZES = {2, 4, 8, 50};
    /** Months per block: a multiple of every size. */
    private static final int BLOCK = 200;

    private ChunkSizes() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ChunkSizes <months.ndjson> [passes]");
            System.exit(2);
        }
        org.jboss.logmanager.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        int passes = BenchMonths.passes(args, 1);
        LoadedRules rules = new RuleCompiler().compile(RuleFiles.read(Path.of("rules")));
        Components components = Components.fromEnvironment();
        Evaluator kept = components.evaluator().reusingSessions(true);
        ChunkEvaluator chunks = new ChunkEvaluator(kept);
        List<EvaluationInput> inputs = BenchMonths.valid(components.reader(), Path.of(args[0]), rules.tables().vocabulary());
        int months = BenchMonths.wholeBlocks(inputs, BLOCK);
        for (int size : SIZES) {
            for (int from = 0; from < months; from += size) {
                List<EvaluationInput> chunk = inputs.subList(from, from + size);
                List<Evaluation> together = chunks.evaluate(rules, chunk);
                for (int i = 0; i < size; i++) {
                    Evaluation alone = kept.evaluate(rules, chunk.get(i));
                    if (!alone.claimLines().equals(together.get(i).claimLines()) || !alone.findings().equals(together.get(i).findings())) {
                        throw new IllegalStateException("month " + (from + i + 1) + " differs in a chunk of " + size + "; nothing measured");
                    }
                }
            }
        }
        int ways = SIZES.length + 1; // the last way: kept sessions
        List<List<Double>> ratios = new ArrayList<>();
        for (int size : SIZES) {
            ratios.add(new ArrayList<>());
        }
        for (int pass = 0; pass < passes + 2; pass++) {
            long[] nanos = new long[ways];
            for (int from = 0, n = 0; from < months; from += BLOCK, n++) {
                List<EvaluationInput> block = inputs.subList(from, from + BLOCK);
                for (int k = 0; k < ways; k++) {
                    int way = (n + k) % ways;
                    long start = System.nanoTime();
                    if (way == SIZES.length) {
                        block.forEach(input -> kept.evaluate(rules, input));
                    } else {
                        for (int i = 0; i < BLOCK; i += SIZES[way]) {
                            chunks.evaluate(rules, block.subList(i, i + SIZES[way]));
                        }
                    }
                    nanos[way] += System.nanoTime() - start;
                }
            }
            StringBuilder line = new StringBuilder(String.format("pass %d: kept %.1f", pass + 1, nanos[SIZES.length] / 1000.0 / months));
            for (int s = 0; s < SIZES.length; s++) {
                line.append(String.format(", chunks of %d %.1f", SIZES[s], nanos[s] / 1000.0 / months));
                if (pass >= 2) {
                    ratios.get(s).add((double) nanos[SIZES.length] / nanos[s]);
                }
            }
            System.out.println(line.append(" µs per month").append(pass < 2 ? " (warm-up)" : ""));
        }
        StringBuilder summary = new StringBuilder(String.format("%d months, the same results; medians of %d passes, kept/chunk:", months, passes));
        for (int s = 0; s < SIZES.length; s++) {
            summary.append(String.format(" %d: %.2fx%s", SIZES[s], BenchMonths.median(ratios.get(s)), s < SIZES.length - 1 ? "," : ""));
        }
        System.out.println(summary);
        RuleCompiler.release(rules);
    }
}
