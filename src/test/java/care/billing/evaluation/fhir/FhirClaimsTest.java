package care.billing.evaluation.fhir;

import care.billing.evaluation.BundledRules;
import care.billing.evaluation.Evaluation;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.EvaluationResponse;
import care.billing.model.ClaimLine;
import care.billing.ruleset.RuleProblem;
import care.billing.scenarios.Scenario;
import care.billing.scenarios.ScenarioSuite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FHIR Bundle of every bundled scenario, parsed back with HAPI, holds exactly the JSON claim lines. */
class FhirClaimsTest {

    static final FhirClaims FHIR = new FhirClaims();
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    static final AtomicInteger ITEMS = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> everyScenariosBundleHoldsItsJsonClaimLines() throws IOException {
        List<RuleProblem> unreadable = new ArrayList<>();
        List<Scenario> scenarios = ScenarioSuite.load(BundledRules.DIR, unreadable);
        assertEquals(List.of(), unreadable);
        assertTrue(scenarios.size() > 50, scenarios.size() + " scenarios");
        return scenarios.stream().map(scenario -> DynamicTest.dynamicTest(scenario.file(), () -> {
            EvaluationInput input = BundledRules.reader().read(scenario.request(), BundledRules.get().tables().vocabulary());
            Evaluation evaluation = BundledRules.evaluator().evaluate(BundledRules.get(), input);
            String requestId = "scenario " + scenario.file();
            JsonNode lines = JSON.valueToTree(EvaluationResponse.of(requestId, evaluation, null)).get("claimLines");
            Bundle bundle = FHIR.context().newJsonParser().parseResource(Bundle.class, FHIR.json(requestId, evaluation));
            ITEMS.addAndGet(FhirBundleCheck.assertHolds(bundle, requestId, evaluation.rulesVersion(), lines));
        }));
    }

    @AfterAll
    static void theScenariosBilledLines() {
        assertTrue(ITEMS.get() > 50, ITEMS.get() + " items compared");
    }

    @Test
    void theSameEvaluationGivesTheSameBytes() {
        Evaluation evaluation = new Evaluation("2026-03", "sha256:abc", List.of(
                line("P1", null, "99490", 1, "60.49"), line("P1", null, "99439", 2, "91.14"),
                line("P2", "1234567893", "99487", 1, null)), List.of());
        String first = FHIR.json("r", evaluation);
        assertEquals(first, new FhirClaims().json("r", evaluation));
        Bundle bundle = FHIR.context().newJsonParser().parseResource(Bundle.class, first);
        assertEquals(2, bundle.getEntry().size(), "one claim per patient and billing provider");
        assertEquals(FhirNames.DEFAULT_PROVIDER,
                ((org.hl7.fhir.r4.model.Claim) bundle.getEntry().get(0).getResource()).getProvider().getDisplay());
        assertEquals(0, new BigDecimal("45.57").compareTo(((org.hl7.fhir.r4.model.Claim) bundle.getEntry().get(0)
                .getResource()).getItem().get(1).getUnitPrice().getValue()), "unit price = amount / units");
        assertTrue(first.indexOf('\n') < 0, "one line, for NDJSON");
    }

    /** The FHIR example of /q/openapi is this class's real output for the README's example response. */
    @Test
    void theOpenApiExampleIsRealOutput() throws IOException {
        JsonNode document;
        try (InputStream in = FhirClaims.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            document = new YAMLMapper().readTree(in);
        }
        JsonNode examples = document.get("components").get("examples");
        JsonNode response = examples.get("EvaluationResponse").get("value");
        List<ClaimLine> lines = new ArrayList<>();
        for (JsonNode line : response.get("claimLines")) {
            lines.add(JSON.treeToValue(line, ClaimLine.class));
        }
        Evaluation evaluation = new Evaluation(response.get("month").asText(), response.get("rulesVersion").asText(),
                lines, List.of());
        assertEquals(examples.get("FhirClaimBundle").get("value"),
                JSON.readTree(FHIR.json(null, evaluation).getBytes(StandardCharsets.UTF_8)));
    }

    private static ClaimLine line(String patient, String provider, String code, int units, String amount) {
        return new ClaimLine(patient, "MEDICARE", provider, "STAFF_CCM", code, units, 45, LocalDate.of(2026, 3, 31),
                List.of("E1", "E2"), "rule", "payers/medicare/code-families.csv:13",
                amount == null ? null : new BigDecimal(amount), !code.equals("99490") && !code.equals("99487"));
    }
}
