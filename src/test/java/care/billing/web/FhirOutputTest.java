package care.billing.web;

import care.billing.evaluation.fhir.FhirBundleCheck;
import care.billing.evaluation.fhir.FhirClaims;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Accept: application/fhir+json (and fhir+ndjson for the batch) answers FHIR R4 Bundles; plain JSON stays the default. */
@QuarkusTest
class FhirOutputTest {

    static final FhirClaims HAPI = new FhirClaims();
    static final String TWO_PROVIDERS = request("2026-03", entry("E1", "2026-03-04", 65) + ","
            + entry("E2", "2026-03-05", 25).replace("1234567893", "1111111111")).replace("{\"month\"", "{\"requestId\": \"q-9\", \"month\"");

    @Test
    void aSingleEvaluationAsFhirHoldsItsJsonClaimLines() {
        JsonNode json = ApiDocumentFixture.tree(given().contentType("application/json").body(TWO_PROVIDERS)
                .post("/api/v1/evaluations").then().statusCode(200).contentType("application/json").extract().asString());
        String fhir = given().contentType("application/json").accept(Media.FHIR_JSON).body(TWO_PROVIDERS)
                .post("/api/v1/evaluations").then().statusCode(200).contentType(Media.FHIR_JSON).extract().asString();
        Bundle bundle = HAPI.context().newJsonParser().parseResource(Bundle.class, fhir);
        assertTrue(json.get("claimLines").size() >= 2, json.toString());
        assertEquals(json.get("claimLines").size(),
                FhirBundleCheck.assertHolds(bundle, "q-9", json.get("rulesVersion").asText(), json.get("claimLines")));
    }

    @Test
    void plainJsonStaysTheDefault() {
        for (String accept : List.of("*/*", "application/*", "application/json, application/fhir+json;q=0.5")) {
            given().contentType("application/json").accept(accept).body(TWO_PROVIDERS).post("/api/v1/evaluations")
                    .then().statusCode(200).contentType("application/json");
        }
        given().contentType("application/json").accept("application/json;q=0.5, application/fhir+json")
                .body(TWO_PROVIDERS).post("/api/v1/evaluations").then().statusCode(200).contentType(Media.FHIR_JSON);
    }

    @Test
    void aBatchAsFhirNdjsonHasOneBundlePerEvaluatedLineAndProblemsForTheRest() {
        String bad = request("2026-03", entry("E1", "2026-04-04", 20)).replace("{\"month\"", "{\"requestId\": \"q-bad\", \"month\"");
        byte[] body = String.join("\n", TWO_PROVIDERS, bad, request("2026-03", entry("E1", "2026-03-04", 20)), "")
                .getBytes(StandardCharsets.UTF_8);
        List<String> json = given().contentType(Media.NDJSON).body(body).post("/api/v1/evaluations/batch")
                .then().statusCode(200).contentType(Media.NDJSON).extract().asString().lines().toList();
        List<String> fhir = given().contentType(Media.NDJSON).accept(Media.FHIR_NDJSON).body(body)
                .post("/api/v1/evaluations/batch").then().statusCode(200).contentType(Media.FHIR_NDJSON).extract()
                .asString().lines().toList();
        assertEquals(3, fhir.size(), String.join("\n", fhir));
        assertEquals(json.get(1), fhir.get(1), "a rejected line is the same problem object");
        assertTrue(fhir.get(1).startsWith("{\"requestId\":\"q-bad\","), fhir.get(1));
        for (int i : new int[] {0, 2}) {
            JsonNode line = ApiDocumentFixture.tree(json.get(i));
            Bundle bundle = HAPI.context().newJsonParser().parseResource(Bundle.class, fhir.get(i));
            FhirBundleCheck.assertHolds(bundle, i == 0 ? "q-9" : null, line.get("rulesVersion").asText(),
                    line.get("claimLines"));
        }
    }
}
