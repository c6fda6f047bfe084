package care.billing.evaluation;

import care.billing.model.ServiceMonth;
import care.billing.model.TimeEntry;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleProblem;
import care.billing.ruleset.SessionPool;
import care.billing.scenarios.Scenario;
import care.billing.scenarios.ScenarioFiles;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.kie.api.runtime.KieSession;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session reused from the snapshot's pool gives exactly what a fresh session gives: the same claim
 * lines, findings and rules fired, for every scenario and for random months, one after another on
 * the same pooled sessions (so each evaluation runs on a session that kept its month's table facts
 * and dropped an earlier request's facts).
 */
class PooledSessionProperties {

    static final LoadedRules RULES = BundledRules.get();
    static final Evaluator FRESH = BundledRules.evaluator();
    static final Evaluator POOLED = FRESH.reusingSessions(true);

    @Property(tries = 400)
    void aPooledSessionGivesTheFreshSessionsResult(@ForAll long seed) {
        Random random = new Random(seed);
        EvaluationInput input = inMonth(InvariantProperties.randomMonth(new Random(random.nextLong())),
                YearMonth.of(2024 + random.nextInt(4), 1 + random.nextInt(12)));
        boolean explain = random.nextBoolean();
        FiringLog fresh = explain ? new FiringLog() : null;
        FiringLog pooled = explain ? new FiringLog() : null;

        Evaluation expected = FRESH.evaluate(RULES, input, fresh);
        Evaluation actual = POOLED.evaluate(RULES, input, pooled);

        assertEquals(expected, actual, () -> "seed " + seed);
        if (explain) {
            assertEquals(fresh.byPatient(), pooled.byPatient(), () -> "rules fired, seed " + seed);
            String before = pooled.byPatient().toString();
            POOLED.evaluate(RULES, input);
            assertEquals(before, pooled.byPatient().toString(), "a listener must not outlive its evaluation");
        }
        assertEquals(0, RULES.sessions().leased(), "every pooled session is given back");
        assertTrue(RULES.sessions().idle() <= SessionPool.MAX_IDLE, "at most MAX_IDLE sessions are kept");
    }

    @Property(tries = 1)
    void everyScenarioGivesTheFreshSessionsResultOnAPooledSession() throws IOException {
        List<Path> files = ScenarioFiles.find(BundledRules.DIR);
        assertFalse(files.isEmpty());
        List<EvaluationInput> inputs = new ArrayList<>();
        for (Path file : files) {
            List<RuleProblem> problems = new ArrayList<>();
            Scenario scenario = ScenarioFiles.read(BundledRules.DIR, file, problems);
            assertNotNull(scenario, () -> file + ": " + problems);
            inputs.add(BundledRules.reader().read(scenario.request(), RULES.tables().vocabulary()));
        }
        // twice round, so that the second round runs on sessions the first one used
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < inputs.size(); i++) {
                FiringLog fresh = new FiringLog();
                FiringLog pooled = new FiringLog();
                String name = files.get(i).toString();
                assertEquals(FRESH.evaluate(RULES, inputs.get(i), fresh), POOLED.evaluate(RULES, inputs.get(i), pooled),
                        name);
                assertEquals(fresh.byPatient(), pooled.byPatient(), name);
            }
        }
    }

    @Property(tries = 1)
    void sequentialEvaluationsOfAMonthReuseOneSessionHoldingItsTableFacts() {
        EvaluationInput input = InvariantProperties.randomMonth(new Random(7));
        String month = input.month().month();
        POOLED.evaluate(RULES, input);
        SessionPool.Lease first = RULES.sessions().lease(month);
        KieSession session = first.session();
        first.close(true);
        SessionPool.Lease second = RULES.sessions().lease(month);
        try {
            assertTrue(second.pooled());
            assertSame(session, second.session(), "the session given back is the one leased next");
            assertEquals(RULES.tables().factsFor(month).size(), second.session().getFactCount(),
                    "a session comes back holding its month's table facts only");
        } finally {
            second.close(true);
        }
    }

    @AfterContainer
    static void noSessionLeftLeased() {
        assertEquals(0, RULES.sessions().leased());
    }

    /** {@code input} moved to {@code month}: every entry on the same day of the month, or the last day. */
    static EvaluationInput inMonth(EvaluationInput input, YearMonth month) {
        ServiceMonth serviceMonth = ServiceMonth.of(month);
        return new EvaluationInput(serviceMonth, input.patients(), input.staff(), input.entries().stream()
                .map(e -> new TimeEntry(e.id(), e.patientId(), e.staffId(), e.billingProviderId(),
                        month.atDay(Math.min(e.date().getDayOfMonth(), month.lengthOfMonth())), e.minutes(),
                        e.activity(), e.method(), e.counterpart(), e.note()))
                .toList());
    }
}
