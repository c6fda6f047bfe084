package care.billing.cli;

import care.billing.evaluation.RulesCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordCommandTest {

    @TempDir
    Path temp;

    @Test
    void aRecordedMonthBecomesAPassingScenario() throws Exception {
        Path rules = RulesCopy.of(temp);
        Path request = temp.resolve("disputed.json");
        Files.writeString(request, """
                {"month": "2026-05",
                 "patients": [{"id": "P7", "payer": "BCN"}],
                 "staff": [{"id": "S1", "name": "Dana Lee", "credentials": "RN", "role": "CLINICAL_STAFF", "licensed": true,
                            "teamCareTrainingDate": "2025-06-01"}],
                 "entries": [{"id": "E1", "patientId": "P7", "staffId": "S1", "billingProviderId": "1234567893",
                              "date": "2026-05-04", "minutes": 80, "activity": "CARE_COORDINATION", "method": "PHONE",
                              "counterpart": "Home health", "note": "Visit plan"}]}""");
        Path scenario = rules.resolve("payers/bcbsm/scenarios/disputed-2026-05.yaml");

        CheckCommandTest.Run record = CheckCommandTest.check("record", "--rules", rules.toString(), "--request",
                request.toString(), "--out", scenario.toString(), "--description", "Disputed May", "--proves", "§4.1");

        assertEquals(0, record.exit(), record.out());
        String yaml = Files.readString(scenario);
        assertTrue(yaml.contains("code: \"99489\""), yaml);
        assertTrue(yaml.contains("billingProviderId: \"1234567893\""), yaml);
        CheckCommandTest.Run check = CheckCommandTest.check("check", rules.toString());
        assertEquals(0, check.exit(), check.out());
        assertTrue(check.out().contains("ok   payers/bcbsm/scenarios/disputed-2026-05.yaml  Disputed May"), check.out());
    }
}
