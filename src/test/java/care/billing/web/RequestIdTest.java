package care.billing.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** api.md "Correlation": a request's requestId comes back as the first field of its result, or of its problem. */
@QuarkusTest
class RequestIdTest {

    static String withId(String id, String body) {
        return body.replace("{\"month\"", "{\"requestId\": \"" + id + "\", \"month\"");
    }

    static final String VALID = request("2026-03", entry("E1", "2026-03-04", 20));
    static final String OUTSIDE_THE_MONTH = request("2026-03", entry("E1", "2026-04-04", 20));

    @Test
    void aSingleResultStartsWithTheRequestId() {
        String answer = given().contentType("application/json").body(withId("claim-run/17", VALID))
                .post("/api/v1/evaluations").then().statusCode(200).extract().asString();
        assertTrue(answer.startsWith("{\"requestId\":\"claim-run/17\",\"month\":\"2026-03\","), answer);
        String without = given().contentType("application/json").body(VALID).post("/api/v1/evaluations")
                .then().statusCode(200).extract().asString();
        assertTrue(without.startsWith("{\"month\":\"2026-03\","), "no requestId, no field: " + without);
        assertEquals(without, answer.replace("\"requestId\":\"claim-run/17\",", ""), "nothing else differs");
    }

    @Test
    void aRejectedRequestsProblemStartsWithItsRequestId() {
        String answer = given().contentType("application/json").body(withId("claim-run/18", OUTSIDE_THE_MONTH))
                .post("/api/v1/evaluations").then().statusCode(400).extract().asString();
        assertTrue(answer.startsWith("{\"requestId\":\"claim-run/18\",\"type\":\"/problems/invalid-request\""), answer);
    }

    @Test
    void everyBatchLineStartsWithItsRequestIdWhenItCouldBeRead() {
        String tooLong = "x".repeat(129);
        String body = String.join("\n", withId("b-1", VALID), withId("b-2", OUTSIDE_THE_MONTH),
                withId("b-3", VALID).replace("\"minutes\": 20", "\"minutes\": \"20\""), withId("b-4", VALID) + "}",
                withId(tooLong, VALID), VALID, withId("b-7", request("2026-03", entry("E1", "2026-03-04", 45))));
        List<String> lines = given().contentType(Media.NDJSON).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/evaluations/batch").then().statusCode(200).extract().asString().lines().toList();
        assertEquals(7, lines.size());
        assertTrue(lines.get(0).startsWith("{\"requestId\":\"b-1\",\"month\""), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"requestId\":\"b-2\",\"type\""), lines.get(1));
        assertTrue(lines.get(2).startsWith("{\"requestId\":\"b-3\",\"type\""), "a type error elsewhere: " + lines.get(2));
        assertTrue(lines.get(3).startsWith("{\"type\""), "not JSON, nothing could be read: " + lines.get(3));
        assertTrue(lines.get(4).startsWith("{\"type\"") && lines.get(4).contains("\"pointer\":\"/requestId\""),
                "too long to echo: " + lines.get(4));
        assertTrue(lines.get(5).startsWith("{\"month\""), lines.get(5));
        assertTrue(lines.get(6).startsWith("{\"requestId\":\"b-7\",\"month\""), lines.get(6));
        String alone = given().contentType("application/json").body(withId("b-7", request("2026-03",
                entry("E1", "2026-03-04", 45)))).post("/api/v1/evaluations").then().extract().asString();
        assertEquals(alone, lines.get(6), "a batch line is its solo result, requestId included");
    }
}
