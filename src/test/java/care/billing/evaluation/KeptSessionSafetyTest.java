package care.billing.evaluation;

import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session kept between requests of a month keeps its data-table facts, so two kinds of rule
 * would make a kept session differ from a new one: a rule that matches table facts alone (it would
 * fire for the first request only), and a rule that deletes a table fact. With either, every request
 * still gets exactly a new session's result: the first kind stops the month's sessions from being
 * kept, the second has its session disposed.
 */
class KeptSessionSafetyTest {

    @TempDir
    Path temp;

    private LoadedRules loaded;

    @AfterEach
    void release() {
        if (loaded != null) {
            RuleCompiler.release(loaded);
        }
    }

    @Test
    void aRuleOverTableFactsAloneFiresForEveryRequest() throws Exception {
        loaded = withRule("""
                package common
                import care.billing.model.*;
                rule "Every request is told which payers exist"
                when
                    Payer( $payer : payer )
                then
                    insert(Finding.forPatient("INFO", "PAYER_EXISTS", "-", java.util.List.of(), $payer, "x"));
                end
                """);
        Evaluation expected = everyRequestGetsANewSessionsResult(InvariantProperties.randomMonth(new Random(11)));
        assertTrue(expected.findings().stream().anyMatch(f -> f.code().equals("PAYER_EXISTS")), "the rule fires");
    }

    @Test
    void aSessionWhoseRulesDeletedATableFactIsNotKept() throws Exception {
        loaded = withRule("""
                package common
                import care.billing.model.*;
                rule "Last of all, Medicare is no longer a payer"
                    salience -900
                when
                    ServiceMonth( )
                    $p : Payer( payer == "MEDICARE" )
                then
                    delete($p);
                end
                """);
        // a Medicare patient: a session kept without its Payer row would answer NO_RULES_FOR_PAYER
        everyRequestGetsANewSessionsResult(BundledRules.read(RunawayRulesTest.REQUEST));
    }

    @Test
    void aRuleTheProbeCannotSeeThroughKeepsNoSession() throws Exception {
        // "Listed payers" matches table facts alone but waits in its rule-flow group until a request gives
        // it focus: the probe (which fires the main group) never sees it match
        loaded = withRule("""
                package common
                import care.billing.model.*;
                rule "Listed payers"
                    ruleflow-group "listing"
                when
                    Payer( $payer : payer )
                then
                    insert(Finding.forPatient("INFO", "PAYER_LISTED", "-", java.util.List.of(), $payer, "x"));
                end
                rule "Every request lists the payers"
                when
                    ServiceMonth( )
                then
                    kcontext.getKieRuntime().getAgenda().getAgendaGroup("listing").setFocus();
                end
                """);
        Evaluation expected = everyRequestGetsANewSessionsResult(InvariantProperties.randomMonth(new Random(14)));
        assertTrue(expected.findings().stream().anyMatch(f -> f.code().equals("PAYER_LISTED")), "the rule fires");
    }

    @Test
    void rulesWithANamedEntryPointKeepNoSession() throws Exception {
        loaded = withRule("""
                package common
                import care.billing.model.*;
                rule "Every request leaves a note in the audit entry point"
                when
                    ServiceMonth( $month : month )
                then
                    drools.getEntryPoint("audit").insert($month);
                end
                rule "Notes in the audit entry point are counted"
                when
                    $month : ServiceMonth( )
                    accumulate( String( ) from entry-point "audit"; $notes : count(); $notes > 1 )
                then
                    insert(Finding.forPatient("INFO", "NOTES", "-", java.util.List.of(), "more than one note", "x"));
                end
                """);
        everyRequestGetsANewSessionsResult(InvariantProperties.randomMonth(new Random(15)));
    }

    @Test
    void aSessionWhoseEvaluationFailedIsNotKept() throws Exception {
        loaded = withRule("""
                package common
                import care.billing.model.*;
                rule "A Medicare month fails"
                    salience -900
                when
                    Patient( payer == "MEDICARE" )
                then
                    throw new IllegalStateException("fails on purpose");
                end
                """);
        Evaluator pooled = BundledRules.evaluator().reusingSessions(true);
        EvaluationInput medicare = BundledRules.read(RunawayRulesTest.REQUEST);

        assertThrows(RuntimeException.class, () -> pooled.evaluate(loaded, medicare));
        assertEquals(0, loaded.sessions().idle(), "a session whose evaluation failed is disposed");
        assertEquals(0, loaded.sessions().leased());
    }

    @Test
    void theBundledRulesKeepTheirSessions() {
        LoadedRules bundled = BundledRules.get();
        Evaluator pooled = BundledRules.evaluator().reusingSessions(true);
        EvaluationInput input = InvariantProperties.randomMonth(new Random(13));
        pooled.evaluate(bundled, input);
        assertTrue(bundled.sessions().idle() > 0, "the bundled rules match no table facts alone");
    }

    /**
     * Three requests on the reusing evaluator each get exactly a new session's result, and no session
     * is kept in between; the new session's result is returned.
     */
    private Evaluation everyRequestGetsANewSessionsResult(EvaluationInput input) {
        Evaluator fresh = BundledRules.evaluator();
        Evaluator pooled = fresh.reusingSessions(true);
        Evaluation expected = fresh.evaluate(loaded, input);
        for (int i = 0; i < 3; i++) {
            assertEquals(expected, pooled.evaluate(loaded, input), "request " + (i + 1));
            assertEquals(0, loaded.sessions().idle(), "no session is kept");
        }
        assertEquals(0, loaded.sessions().leased());
        return expected;
    }

    private LoadedRules withRule(String drl) throws Exception {
        Path rules = RulesCopy.of(temp);
        Files.writeString(rules.resolve("common/extra.drl"), drl);
        return RulesCopy.compile(rules);
    }
}
