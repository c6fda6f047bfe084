package care.billing.evaluation;

import care.billing.model.ClaimLine;
import care.billing.model.Finding;
import care.billing.ruleset.LoadedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule sets and code families in force by period (docs/billing-policy.md §10.1) and implausible daily time
 * (§11), where a scenario cannot show it: a rule set that ends while another goes on, a family row that
 * ends, the finding's severity and words, and batch chunks that share a session.
 */
class PeriodsTest {

    @TempDir
    Path temp;

    /** A Medicare patient and a BCBSM patient (31 countable minutes, one undocumented and one e-mailed entry). */
    static String mixed(String month) {
        return """
                {"month": "%1$s",
                 "patients": [{"id": "P1", "payer": "MEDICARE", "chronicConditions": ["E11.9", "I10"],
                               "consentDate": "2025-01-01", "carePlanOnFile": true, "complexity": "MODERATE"},
                              {"id": "P2", "payer": "BCBSM"}],
                 "staff": [{"id": "S1", "name": "Dana Lee", "credentials": "RN", "role": "CLINICAL_STAFF", "licensed": true,
                            "teamCareTrainingDate": "2025-06-01"}],
                 "entries": [
                   {"id": "E1", "patientId": "P1", "staffId": "S1", "date": "%1$s-04", "minutes": 25,
                    "activity": "CARE_COORDINATION", "method": "PHONE", "counterpart": "Home health", "note": "Visit plan"},
                   {"id": "E2", "patientId": "P2", "staffId": "S1", "date": "%1$s-05", "minutes": 31,
                    "activity": "CARE_COORDINATION", "method": "PHONE", "counterpart": "DME", "note": "Home oxygen"},
                   {"id": "E3", "patientId": "P2", "staffId": "S1", "date": "%1$s-06", "minutes": 10,
                    "activity": "CARE_COORDINATION", "method": "PHONE", "counterpart": "DME", "note": " "},
                   {"id": "E4", "patientId": "P2", "staffId": "S1", "date": "%1$s-07", "minutes": 10,
                    "activity": "CARE_COORDINATION", "method": "EMAIL", "counterpart": "DME", "note": "Order"}]}
                """.formatted(month);
    }

    @Test
    void aRuleSetNotInForceGivesItsPatientsOneErrorAndBillsTheOthersAsUsual() throws Exception {
        Path dir = RulesCopy.of(temp);
        RulesCopy.replace(dir.resolve("payers/bcbsm/rule-set.csv"), "BCBSM,2022-01,,", "BCBSM,2022-01,2026-02,");
        LoadedRules ended = RulesCopy.compile(dir);

        Evaluation before = evaluate(ended, mixed("2026-02"));
        assertEquals(evaluate(BundledRules.get(), mixed("2026-02")), withVersion(before, BundledRules.get()));
        assertTrue(before.claimLines().stream().anyMatch(l -> l.patientId().equals("P2")), before::toString);

        Evaluation after = evaluate(ended, mixed("2026-03"));
        Evaluation bundled = evaluate(BundledRules.get(), mixed("2026-03"));
        assertEquals(bundled.claimLines().stream().filter(l -> l.patientId().equals("P1")).toList(), after.claimLines());
        assertEquals(of(bundled, "P1"), of(after, "P1"));
        List<Finding> p2 = of(after, "P2");
        assertEquals(1, p2.size(), p2::toString);
        assertEquals("ERROR", p2.get(0).severity());
        assertEquals("NO_RULES_IN_FORCE", p2.get(0).code());
        assertTrue(p2.get(0).message().contains("payer BCBSM") && p2.get(0).message().contains("2026-03"),
                p2.get(0).message());
    }

    /** §10.1: a code family whose row is not in force is not a candidate; the fixed order then picks another. */
    @Test
    void aCodeFamilyRowNotInForceIsNoCandidate() throws Exception {
        Path dir = RulesCopy.of(temp);
        RulesCopy.replace(dir.resolve("payers/medicare/code-families.csv"),
                "99487,60,99489,90,30,,1,LAST_DAY_OF_MONTH,PHYSICIAN QHP CLINICAL_STAFF,,,",
                "99487,60,99489,90,30,,1,LAST_DAY_OF_MONTH,PHYSICIAN QHP CLINICAL_STAFF,,2026-12,");
        LoadedRules ended = RulesCopy.compile(dir);
        String request = staffMinutes("2027-01", "HIGH", 65);

        assertEquals(List.of("99487"), codes(evaluate(BundledRules.get(), request)));
        assertEquals(List.of("99490", "99439"), codes(evaluate(ended, request)));
    }

