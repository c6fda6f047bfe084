package care.billing.scenarios;

import care.billing.evaluation.BundledRules;
import care.billing.ruleset.RuleFiles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mutants of the new periods and of the daily-time limit exist (CheckCommandTest shows none survives). */
class MutantsTest {

    @Test
    void everyPeriodMonthIsShiftedOneMonthEachWay() throws Exception {
        List<Mutant> mutants = Mutants.of(RuleFiles.read(BundledRules.DIR), BundledRules.get().tables().vocabulary());

        for (String payer : List.of("medicare", "bcbsm", "medicaid_hmo", "priority_health")) {
            String file = "payers/" + payer + "/rule-set.csv";
            assertEquals(List.of("effectiveFrom = 2021-12", "effectiveFrom = 2022-02"),
                    mutants.stream().filter(m -> m.file().equals(file)).map(Mutant::after).toList(), file);
        }
        List<Mutant> fees = mutants.stream().filter(m -> m.file().equals("payers/medicare/fees.csv")).toList();
        assertEquals(12 * 2 * 2, fees.size());
        assertTrue(fees.stream().anyMatch(m -> m.before().equals("effectiveTo = 2026-12") && m.after().equals("effectiveTo = 2027-01")
                && m.content().contains("MEDICARE,99491,89.18,2026-01,2027-01,")), fees::toString);
        assertTrue(fees.stream().allMatch(Mutant::tableOnly));
    }

    @Test
    void theDailyLimitAndItsComparisonAreMutated() throws Exception {
        List<String> changes = Mutants.of(RuleFiles.read(BundledRules.DIR), BundledRules.get().tables().vocabulary()).stream()
                .filter(m -> m.file().equals("common/plausibility.drl")).map(m -> m.after().strip()).toList();
        assertEquals(List.of("return 1441;", "return 1439;",
                "totals.put(entry.date(), Integer.valueOf((sum == null ? 1 : sum.intValue()) + entry.minutes()));",
                "if (((Integer) day.getValue()).intValue() >= limit) {"), changes);
    }
}
