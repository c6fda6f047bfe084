package care.billing.web;

import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Every bad-input case of docs/api.md: 400 problem+json naming each offending field, never a 500. */
@QuarkusTest
class BadInputTest {

    static ValidatableResponse post(String body) {
        return given().contentType("application/json").body(body)
                .when().post("/api/v1/evaluations")
                .then().contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
    }

    static ValidatableResponse rejected(String body) {
        return post(body).statusCode(400).body("status", equalTo(400)).body("title", equalTo("Invalid evaluation request"));
    }

    @Test
    void malformedJson() {
        rejected("{\"month\": \"2026-03\", \"patients\": [").body("errors[0].pointer", equalTo("/patients"));
    }

    @Test
    void emptyBody() {
        rejected("").body("errors[0].pointer", equalTo(""));
    }

    @Test
    void missingMonth() {
        rejected("{\"patients\": [], \"staff\": [], \"entries\": []}")
                .body("errors.pointer", contains("/month"));
    }

    @Test
    void missingListsAndIds() {
        rejected("{\"month\": \"2026-03\", \"patients\": [{\"payer\": \"MEDICARE\"}]}")
                .body("errors.pointer", containsInAnyOrder("/entries", "/patients/0/id", "/staff"));
    }

    @Test
    void badMonth() {
        rejected("{\"month\": \"2026-13\", \"patients\": [], \"staff\": [], \"entries\": []}")
                .body("errors[0].pointer", equalTo("/month"));
    }

    @Test
    void unknownPatientAndStaffReferences() {
        String body = request("2026-03", entry("E1", "2026-03-04", 20)
                .replace("\"patientId\": \"P1\"", "\"patientId\": \"P9\"")
                .replace("\"staffId\": \"S1\"", "\"staffId\": \"S9\""));
        rejected(body).body("errors.pointer", contains("/entries/0/patientId", "/entries/0/staffId"))
                .body("errors[0].detail", equalTo("no patient with id 'P9'"));
    }

    @Test
    void negativeAndTooManyMinutes() {
        rejected(request("2026-03", entry("E1", "2026-03-04", -5) + "," + entry("E2", "2026-03-05", 1441)))
                .body("errors.pointer", contains("/entries/0/minutes", "/entries/1/minutes"));
    }

    @Test
    void entryOutsideTheMonth() {
        rejected(request("2026-03", entry("E1", "2026-04-01", 20)))
                .body("errors.pointer", contains("/entries/0/date"))
                .body("errors[0].detail", containsString("2026-03"));
    }

    @Test
    void impossibleDate() {
        rejected(request("2026-02", entry("E1", "2026-02-30", 20)))
                .body("errors[0].pointer", equalTo("/entries/0/date"));
    }

    @Test
    void duplicateIds() {
        rejected(request("2026-03", entry("E1", "2026-03-04", 20) + "," + entry("E1", "2026-03-05", 20)))
                .body("errors.pointer", contains("/entries/1/id"));
    }

    @Test
    void wrongTypeIsNotCoerced() {
        rejected(request("2026-03", entry("E1", "2026-03-04", 20).replace("\"minutes\": 20", "\"minutes\": \"20\"")))
                .body("errors[0].pointer", equalTo("/entries/0/minutes"));
    }

    @Test
    void unknownFieldIsNamed() {
        rejected(request("2026-03", entry("E1", "2026-03-04", 20).replace("\"minutes\"", "\"minuts\": 3, \"minutes\"")))
                .body("errors[0].pointer", equalTo("/entries/0/minuts"))
                .body("errors[0].detail", equalTo("unknown field 'minuts'"));
    }

    @Test
    void duplicateKeyIsNamed() {
        rejected(request("2026-03", entry("E1", "2026-03-04", 20).replace("\"minutes\": 20", "\"minutes\": 20, \"minutes\": 30")))
                .body("errors[0].pointer", equalTo("/entries/0/minutes"));
    }

    @Test
    void valuesOutsideTheVocabulary() {
        rejected(request("2026-03", entry("E1", "2026-03-04", 20).replace("\"PHONE\"", "\"PIGEON\""))
                .replace("\"CLINICAL_STAFF\"", "\"JANITOR\""))
                .body("errors.pointer", hasItem("/entries/0/method"))
                .body("errors.pointer", hasItem("/staff/0/role"));
    }

    @Test
    void tooManyEntriesIs413() {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i <= 10_000; i++) {
            entries.append(i == 0 ? "" : ",").append(entry("E" + i, "2026-03-04", 1));
        }
        post(request("2026-03", entries.toString())).statusCode(413).body("detail", containsString("10000"));
    }
}
