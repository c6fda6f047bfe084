package care.billing.evaluation;

import care.billing.model.ClaimLine;
import care.billing.model.Patient;
import care.billing.model.ServiceMonth;
import care.billing.model.Staff;
import care.billing.model.TimeEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The largest month one request may hold (10,000 entries for one patient) settles within the default limits. */
class LargeMonthTest {

    @ParameterizedTest
    @ValueSource(strings = {"MEDICARE", "BCBSM", "PRIORITY_HEALTH"})
    void tenThousandEntriesForOnePatient(String payer) {
        YearMonth month = YearMonth.of(2026, 3);
        List<TimeEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            entries.add(new TimeEntry("E" + i, "P1", "S1", i % 2 == 0 ? "1111111111" : "2222222222",
                    month.atDay(1 + i % 31), 1, "CARE_COORDINATION", "PHONE", "Home health", "Visit plan"));
        }
        EvaluationInput input = new EvaluationInput(ServiceMonth.of(month),
                List.of(new Patient("P1", payer, Set.of("E11.9", "I10"), month.atDay(1).minusYears(1), true, "HIGH")),
                List.of(new Staff("S1", "Dana Lee", "RN", "CLINICAL_STAFF", true, month.atDay(1).minusYears(1), null, false)),
                entries);

        List<ClaimLine> lines = new Evaluator(200_000, 10_000).evaluate(BundledRules.get(), input).claimLines();

        assertEquals("99487", lines.get(0).code());
        assertEquals(5_000, lines.get(0).minutes());
    }
}
