package care.billing.ruleset;

import care.billing.evaluation.RulesCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The period columns of the data tables: rule-set.csv is a table, and periods are checked with file and line. */
class TablePeriodsTest {

    @TempDir
    Path temp;

    @Test
    void ruleSetRowsLoadWithTheirPeriods() throws Exception {
        LoadedRules rules = RulesCopy.compile(RulesCopy.of(temp));
        assertEquals(List.of("BCBSM", "MEDICAID_HMO", "MEDICARE", "PRIORITY_HEALTH"),
                rules.tables().ruleSets().stream().map(r -> r.ruleSet()).sorted().toList());
        assertTrue(rules.tables().ruleSets().stream().allMatch(r -> "2022-01".equals(r.effectiveFrom())
                && r.effectiveTo() == null && r.citation().startsWith("docs/billing-policy.md §10.1")));
        assertEquals(List.of(), rules.tables().factsFor("2021-12").stream()
                .filter(f -> f instanceof care.billing.model.RuleSet).toList());
        assertEquals(4, rules.tables().factsFor("2022-01").stream()
                .filter(f -> f instanceof care.billing.model.RuleSet).count());
    }

    @Test
    void aBadMonthInRuleSetCsvIsReportedWithFileAndLine() throws Exception {
        Path rules = RulesCopy.of(temp);
        Path file = rules.resolve("payers/medicare/rule-set.csv");
        RulesCopy.replace(file, "MEDICARE,2022-01,,", "MEDICARE,2022-13,,");

        RuleProblem problem = onlyProblem(rules);

        assertEquals("payers/medicare/rule-set.csv", problem.file());
        assertEquals(lineOf(file, "MEDICARE,2022-13"), problem.line());
        assertTrue(problem.message().contains("'2022-13' is not YYYY-MM"), problem.message());
    }

    @Test
    void anUnknownColumnInRuleSetCsvIsReportedAtItsHeaderCell() throws Exception {
        Path rules = RulesCopy.of(temp);
        Path file = rules.resolve("payers/bcbsm/rule-set.csv");
        RulesCopy.replace(file, "ruleSet,effectiveFrom,effectiveTo,citation", "ruleSet,effectiveFrom,effectiveUntil,citation");

        RuleProblem problem = onlyProblem(rules);

        assertEquals("payers/bcbsm/rule-set.csv", problem.file());
        assertEquals(lineOf(file, "ruleSet,effectiveFrom"), problem.line());
        assertEquals(3, problem.column());
        assertEquals("unknown column 'effectiveUntil'; the columns of rule-set.csv are ruleSet, effectiveFrom, "
                + "effectiveTo, citation", problem.message());
    }

    @Test
    void overlappingFeeRowsAreReportedAtTheLaterRow() throws Exception {
        Path rules = RulesCopy.of(temp);
        Path file = rules.resolve("payers/medicare/fees.csv");
        RulesCopy.replace(file, "MEDICARE,99491,89.18,2026-01,2026-12,", "MEDICARE,99491,89.18,2025-12,2026-12,");

        RuleProblem problem = onlyProblem(rules);

        assertEquals("payers/medicare/fees.csv", problem.file());
        assertEquals(lineOf(file, "MEDICARE,99491,89.18"), problem.line());
        assertTrue(problem.message().contains("MEDICARE 99491") && problem.message().contains("overlaps 2025-01..2025-12")
                && problem.message().contains("payers/medicare/fees.csv:" + lineOf(file, "MEDICARE,99491,82.16")),
                problem.message());
    }

    @Test
    void overlappingRuleSetRowsAndBackwardPeriodsAreReported() throws Exception {
        Path rules = RulesCopy.of(temp);
        Path file = rules.resolve("payers/priority_health/rule-set.csv");
        Files.writeString(file, Files.readString(file) + "PRIORITY_HEALTH,2030-01,,second period\n"
                + "PRIORITY_HEALTH,2029-05,2029-02,backwards\n");

        RuleProblemsException e = assertThrows(RuleProblemsException.class,
                () -> new RuleCompiler().compile(RuleFiles.read(rules)));

        int second = lineOf(file, "2030-01");
        int backwards = lineOf(file, "backwards");
        assertEquals(2, e.problems().size(), e.problems()::toString);
        assertTrue(e.problems().stream().anyMatch(p -> p.line() == second
                && p.message().contains("overlaps 2022-01..(open)")), e.problems()::toString);
        assertTrue(e.problems().stream().anyMatch(p -> p.line() == backwards
                && p.message().contains("effectiveFrom 2029-05 is after effectiveTo 2029-02")), e.problems()::toString);
    }

    private static RuleProblem onlyProblem(Path rules) {
        RuleProblemsException e = assertThrows(RuleProblemsException.class,
                () -> new RuleCompiler().compile(RuleFiles.read(rules)));
        assertEquals(1, e.problems().size(), e.problems()::toString);
        return e.problems().get(0);
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(file + " lacks " + text);
    }
}
