package care.billing.evaluation;

import care.billing.model.ClaimLine;
import care.billing.model.Finding;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The billing meters (docs/metrics.md). Every meter is created once and kept: recording an
 * evaluation looks meters up in maps keyed by payer, code and outcome, never in the registry.
 * Payers, codes and finding codes come from the rule files (a payer without rules makes no claim
 * line), so the number of series stays bounded.
 */
public final class BillingMetrics implements SessionObserver {

    /** How a request, or a batch line, ended. */
    public enum Outcome {
        EVALUATED, REJECTED, TOO_LARGE, RULES_LOOP, FAILED;

        final String tag = name().toLowerCase(java.util.Locale.ROOT);

        /** The outcome a problem stands for. */
        public static Outcome of(Problem problem) {
            return switch (problem.status()) {
                case 400 -> REJECTED;
                case 413 -> TOO_LARGE;
                default -> "/problems/rules-loop".equals(problem.type()) ? RULES_LOOP : FAILED;
            };
        }
    }

    private static final double[] FIRINGS_BUCKETS = {10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 50_000, 200_000};
    private static final Duration[] TIME_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(1_000), Duration.ofMillis(10_000)};

    private record LineMeters(Counter lines, Counter dollars) {
    }

    private final MeterRegistry registry;
    private final Map<Outcome, Counter> evaluations = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Counter> batchLines = new EnumMap<>(Outcome.class);
    private final Map<String, Map<String, LineMeters>> claimLines = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Counter>> findings = new ConcurrentHashMap<>();
    private final DistributionSummary[] firings = new DistributionSummary[2];
    private final Timer[] time = new Timer[2];
    private final MultiGauge serving;

    public BillingMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            evaluations.put(outcome, Counter.builder("billing.evaluations").tag("outcome", outcome.tag)
                    .description("Single evaluation requests, by how they ended").register(registry));
            batchLines.put(outcome, Counter.builder("billing.batch.lines").tag("outcome", outcome.tag)
                    .description("Batch lines answered, by how they ended").register(registry));
        }
        String[] sessions = {"own", "shared"};
        for (int i = 0; i < sessions.length; i++) {
            firings[i] = DistributionSummary.builder("billing.rule.firings").tag("session", sessions[i])
                    .description("Rule firings per evaluation (shared: a batch chunk's mean per request)")
                    .serviceLevelObjectives(FIRINGS_BUCKETS).register(registry);
            time[i] = Timer.builder("billing.evaluation").tag("session", sessions[i])
                    .description("Time the rules take per evaluation, from session start to results (shared: a batch "
                            + "chunk's mean per request)")
                    .serviceLevelObjectives(TIME_BUCKETS).register(registry);
        }
        serving = MultiGauge.builder("billing.rules.serving")
                .description("1 for the rules version serving now (label rules_version)").register(registry);
    }

    /** A single evaluation request ended. */
    public void evaluation(Outcome outcome) {
        evaluations.get(outcome).increment();
    }

    /** A batch line was answered. */
    public void batchLine(Outcome outcome) {
        batchLines.get(outcome).increment();
    }

    /** The claim lines, estimated amounts and findings of an evaluation that was answered. */
    public void results(Evaluation evaluation) {
        for (ClaimLine line : evaluation.claimLines()) {
            LineMeters meters = claimLines.computeIfAbsent(tag(line.payer()), k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(tag(line.code()), code -> lineMeters(tag(line.payer()), code));
            meters.lines().increment();
            if (line.estimatedAmount() != null) {
                meters.dollars().increment(line.estimatedAmount().doubleValue());
            }
        }
        for (Finding finding : evaluation.findings()) {
            findings.computeIfAbsent(tag(finding.severity()), k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(tag(finding.code()), code -> Counter.builder("billing.findings")
                            .tags("code", code, "severity", tag(finding.severity()))
                            .description("Findings answered, by code").register(registry))
                    .increment();
        }
    }

    @Override
    public void sessionDone(int requests, int fired, long nanos) {
        int shared = requests > 1 ? 1 : 0;
        double perRequest = (double) fired / requests;
        long nanosPerRequest = nanos / requests;
        for (int i = 0; i < requests; i++) {
            firings[shared].record(perRequest);
            time[shared].record(nanosPerRequest, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * A change of the rules serving was attempted.
     *
     * @param action reload, publish or rollback
     */
    public void rulesChange(String action, boolean loaded) {
        Counter.builder("billing.rules.changes").tags("action", action, "outcome", loaded ? "loaded" : "rejected")
                .description("Attempts to change the rules serving, by action and outcome").register(registry)
                .increment();
    }

    /** The rules version serving now; null while none is. */
    public void serving(String rulesVersion) {
        serving.register(rulesVersion == null ? List.of()
                : List.of(MultiGauge.Row.of(Tags.of("rules_version", rulesVersion), 1)), true);
    }

    private LineMeters lineMeters(String payer, String code) {
        Tags tags = Tags.of("payer", payer, "code", code);
        return new LineMeters(
                Counter.builder("billing.claim.lines").tags(tags).description("Claim lines answered").register(registry),
                Counter.builder("billing.estimated.amount").tags(tags).baseUnit("dollars")
                        .description("Estimated allowed amount of the claim lines answered").register(registry));
    }

    private static String tag(String value) {
        return Objects.requireNonNullElse(value, "none");
    }
}
