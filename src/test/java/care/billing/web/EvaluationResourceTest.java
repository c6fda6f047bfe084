package care.billing.web;

import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class EvaluationResourceTest {

    @Test
    void billsTheMonthAndExplainsTheGap() {
        given().contentType(ContentType.JSON)
                .body(request("2026-03", entry("E1", "2026-03-04", 25) + "," + entry("E2", "2026-03-19", 20)))
                .when().post("/api/v1/evaluations")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("month", equalTo("2026-03"))
                .body("rulesVersion", startsWith("sha256:"))
                .body("claimLines", hasSize(2))
                .body("claimLines[0].patientId", equalTo("P1"))
                .body("claimLines[0].payer", equalTo("MEDICARE"))
                .body("claimLines[0].billingProviderId", equalTo("1234567893"))
                .body("claimLines[0].code", equalTo("99490"))
                .body("claimLines[0].units", equalTo(1))
                .body("claimLines[0].minutes", equalTo(45))
                .body("claimLines[0].dateOfService", equalTo("2026-03-31"))
                .body("claimLines[0].entryIds", contains("E1", "E2"))
                .body("claimLines[0].estimatedAmount", equalTo(66.13f))
                .body("claimLines[1].code", equalTo("99439"))
                .body("claimLines[1].units", equalTo(1))
                .body("totals.claimLines", equalTo(2))
                .body("totals.estimatedAmount", equalTo(116.57f))
                .body("findings.code", containsInAnyOrder("THRESHOLD_GAP", "THRESHOLD_GAP"))
                .body("findings.message", hasItem("45 countable minutes; 15 more reach another 99439"));
    }

    @Test
    void sameRequestGivesByteIdenticalOutput() {
        String body = request("2026-03", entry("E2", "2026-03-19", 20) + "," + entry("E1", "2026-03-04", 65));
        String first = given().contentType(ContentType.JSON).body(body).post("/api/v1/evaluations").asString();
        String second = given().contentType(ContentType.JSON).body(body).post("/api/v1/evaluations").asString();
        assertEquals(first, second);
    }

    @Test
    void emptyMonthIsValid() {
        given().contentType(ContentType.JSON)
                .body("{\"month\": \"2026-03\", \"patients\": [], \"staff\": [], \"entries\": []}")
                .post("/api/v1/evaluations")
                .then().statusCode(200)
                .body("claimLines", hasSize(0))
                .body("totals.claimLines", equalTo(0))
                .body("totals.estimatedAmount", equalTo(0.0f));
    }

    @Test
    void unknownPayerIsAFindingNotAnError() {
        given().contentType(ContentType.JSON)
                .body(request("2026-03", entry("E1", "2026-03-04", 25)).replace("\"MEDICARE\"", "\"ACME_HEALTH\""))
                .post("/api/v1/evaluations")
                .then().statusCode(200)
                .body("claimLines", hasSize(0))
                .body("findings[0].code", equalTo("NO_RULES_FOR_PAYER"))
                .body("findings[0].severity", equalTo("ERROR"))
                .body("findings[0].entryId", nullValue());
    }
}
