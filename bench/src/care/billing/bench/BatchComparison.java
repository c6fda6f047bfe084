package care.billing.bench;

import care.billing.app.Components;
import care.billing.cli.EvaluateCommand;
import care.billing.evaluation.Evaluation;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.Evaluator;
import care.billing.evaluation.RequestReader;
import care.billing.evaluation.batch.BatchEvaluator;
import care.billing.evaluation.batch.Evaluations;
import care.billing.model.ClaimLine;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.Vocabulary;
import care.billing.ruleset.RuleCompiler;
import care.billing.ruleset.RuleFiles;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The price of the rules engine in the month-end batch pipeline itself: the same file of Medicare
 * months through {@link BatchEvaluator} (read lines, parse and validate, evaluate in chunks on every
 * core, write the results) with the rules and with {@link HandWrittenMedicare} plugged in, in
 * alternating rounds in one JVM. The first round of each is warm-up; the figures are the median of
 * the others. It refuses to report if the two bill any line differently.
 * <p>
 * Run (docs/performance.md): {@code python3 bench/generate_month.py 100000 7 MEDICARE > target/medicare-batch.ndjson}
 * then {@code java -Xmx1g -cp target/classes:target/test-classes:$(cat target/test-classpath.txt)
 * care.billing.bench.BatchComparison target/medicare-batch.ndjson}.
 */
public final class BatchComparison {

    private static final int ROUNDS = 6;

    public static void main(String[] args) throws Exception {
        org.jboss.logmanager.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path month = Path.of(args[0]);
        LoadedRules rules = new RuleCompiler().compile(RuleFiles.read(Path.of("rules")));
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService workers = Executors.newFixedThreadPool(cores);
        try {
            BatchEvaluator batch = Components.fromEnvironment().batchEvaluator(EvaluateCommand.responseMapper(), workers, cores * 2, 50);
            Evaluations withRules = Evaluations.of(rules, Components.fromEnvironment().evaluator());
            Evaluations handWritten = handWritten(new HandWrittenMedicare(), rules.tables().vocabulary());
            long[] rulesNanos = new long[ROUNDS];
            long[] handNanos = new long[ROUNDS];
            List<String> rulesLines = new ArrayList<>();
            List<String> handLines = new ArrayList<>();
            long entries = 0;
            for (int round = 0; round < ROUNDS; round++) {
                if (round % 2 == 0) { // alternate which goes first
                    rulesNanos[round] = time(batch, withRules, month, round == 0 ? rulesLines : null);
                    handNanos[round] = time(batch, handWritten, month, round == 0 ? handLines : null);
                } else {
                    handNanos[round] = time(batch, handWritten, month, null);
                    rulesNanos[round] = time(batch, withRules, month, null);
                }
                if (round == 0) {
                    int differ = 0;
                    for (int i = 0; i < rulesLines.size(); i++) {
                        differ += rulesLines.get(i).equals(handLines.get(i)) ? 0 : 1;
                    }
                    if (rulesLines.size() != handLines.size() || differ > 0) {
                        throw new IllegalStateException(differ + " of " + rulesLines.size() + " lines are billed "
                                + "differently by the hand-written loop; the comparison would be meaningless");
                    }
                    entries = countEntries(month, rules.tables().vocabulary());
                }
                System.out.printf("round %d: rules %d ms, hand-written %d ms%s%n", round + 1,
                        rulesNanos[round] / 1_000_000, handNanos[round] / 1_000_000, round == 0 ? " (warm-up)" : "");
            }
            double rulesMs = median(rulesNanos) / 1e6;
            double handMs = median(handNanos) / 1e6;
            System.out.printf("%d lines, %d entries, %d cores: rules %.0f ms (%.0f entries/s), hand-written %.0f ms "
                            + "(%.0f entries/s): the rules take %.1fx as long%n", rulesLines.size(), entries, cores,
                    rulesMs, entries / rulesMs * 1000, handMs, entries / handMs * 1000, rulesMs / handMs);
        } finally {
            workers.shutdown();
        }
    }

    /** The hand-written loop as a batch evaluates: the same response shape, with no findings. */
    private static Evaluations handWritten(HandWrittenMedicare hand, Vocabulary vocabulary) {
        return new Evaluations() {
            @Override
            public List<Evaluation> together(List<EvaluationInput> sameMonth) {
                return sameMonth.stream().map(this::alone).toList();
            }

            @Override
            public Evaluation alone(EvaluationInput input) {
                return new Evaluation(input.month().month(), "hand-written", hand.evaluate(input), List.of());
            }

            @Override
            public Vocabulary vocabulary() {
                return vocabulary;
            }
        };
    }

    /** One run of the whole file; {@code claims}, if given, receives each line's claim lines as text. */
    private static long time(BatchEvaluator batch, Evaluations evaluations, Path month, List<String> claims)
            throws Exception {
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(month); OutputStream out = OutputStream.nullOutputStream()) {
            batch.run(evaluations, in, out, result -> {
                if (claims != null) {
                    claims.add(result.evaluation() == null ? "rejected" : keys(result.evaluation().claimLines()));
                }
            });
        }
        return System.nanoTime() - start;
    }

    private static String keys(List<ClaimLine> lines) {
        return lines.stream().map(l -> l.patientId() + " " + l.payer() + " " + l.billingProviderId() + " " + l.family()
                + " " + l.code() + " " + l.units() + " " + l.minutes() + " " + l.dateOfService() + " " + l.entryIds()
                + " " + l.estimatedAmount() + " " + l.addOn()).sorted().toList().toString();
    }

    private static long countEntries(Path month, Vocabulary vocabulary) throws Exception {
        RequestReader reader = Components.fromEnvironment().reader();
        try (java.util.stream.Stream<String> lines = Files.lines(month)) {
            return lines.mapToLong(line -> {
                try {
                    return reader.read(line.getBytes(java.nio.charset.StandardCharsets.UTF_8), vocabulary).entries().size();
                } catch (RuntimeException invalid) {
                    return 0; // rejected by both pipelines alike
                }
            }).sum();
        }
    }

    private static double median(long[] nanos) {
        long[] measured = Arrays.copyOfRange(nanos, 1, nanos.length);
        Arrays.sort(measured);
        return measured.length % 2 == 1 ? measured[measured.length / 2]
                : (measured[measured.length / 2 - 1] + measured[measured.length / 2]) / 2.0;
    }
}
