package care.billing.evaluation;

import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rule file that loops stops with an error naming the rule; it never hangs a request. */
class RunawayRulesTest {

    @TempDir
    Path temp;

    static final String REQUEST = """
            {"month": "2026-03", "patients": [{"id": "P1", "payer": "MEDICARE", "chronicConditions": ["A", "B"],
              "consentDate": "2025-01-01", "carePlanOnFile": true}],
             "staff": [{"id": "S1", "name": "Dana Lee", "credentials": "RN", "role": "CLINICAL_STAFF"}],
             "entries": [{"id": "E1", "patientId": "P1", "staffId": "S1", "date": "2026-03-04", "minutes": 20,
                          "activity": "CARE_COORDINATION", "method": "PHONE", "counterpart": "HH", "note": "Plan"}]}""";

    /** Rules that keep firing for patient "SLOW", 50 ms a firing: a time limit has to halt them. */
    static final String SLOW_RULES = """
                package common
                import care.billing.model.*;
                rule "Takes its time"
                when
                    $e : TimeEntry( patientId == "SLOW" )
                then
                    Thread.sleep(50);
                    insert(new Exclusion($e.id() + System.nanoTime(), "SLOW", "SLOWLY", "X", "x", "x"));
                end
                rule "Again"
                when
                    Exclusion( family == "SLOWLY" )
                    $e : TimeEntry( patientId == "SLOW" )
                then
                    Thread.sleep(50);
                    insert(new Exclusion($e.id() + System.nanoTime(), "SLOW", "SLOWLY", "X", "x", "x"));
                end
                """;

    @Test
    void aLoopingRuleIsStoppedAndNamed() throws Exception {
        Path rules = RulesCopy.of(temp);
        Files.writeString(rules.resolve("common/loop.drl"), RulesCopy.LOOPING_RULE);
        LoadedRules loaded = RulesCopy.compile(rules);
        Evaluator evaluator = new Evaluator(5_000, 10_000);

        RuleLoopException e = assertThrows(RuleLoopException.class,
                () -> evaluator.evaluate(loaded, BundledRules.read(REQUEST.getBytes())));

        assertTrue(e.getMessage().contains("common: \"Counts forever\""), e.getMessage());
    }

    @Test
    void aSlowRuleIsHaltedByTheTimeLimit() throws Exception {
        Path rules = RulesCopy.of(temp);
        Files.writeString(rules.resolve("common/slow.drl"), SLOW_RULES);
        LoadedRules loaded = RulesCopy.compile(rules);
        Evaluator evaluator = new Evaluator(1_000_000, 300);

        RuleLoopException e = assertThrows(RuleLoopException.class,
                () -> evaluator.evaluate(loaded, BundledRules.read(REQUEST.replace("P1", "SLOW").getBytes())));

        assertTrue(e.getMessage().contains("did not settle within 300 ms"), e.getMessage());
    }
    /**
     * With reused sessions the limits work as with fresh ones, and a session stopped by either limit
     * goes back to the pool clean: the next evaluation on the same snapshot gets the fresh result.
     */
    @Test
    void aPooledSessionStoppedByALimitServesTheNextEvaluationClean() throws Exception {
        Path rules = RulesCopy.of(temp);
        Files.writeString(rules.resolve("common/loop.drl"), RulesCopy.LOOPING_RULE
                .replace("$e : TimeEntry( )", "$e : TimeEntry( patientId == \"LOOP\" )"));
        Files.writeString(rules.resolve("common/slow.drl"), SLOW_RULES);
        LoadedRules loaded = RulesCopy.compile(rules);
        Evaluator fresh = new Evaluator(5_000, 300);
        Evaluator pooled = fresh.reusingSessions(true);
        EvaluationInput normal = BundledRules.read(REQUEST.getBytes());
        EvaluationInput looping = BundledRules.read(REQUEST.replace("P1", "LOOP").getBytes());
        EvaluationInput slow = BundledRules.read(REQUEST.replace("P1", "SLOW").getBytes());
        Evaluation expected = fresh.evaluate(loaded, normal);
        assertFalse(expected.claimLines().isEmpty());

        for (int round = 0; round < 3; round++) {
            RuleLoopException loop = assertThrows(RuleLoopException.class, () -> pooled.evaluate(loaded, looping));
            assertTrue(loop.getMessage().contains("common: \"Counts forever\""), loop.getMessage());
            assertEquals(expected, pooled.evaluate(loaded, normal));
            RuleLoopException halted = assertThrows(RuleLoopException.class, () -> pooled.evaluate(loaded, slow));
            assertTrue(halted.getMessage().contains("did not settle within 300 ms"), halted.getMessage());
            assertEquals(expected, pooled.evaluate(loaded, normal));
        }
        assertEquals(0, loaded.sessions().leased());
        RuleCompiler.release(loaded);
    }

    /**
     * Within a budget (an I/O thread's) the limits stop an evaluation at once, with no replay and no
     * verdict on the rules; its pooled session is not kept, and the full evaluator then gives the result.
     */
    @Test
    void anEvaluationOverItsBudgetStopsAtOnceAndLeavesNothingBehind() throws Exception {
        Path rules = RulesCopy.of(temp);
        Files.writeString(rules.resolve("common/slow.drl"), SLOW_RULES);
        LoadedRules loaded = RulesCopy.compile(rules);
        Evaluator full = new Evaluator(5_000, 10_000).reusingSessions(true);
        Evaluator budgeted = full.withinBudget(5, 20);
        EvaluationInput normal = BundledRules.read(REQUEST.getBytes());
        EvaluationInput slow = BundledRules.read(REQUEST.replace("P1", "SLOW").getBytes());
        Evaluation expected = new Evaluator(5_000, 10_000).evaluate(loaded, normal);

        assertThrows(OverBudgetException.class, () -> budgeted.evaluate(loaded, normal), "more than 5 firings");
        assertThrows(OverBudgetException.class, () -> full.withinBudget(1_000, 20).evaluate(loaded, slow), "over 20 ms");
        assertEquals(expected, full.evaluate(loaded, normal));
        assertEquals(expected, full.withinBudget(1_000, 1_000).evaluate(loaded, normal));
        assertEquals(0, loaded.sessions().leased());
        RuleCompiler.release(loaded);
    }
}
