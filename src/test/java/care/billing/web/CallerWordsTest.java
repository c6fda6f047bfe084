package care.billing.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every error anywhere, for any mangled request, speaks the caller's words: a problem+json that
 * never names a Java class, the JSON parser or the REST framework.
 */
@QuarkusTest
class CallerWordsTest {

    static final List<String> FORBIDDEN = List.of("java.", "Jackson", "Cannot deserialize", "Cannot coerce", "@Consumes",
            "@Produces", "Exception", "com.fasterxml", "jakarta.", "RESTEASY", "HTTP 4", "coercion", "CoercionConfig",
            "DateTimeParse", "token of type", "START_", "VALUE_", "Source:", "[line:", "Unrecognized field");

    static final String VALID = request("2026-03", entry("E1", "2026-03-04", 20));

    /** Bodies an evaluation request might be mangled into: every type in every place, and JSON that is not JSON. */
    static List<String> hostileBodies() {
        List<String> bodies = new ArrayList<>();
        for (String value : List.of("\"x\"", "\"\"", "1", "-1", "1.5", "1e400", "true", "null", "[]", "[1]", "{}",
                "{\"a\": 1}", "99999999999999999999999999", "\"2026-02-30\"", "\"2026-03-04T10:00:00Z\"")) {
            for (String field : List.of("\"month\": \"2026-03\"", "\"minutes\": 20", "\"date\": \"2026-03-04\"",
                    "\"carePlanOnFile\": true", "\"chronicConditions\": [\"E11.9\", \"I10\"]", "\"role\": \"CLINICAL_STAFF\"",
                    "\"id\": \"E1\"", "\"patients\": [", "\"consentDate\": \"2025-11-02\"")) {
                String name = field.substring(0, field.indexOf(':') + 1);
                bodies.add(field.endsWith("[") ? VALID.replace(field, name + " " + value + ", \"was\": [")
                        : VALID.replace(field, name + " " + value));
            }
        }
        bodies.addAll(List.of("", " ", "null", "[]", "\"text\"", "{", "}", "{\"month\"", "{\"month\":", "{'month': 1}",
                "{month: 1}", "{\"month\": NaN}", "{\"month\": 020}", "{\"month\": \"a\\qb\"}", "{\"month\": \"a\u0001b\"}",
                VALID + "}", VALID + " x", VALID.replace("}", "]"), VALID.substring(0, VALID.length() / 2),
                "\uFEFF" + VALID, VALID.replace("\"minutes\": 20", "\"minutes\": 20, \"minutes\": 21"),
                VALID.replace("\"note\"", "\"nope\": 1, \"note\""), "[".repeat(5000) + "]".repeat(5000),
                VALID.replace("{\"month\"", "{\"requestId\": \"" + "r".repeat(200) + "\", \"month\""),
                VALID.replace("{\"month\"", "{\"requestId\": [1], \"month\"")));
        return bodies;
    }