    @Test
    void anImplausibleDayIsAnErrorNamingStaffMemberDateAndTotal() {
        Evaluation result = evaluate(BundledRules.get(), """
                {"month": "2026-03",
                 "patients": [{"id": "P1", "payer": "MEDICARE", "chronicConditions": ["E11.9", "I10"],
                               "consentDate": "2025-01-01", "carePlanOnFile": true, "complexity": "LOW"},
                              {"id": "P2", "payer": "BCBSM"}],
                 "staff": [{"id": "S1", "name": "Dana Lee", "credentials": "RN", "role": "CLINICAL_STAFF", "licensed": true,
                            "teamCareTrainingDate": "2025-06-01"}],
                 "entries": [
                   {"id": "E1", "patientId": "P1", "staffId": "S1", "date": "2026-03-10", "minutes": 1000,
                    "activity": "CARE_COORDINATION", "method": "PHONE", "counterpart": "Home health", "note": "Visit plan"},
                   {"id": "E2", "patientId": "P2", "staffId": "S1", "date": "2026-03-10", "minutes": 441,
                    "activity": "CARE_COORDINATION", "method": "PHONE", "counterpart": "DME", "note": "Home oxygen"}]}
                """);
        assertEquals(List.of(), result.claimLines());
        assertEquals(2, result.findings().size(), result::toString);
        for (Finding f : result.findings()) {
            assertEquals("IMPLAUSIBLE_DAILY_TIME", f.code());
            assertEquals("ERROR", f.severity());
            assertTrue(f.message().contains("S1") && f.message().contains("2026-03-10") && f.message().contains("1441"),
                    f.message());
        }
    }

    /**
     * A batch evaluates chunks of requests in one session with per-request id prefixes: two requests
     * whose staff member S1 records 1,000 minutes on the same date each stand alone, while one request
     * of 1,441 minutes in the same chunk is still caught.
     */
    @Test
    void batchRequestsSharingAStaffIdDoNotAddUp() {
        EvaluationInput first = BundledRules.read(bytes(staffMinutes("2026-03", "LOW", 1000)));
        EvaluationInput second = BundledRules.read(bytes(staffMinutes("2026-03", "LOW", 1000)));
        EvaluationInput over = BundledRules.read(bytes(staffMinutes("2026-03", "LOW", 1441 - 720, 720)));

        List<Evaluation> chunk = new ChunkEvaluator(BundledRules.evaluator())
                .evaluate(BundledRules.get(), List.of(first, second, over));

        Evaluation alone = BundledRules.evaluator().evaluate(BundledRules.get(), first);
        assertEquals(alone, chunk.get(0));
        assertEquals(alone, chunk.get(1));
        assertEquals(List.of("99490", "99439"), codes(chunk.get(0)));
        assertEquals(List.of(), chunk.get(2).claimLines());
        assertEquals(List.of("IMPLAUSIBLE_DAILY_TIME", "IMPLAUSIBLE_DAILY_TIME"),
                chunk.get(2).findings().stream().map(Finding::code).toList());
    }

    /** One Medicare patient of the given complexity; clinical staff S1 records the given minutes on the 10th. */
    static String staffMinutes(String month, String complexity, int... minutes) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < minutes.length; i++) {
            entries.append(i == 0 ? "" : ",").append("""
                    {"id": "E%d", "patientId": "P1", "staffId": "S1", "date": "%s-10", "minutes": %d,
                     "activity": "CARE_COORDINATION", "method": "PHONE", "counterpart": "Home health", "note": "Plan"}"""
                    .formatted(i + 1, month, minutes[i]));
        }
        return """
                {"month": "%s",
                 "patients": [{"id": "P1", "payer": "MEDICARE", "chronicConditions": ["E11.9", "I10"],
                               "consentDate": "2025-01-01", "carePlanOnFile": true, "complexity": "%s"}],
                 "staff": [{"id": "S1", "name": "Dana Lee", "credentials": "RN", "role": "CLINICAL_STAFF"}],
                 "entries": [%s]}
                """.formatted(month, complexity, entries);
    }

    private static Evaluation evaluate(LoadedRules rules, String request) {
        return BundledRules.evaluator().evaluate(rules, BundledRules.read(bytes(request)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Evaluation withVersion(Evaluation evaluation, LoadedRules rules) {
        return new Evaluation(evaluation.month(), rules.version(), evaluation.claimLines(), evaluation.findings());
    }

    private static List<Finding> of(Evaluation evaluation, String patientId) {
        return evaluation.findings().stream().filter(f -> f.patientId().equals(patientId)).toList();
    }

    private static List<String> codes(Evaluation evaluation) {
        return evaluation.claimLines().stream().map(ClaimLine::code).toList();
    }
}
