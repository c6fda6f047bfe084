package care.billing.web;

import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NDJSON in, one result per line out, in input order, a bad line answered on its own line. */
@QuarkusTest
class BatchResourceTest {

    @Test
    void eachLineGetsTheResultItWouldGetAlone() {
        List<String> lines = List.of(
                request("2026-03", entry("E1", "2026-03-04", 45)),
                request("2026-03", entry("E1", "2026-04-04", 45)),
                "{not json",
                request("2026-03", entry("E1", "2026-03-04", 20)));
        String body = String.join("\n", lines) + "\n";

        String out = given().contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/evaluations/batch").then().statusCode(200).extract().asString();

        List<String> results = out.lines().toList();
        assertEquals(4, results.size(), out);
        assertEquals(alone(lines.get(0)), results.get(0));
        assertTrue(results.get(1).contains("\"status\":400") && results.get(1).contains("\"line\":2")
                && results.get(1).contains("/entries/0/date"), results.get(1));
        assertTrue(results.get(2).contains("\"status\":400") && results.get(2).contains("\"line\":3"), results.get(2));
        assertEquals(alone(lines.get(3)), results.get(3));
    }

    /** Every line is answered: an over-long line with 413, undecodable bytes with 400; blank lines are skipped. */
    @Test
    void overLongAndUndecodableLinesAreAnsweredOnTheirOwnLines() throws java.io.IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write((request("2026-03", entry("E1", "2026-03-04", 20)) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(("{\"month\": \"" + "x".repeat(6 * 1024 * 1024) + "\"}\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        body.write(" \t\u3000\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}', '\n'});
        body.write((request("2026-03", entry("E1", "2026-03-04", 45)) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        String out = given().contentType("application/x-ndjson").body(body.toByteArray())
                .post("/api/v1/evaluations/batch").then().statusCode(200).extract().asString();

        List<String> results = out.lines().toList();
        assertEquals(4, results.size(), out);
        assertTrue(results.get(1).contains("\"status\":413") && results.get(1).contains("\"line\":2"), results.get(1));
        assertTrue(results.get(2).contains("\"status\":400") && results.get(2).contains("\"line\":4"), results.get(2));
        assertEquals(alone(request("2026-03", entry("E1", "2026-03-04", 45))), results.get(3));
    }

    /**
     * Batch lines share a KIE session with their ids prefixed per line: the same staff id on two lines
     * is two people's day books, so 1,000 + 1,000 minutes on one date do not add up (billing-rules.md §11),
     * while one line's own 1,441 minutes still count nowhere.
     */
    @Test
    void linesSharingAStaffIdDoNotAddUpTheirDailyTime() {
        String thousand = request("2026-03", entry("E1", "2026-03-10", 1000));
        String over = request("2026-03", entry("E1", "2026-03-10", 1000) + "," + entry("E2", "2026-03-10", 441));
        String body = String.join("\n", thousand, thousand, over) + "\n";

        String out = given().contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/evaluations/batch").then().statusCode(200).extract().asString();

        List<String> results = out.lines().toList();
        assertEquals(3, results.size(), out);
        assertEquals(alone(thousand), results.get(0));
        assertEquals(alone(thousand), results.get(1));
        assertTrue(results.get(0).contains("\"code\":\"99487\"") && !results.get(0).contains("IMPLAUSIBLE_DAILY_TIME"),
                results.get(0));
        assertEquals(alone(over), results.get(2));
        assertTrue(results.get(2).contains("\"claimLines\":[]") && results.get(2).contains("IMPLAUSIBLE_DAILY_TIME"),
                results.get(2));
    }

    private static String alone(String request) {
        return given().contentType(ContentType.JSON).body(request).post("/api/v1/evaluations")
                .then().statusCode(200).extract().asString();
    }
}
