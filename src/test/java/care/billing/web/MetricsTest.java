package care.billing.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** /q/metrics counts what the billing system got: outcomes, claim lines and dollars by payer and code, findings. */
@QuarkusTest
class MetricsTest {

    static final String FORTY_FIVE = request("2026-03", entry("E1", "2026-03-04", 45));
    static final String INVALID = request("2026-03", entry("E1", "2026-04-04", 45));

    @Test
    void evaluationsAndBatchLinesAreCounted() {
        String before = metrics();
        given().contentType("application/json").body(FORTY_FIVE).post("/api/v1/evaluations").then().statusCode(200);
        given().contentType("application/json").body(INVALID).post("/api/v1/evaluations").then().statusCode(400);
        given().contentType(Media.NDJSON).body((FORTY_FIVE + "\n" + INVALID + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/evaluations/batch").then().statusCode(200);
        String after = metrics();

        assertEquals(1, delta(before, after, "billing_evaluations_total{outcome=\"evaluated\"}"));
        assertEquals(1, delta(before, after, "billing_evaluations_total{outcome=\"rejected\"}"));
        assertEquals(1, delta(before, after, "billing_batch_lines_total{outcome=\"evaluated\"}"));
        assertEquals(1, delta(before, after, "billing_batch_lines_total{outcome=\"rejected\"}"));
        // 45 minutes: 99490 ($66.13) and 99439 x1 ($50.44), once alone and once in the batch
        assertEquals(2, delta(before, after, "billing_claim_lines_total{code=\"99490\",payer=\"MEDICARE\"}"));
        assertEquals(2, delta(before, after, "billing_claim_lines_total{code=\"99439\",payer=\"MEDICARE\"}"));
        assertEquals(132.26, delta(before, after, "billing_estimated_amount_dollars_total{code=\"99490\",payer=\"MEDICARE\"}"), 1e-6);
        assertEquals(100.88, delta(before, after, "billing_estimated_amount_dollars_total{code=\"99439\",payer=\"MEDICARE\"}"), 1e-6);
        assertEquals(4, delta(before, after, "billing_findings_total{code=\"THRESHOLD_GAP\",severity=\"INFO\"}"));
        assertEquals(2, delta(before, after, "billing_rule_firings_count{session=\"own\"}")
                + delta(before, after, "billing_rule_firings_count{session=\"shared\"}"));
        assertEquals(2, delta(before, after, "billing_evaluation_seconds_count{session=\"own\"}")
                + delta(before, after, "billing_evaluation_seconds_count{session=\"shared\"}"));
    }

    @Test
    void theServingRulesVersionIsALabelAndReloadsAreCounted() {
        String before = metrics();
        given().auth().preemptive().basic("admin", "admin").post("/api/v1/rules/reload").then().statusCode(200);
        String after = metrics();
        String version = given().auth().preemptive().basic("admin", "admin").get("/api/v1/rules")
                .then().extract().path("rulesVersion");
        assertEquals(1, value(after, "billing_rules_serving{rules_version=\"" + version + "\"}"));
        assertEquals(1, after.lines().filter(line -> line.startsWith("billing_rules_serving{")).count());
        assertEquals(1, delta(before, after, "billing_rules_changes_total{action=\"reload\",outcome=\"loaded\"}"));
    }

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double delta(String before, String after, String series) {
        return value(after, series) - value(before, series);
    }

    /** The value of a series, 0 when it is not there yet. */
    static double value(String metrics, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
