package care.billing.evaluation;

import care.billing.model.ClaimLine;
import care.billing.model.Finding;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BillingMetricsTest {

    final MeterRegistry registry = new SimpleMeterRegistry();
    final BillingMetrics metrics = new BillingMetrics(registry);

    @Test
    void claimLinesAmountsAndFindingsAreCountedByPayerAndCode() {
        Evaluation evaluation = new Evaluation("2026-03", "sha256:x", List.of(
                line("99490", 1, "66.13"), line("99439", 2, "100.88"), line("99490", 1, null)),
                List.of(Finding.forPatient("INFO", "THRESHOLD_GAP", "P1", List.of(), "m", "r"),
                        Finding.forPatient("INFO", "THRESHOLD_GAP", "P2", List.of(), "m", "r"),
                        Finding.forPatient("ERROR", "NO_RULES_FOR_PAYER", "P3", List.of(), "m", "r")));
        metrics.results(evaluation);
        metrics.results(evaluation);
        assertEquals(4, registry.get("billing.claim.lines").tags("payer", "MEDICARE", "code", "99490").counter().count());
        assertEquals(2, registry.get("billing.claim.lines").tags("payer", "MEDICARE", "code", "99439").counter().count());
        assertEquals(132.26, registry.get("billing.estimated.amount").tags("code", "99490").counter().count(), 1e-9);
        assertEquals(201.76, registry.get("billing.estimated.amount").tags("code", "99439").counter().count(), 1e-9);
        assertEquals(4, registry.get("billing.findings").tags("code", "THRESHOLD_GAP", "severity", "INFO").counter().count());
        assertEquals(2, registry.get("billing.findings").tags("code", "NO_RULES_FOR_PAYER").counter().count());
        metrics.results(new Evaluation("2026-03", "sha256:x", List.of(new ClaimLine("P4", "BCBSM", null,
                "CARE_COORDINATION", "99487", 1, 40, LocalDate.of(2026, 3, 31), List.of("E4"), "rule", "source", null,
                false)), List.of()));
        assertEquals(1, registry.get("billing.claim.lines").tags("payer", "BCBSM").counter().count());
        assertNull(registry.find("billing.estimated.amount").tags("payer", "BCBSM").counter(),
                "a payer without fees has no dollar series");
    }

    /** A chunk of a batch counts once per request, with the chunk's mean. */
    @Test
    void sessionsRecordFiringsAndTimePerRequest() {
        metrics.sessionDone(1, 40, 2_000_000);
        metrics.sessionDone(4, 100, 8_000_000);
        assertEquals(1, registry.get("billing.rule.firings").tag("session", "own").summary().count());
        assertEquals(40, registry.get("billing.rule.firings").tag("session", "own").summary().totalAmount());
        assertEquals(4, registry.get("billing.rule.firings").tag("session", "shared").summary().count());
        assertEquals(100, registry.get("billing.rule.firings").tag("session", "shared").summary().totalAmount());
        assertEquals(8, registry.get("billing.evaluation").tag("session", "shared").timer().totalTime(TimeUnit.MILLISECONDS));
        assertEquals(4, registry.get("billing.evaluation").tag("session", "shared").timer().count());
    }

    @Test
    void outcomesAndTheServingVersion() {
        metrics.evaluation(BillingMetrics.Outcome.EVALUATED);
        metrics.batchLine(BillingMetrics.Outcome.of(Problem.tooLarge(null, "x")));
        metrics.batchLine(BillingMetrics.Outcome.of(Problem.rulesLoop(null, "x")));
        metrics.rulesChange("reload", false);
        metrics.serving("sha256:a");
        metrics.serving("sha256:b");
        assertEquals(1, registry.get("billing.evaluations").tag("outcome", "evaluated").counter().count());
        assertEquals(0, registry.get("billing.evaluations").tag("outcome", "rejected").counter().count());
        assertEquals(1, registry.get("billing.batch.lines").tag("outcome", "too_large").counter().count());
        assertEquals(1, registry.get("billing.batch.lines").tag("outcome", "rules_loop").counter().count());
        assertEquals(1, registry.get("billing.rules.changes").tags("action", "reload", "outcome", "rejected").counter().count());
        assertEquals(1, registry.get("billing.rules.serving").gauges().size(), "only the version serving now");
        assertEquals(1, registry.get("billing.rules.serving").tag("rules_version", "sha256:b").gauge().value());
    }

    private static ClaimLine line(String code, int units, String amount) {
        return new ClaimLine("P1", "MEDICARE", "1234567893", "STAFF_CCM", code, units, 45, LocalDate.of(2026, 3, 31),
                List.of("E1"), "rule", "source", amount == null ? null : new BigDecimal(amount), !code.equals("99490"));
    }
}
