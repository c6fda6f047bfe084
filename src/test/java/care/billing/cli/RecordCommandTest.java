package care.billing.cli;

import care.billing.evaluation.RulesCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordCommandTest {

    static final String REQUEST = """
            {"month": "2026-05",
             "patients": [{"id": "P7", "payer": "BCN"}],
             "staff": [{"id": "S1", "name": "Dana Lee", "credentials": "RN", "role": "CLINICAL_STAFF", "licensed": true,
                        "teamCareTrainingDate": "2025-06-01"}],
             "entries": [{"id": "E1", "patientId": "P7", "staffId": "S1", "billingProviderId": "1234567893",
                          "date": "2026-05-04", "minutes": 80, "activity": "CARE_COORDINATION", "method": "PHONE",
                          "counterpart": "Home health", "note": "Visit plan"}]}""";

    @TempDir
    Path temp;

    @Test
    void aRecordedMonthBecomesAPassingScenario() throws Exception {
        Path rules = RulesCopy.of(temp);
        Path request = temp.resolve("disputed.json");
        Files.writeString(request, REQUEST);
        Path scenario = rules.resolve("payers/bcbsm/scenarios/disputed-2026-05.yaml");

        CheckCommandTest.Run record = CheckCommandTest.check("record", "--rules", rules.toString(), "--request",
                request.toString(), "--out", scenario.toString(), "--description", "Disputed May", "--proves", "§4.1");

        assertEquals(0, record.exit(), record.out());
        assertTrue(record.out().contains("Review it, then run:\n  java -jar target/quarkus-app/quarkus-run.jar check --rules "
                + rules + "\n"), record.out());
        String yaml = Files.readString(scenario);
        assertTrue(yaml.contains("code: \"99489\""), yaml);
        assertTrue(yaml.contains("billingProviderId: \"1234567893\""), yaml);
        CheckCommandTest.Run check = CheckCommandTest.check("check", "--rules", rules.toString());
        assertEquals(0, check.exit(), check.out());
        assertTrue(check.out().contains("ok   payers/bcbsm/scenarios/disputed-2026-05.yaml  Disputed May"), check.out());
    }

    @Test
    void anExistingScenarioIsKeptUnlessForced() throws Exception {
        Path rules = RulesCopy.of(temp);
        Path request = temp.resolve("disputed.json");
        Files.writeString(request, REQUEST);
        Path scenario = rules.resolve("payers/bcbsm/scenarios/band-76-minutes.yaml");
        String before = Files.readString(scenario);

        CheckCommandTest.Run refused = CheckCommandTest.check("record", "--rules", rules.toString(), "--request",
                request.toString(), "--out", scenario.toString());

        assertEquals(1, refused.exit(), refused.err());
        assertTrue(refused.err().contains(scenario + " exists; nothing was written. Choose another --out, or add "
                + "--force to replace it."), refused.err());
        assertEquals(before, Files.readString(scenario));

        CheckCommandTest.Run forced = CheckCommandTest.check("record", "--rules", rules.toString(), "--request",
                request.toString(), "--out", scenario.toString(), "--force");

        assertEquals(0, forced.exit(), forced.err());
        assertTrue(Files.readString(scenario).startsWith("# Recorded with rules sha256:"));
    }

    @Test
    void theNextCommandQuotesADirectoryThatAShellWouldSplit() {
        assertEquals("rules", RecordCommand.shellWord("rules"));
        assertEquals("/tmp/x-1/rules.v2", RecordCommand.shellWord("/tmp/x-1/rules.v2"));
        assertEquals("'/tmp/my rules'", RecordCommand.shellWord("/tmp/my rules"));
        assertEquals("'it'\\''s'", RecordCommand.shellWord("it's"));
    }
}
