package care.billing.evaluation;

import care.billing.model.ClaimLine;
import care.billing.model.Patient;
import care.billing.model.ServiceMonth;
import care.billing.model.Staff;
import care.billing.model.TimeEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The largest month one request may hold (10,000 entries for one patient) settles within the default limits. */
class LargeMonthTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    @ParameterizedTest
    @ValueSource(strings = {"MEDICARE", "BCBSM", "PRIORITY_HEALTH"})
    void tenThousandEntriesForOnePatient(String payer) {
        List<TimeEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            entries.add(new TimeEntry("E" + i, "P1", "S1", i % 2 == 0 ? "1111111111" : "2222222222",
                    MARCH.atDay(1 + i % 31), 1, "CARE_COORDINATION", "PHONE", "Home health", "Visit plan"));
        }

        List<ClaimLine> lines = new Evaluator(200_000, 10_000).evaluate(BundledRules.get(), month(payer, entries)).claimLines();

        assertEquals("99487", lines.get(0).code());
        assertEquals(5_000, lines.get(0).minutes());
    }

    /**
     * All 10,000 on one date of one staff member: the daily-time rule (rules/common/plausibility.drl) must sum
     * a day once, not once per entry of the day, which ran out of memory here. The timeout is not a speed
     * target (this takes about a second): without it that rule hangs the build for minutes before failing.
     */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void tenThousandEntriesOfOneStaffMemberOnOneDate() {
        List<TimeEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            entries.add(new TimeEntry("E" + i, "P1", "S1", "1111111111", MARCH.atDay(4), 1, "CARE_COORDINATION",
                    "PHONE", "Home health", "Visit plan"));
        }

        Evaluation evaluation = new Evaluator(200_000, 10_000).evaluate(BundledRules.get(), month("MEDICARE", entries));

        assertEquals(List.of(), evaluation.claimLines());
        assertEquals(10_000, evaluation.findings().stream().filter(f -> f.code().equals("IMPLAUSIBLE_DAILY_TIME")).count());
    }

    private static EvaluationInput month(String payer, List<TimeEntry> entries) {
        return new EvaluationInput(ServiceMonth.of(MARCH),
                List.of(new Patient("P1", payer, Set.of("E11.9", "I10"), MARCH.atDay(1).minusYears(1), true, "HIGH")),
                List.of(new Staff("S1", "Dana Lee", "RN", "CLINICAL_STAFF", true, MARCH.atDay(1).minusYears(1), null, false)),
                entries);
    }
}