    @Test
    void evaluationErrorsSpeakTheCallersWords() {
        List<String> bodies = hostileBodies();
        int refused = 0;
        for (String body : bodies) {
            refused += clean(() -> given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/evaluations"), body) ? 1 : 0;
        }
        assertTrue(refused > 120, refused + " of " + bodies.size() + " refused");
        assertTrue(clean(() -> given().contentType("application/json").body(new byte[] {'{', (byte) 0xff, '}'})
                .post("/api/v1/evaluations"), "invalid UTF-8"));
        assertTrue(clean(() -> given().contentType("application/json").body(VALID)
                .post("/api/v1/evaluations?explain=yes"), "explain"));
        assertTrue(bodies.size() > 150, bodies.size() + " bodies");
    }

    @Test
    void batchLineErrorsSpeakTheCallersWords() {
        String batch = String.join("\n", hostileBodies().stream().filter(b -> !b.isBlank() && b.indexOf('\n') < 0).toList());
        String out = given().contentType(Media.NDJSON).body(batch.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/evaluations/batch").then().statusCode(200).extract().asString();
        for (String line : out.lines().toList()) {
            FORBIDDEN.forEach(word -> assertTrue(!line.contains(word), () -> word + " in " + line));
        }
        assertTrue(out.lines().filter(line -> line.contains("\"status\":400")).count() > 120, out);
    }

    @Test
    void httpRefusalsSpeakTheCallersWords() {
        RequestSpecification admin = given().auth().preemptive().basic("admin", "admin");
        List<Supplier<Response>> calls = List.of(
                () -> given().get("/nope"),
                () -> given().get("/api/v1/evaluations/nope"),
                () -> given().get("/api/v1/evaluations"),
                () -> given().put("/api/v1/evaluations/batch"),
                () -> given().delete("/api/v1/rules"),
                () -> given().contentType("application/json").accept("text/html").body(VALID).post("/api/v1/evaluations"),
                () -> given().contentType("application/json").accept("application/xml").body(VALID).post("/api/v1/evaluations"),
                () -> given().contentType(Media.NDJSON).accept("text/csv").body(VALID.getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/evaluations/batch"),
                () -> given().contentType("application/json").body(VALID).post("/api/v1/evaluations/batch"),
                () -> given().contentType("text/plain").body(VALID).post("/api/v1/evaluations/batch"),
                () -> given().post("/api/v1/rules/reload"),
                () -> given().auth().preemptive().basic("admin", "wrong").get("/api/v1/rules"),
                () -> given().auth().preemptive().basic("billing", "billing").get("/api/v1/rules"),
                () -> admin.contentType("application/json").body("{\"files\": [").post("/api/v1/rules/validate"),
                () -> given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                        .body("{\"files\": {\"a.drl\": []}}").post("/api/v1/rules/validate"),
                () -> given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                        .body("{\"filez\": {}}").post("/api/v1/rules/validate"),
                () -> given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                        .body("{\"minutes\": \"x\"}").post("/api/v1/rules/impact"));
        for (Supplier<Response> call : calls) {
            assertTrue(clean(call, "an HTTP refusal"));
        }
    }

    /** Three values of the wrong type are named together; so is where the text stops being JSON. */
    @Test
    void typeErrorsAreCollectedAndSyntaxErrorsLocated() {
        String three = VALID.replace("\"minutes\": 20", "\"minutes\": \"20\"")
                .replace("\"carePlanOnFile\": true", "\"carePlanOnFile\": \"yes\"")
                .replace("\"consentDate\": \"2025-11-02\"", "\"consentDate\": \"November 2\"");
        Response answer = given().contentType("application/json").body(three).post("/api/v1/evaluations");
        assertEquals(400, answer.statusCode());
        assertEquals(List.of("/entries/0/minutes", "/patients/0/carePlanOnFile", "/patients/0/consentDate"),
                answer.jsonPath().getList("errors.pointer"));
        assertEquals(List.of("must be a whole number from 1 to 1440", "must be true or false",
                "must be a date as YYYY-MM-DD"), answer.jsonPath().getList("errors.detail"));
        String truncated = "{\"month\": \"2026-03\",\n \"patients\": [\n  {\"id\": \"P1\", \"payer\": \"MEDI";
        given().contentType("application/json").body(truncated).post("/api/v1/evaluations").then().statusCode(400)
                .body("errors[0].pointer", org.hamcrest.Matchers.equalTo("/patients/0/payer"))
                .body("errors[0].detail", org.hamcrest.Matchers.matchesRegex("the JSON ends before it is complete.* at line 3, column \\d+"));
    }

    /** Never a 5xx; an error is problem+json without a forbidden word. Whether it was refused. */
    private static boolean clean(Supplier<Response> call, String what) {
        Response answer = call.get();
        String body = answer.asString();
        assertTrue(answer.statusCode() < 500, () -> answer.statusCode() + " for " + shorten(what) + ": " + body);
        if (answer.statusCode() < 400) {
            return false;
        }
        assertTrue(answer.contentType().startsWith(Media.PROBLEM), () -> answer.contentType() + " for " + what);
        for (String word : FORBIDDEN) {
            assertTrue(!body.contains(word), () -> word + " in the answer to " + shorten(what) + ": " + body);
        }
        return true;
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
