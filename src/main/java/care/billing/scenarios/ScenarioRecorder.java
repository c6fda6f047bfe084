package care.billing.scenarios;

import care.billing.evaluation.Evaluation;
import care.billing.model.ClaimLine;
import care.billing.model.Finding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;

/**
 * Turns a real request and the result the current rules give it into a scenario file, so a
 * disputed month becomes a regression case. The expected lines are today's result: a reviewer
 * confirms them before the file is committed.
 */
public final class ScenarioRecorder {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    private ScenarioRecorder() {
    }

    public static String record(String description, String proves, JsonNode request, Evaluation evaluation)
            throws IOException {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode scenario = json.objectNode();
        scenario.put("description", description);
        scenario.put("proves", proves);
        scenario.set("request", request);
        ObjectNode expect = scenario.putObject("expect");
        ArrayNode lines = expect.putArray("claimLines");
        for (ClaimLine line : evaluation.claimLines()) {
            ObjectNode l = lines.addObject();
            l.put("patientId", line.patientId());
            l.put("billingProviderId", line.billingProviderId());
            l.put("code", line.code());
            l.put("units", line.units());
            l.put("minutes", line.minutes());
            l.put("dateOfService", line.dateOfService().toString());
            l.put("estimatedAmount", line.estimatedAmount()); // null: the line has no estimate, and the scenario says so
        }
        ArrayNode findings = expect.putArray("findings");
        evaluation.findings().stream().map(Finding::code).sorted().forEach(findings::add);
        return "# Recorded with rules " + evaluation.rulesVersion() + ".\n"
                + "# The expected lines are what those rules gave: confirm them before committing this file.\n"
                + YAML.writeValueAsString(scenario);
    }
}
