package care.billing.web;

import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An evaluation that goes past the I/O thread's budget is done again on a worker thread, with the full
 * limits and the same answer: here the budget is one firing, so every small request goes past it.
 */
@QuarkusTest
@TestProfile(EvaluationOverBudgetTest.OneFiring.class)
class EvaluationOverBudgetTest {

    public static class OneFiring implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("billing.engine.io-max-firings", "1");
        }
    }

    @Test
    void aSmallRequestOverTheBudgetIsAnsweredFromAWorkerThread() {
        List<String> evaluated = EvaluationThreadsTest.evaluatedOn(() ->
                given().contentType("application/json").body(request("2026-03", entry("E1", "2026-03-04", 45)))
                        .post("/api/v1/evaluations")
                        .then().statusCode(200).body("claimLines.code", equalTo(List.of("99490", "99439")))
                        .body("claimLines.units", equalTo(List.of(1, 1))));

        assertEquals(List.of("a worker thread"), evaluated);
    }
}
