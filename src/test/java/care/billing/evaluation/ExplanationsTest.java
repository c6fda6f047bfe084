package care.billing.evaluation;

import care.billing.model.Finding;
import care.billing.model.TimeEntry;
import care.billing.ruleset.LoadedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Findings name the entries they explain, per family, so {@link InvariantProperties} can tell an
 * explained entry from one a rule dropped silently.
 */
class ExplanationsTest {

    @TempDir
    Path temp;

    @Test
    void aPoolBelowItsThresholdAndAFamilyThePatientCannotBillNameTheirEntries() {
        String body = request("2026-03", entry("E1", "2026-03-04", 15)).replace("\"MODERATE\"", "\"LOW\"");
        Evaluation result = BundledRules.evaluator().evaluate(BundledRules.get(), BundledRules.read(body.getBytes()));

        assertEquals(List.of(), result.claimLines());
        assertEquals(List.of("COMPLEXITY_NOT_MET COMPLEX_CCM [E1]", "THRESHOLD_GAP STAFF_CCM [E1]"),
                result.findings().stream().map(f -> f.code() + " " + f.family() + " " + f.entryIds()).sorted().toList());
    }

    /** What the exact property is for: a rule that drops short entries from one family without a word. */
    @Test
    void theInvariantCatchesARuleThatSilentlySkipsShortEntriesInOneFamily() throws Exception {
        Path rules = RulesCopy.of(temp);
        RulesCopy.replace(rules.resolve("common/counting.drl"), "$eid : id, $minutes : minutes, $sid : staffId )",
                "$eid : id, $minutes : minutes, $sid : staffId, minutes >= 10 || $family != \"STAFF_CCM\" )");
        LoadedRules skipping = RulesCopy.compile(rules);

        Set<String> unexplained = new TreeSet<>();
        Random random = new Random(16);
        for (int i = 0; i < 300; i++) {
            EvaluationInput input = InvariantProperties.randomMonth(random);
            Evaluation result = BundledRules.evaluator().evaluate(skipping, input);
            for (TimeEntry entry : input.entries()) {
                if (result.claimLines().stream().noneMatch(line -> line.entryIds().contains(entry.id()))) {
                    unexplained.addAll(InvariantProperties.unexplainedFamilies(skipping, input, entry, result.findings()));
                }
            }
        }
        assertEquals(Set.of("STAFF_CCM"), unexplained);
    }

    /** A reason that applies to some families only is said for those families when the entry is not billed. */
    @Test
    void aFamilySpecificExclusionOfAnUnbilledEntryIsExplainedForThatFamily() throws Exception {
        Path rules = RulesCopy.of(temp);
        Files.writeString(rules.resolve("common/phone-not-staff.drl"), """
                package common
                import care.billing.model.*;
                rule "Phone calls do not count toward staff CCM"
                when
                    $e : TimeEntry( method == "PHONE" )
                then
                    insertLogical(new Exclusion($e.id(), $e.patientId(), "STAFF_CCM", "METHOD_NOT_COUNTABLE", "phone", "test"));
                end
                """);
        LoadedRules loaded = RulesCopy.compile(rules);
        EvaluationInput input = BundledRules.read(request("2026-03", entry("E1", "2026-03-04", 25)).getBytes());

        Evaluation result = BundledRules.evaluator().evaluate(loaded, input);

        assertEquals(List.of(), result.claimLines());
        List<Finding> findings = result.findings();
        assertTrue(findings.stream().anyMatch(f -> f.code().equals("METHOD_NOT_COUNTABLE") && "E1".equals(f.entryId())
                && "STAFF_CCM".equals(f.family())), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.code().equals("THRESHOLD_GAP") && "COMPLEX_CCM".equals(f.family())
                && f.entryIds().equals(List.of("E1"))), findings.toString());
        assertEquals(List.of(), InvariantProperties.unexplainedFamilies(loaded, input, input.entries().get(0), findings));
    }
}
