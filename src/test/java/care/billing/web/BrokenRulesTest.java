package care.billing.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Rules that do not compile leave the service not ready, and evaluations are refused, not guessed. */
@QuarkusTest
@TestProfile(BrokenRulesTest.BrokenRules.class)
class BrokenRulesTest {

    public static class BrokenRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The service logs the broken file at ERROR, as it should; this test expects it, so the
            // build log stays free of ERROR lines on success.
            return Map.of("billing.rules.dir", "src/test/resources/broken-rules",
                    "quarkus.log.category.\"care.billing.governance.RulesService\".level", "OFF");
        }
    }

    @Test
    void notReadyWhenRulesDoNotCompile() {
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void evaluationsAreRefusedWith503() {
        given().contentType("application/json")
                .body("{\"month\": \"2026-03\", \"patients\": [], \"staff\": [], \"entries\": []}")
                .post("/api/v1/evaluations")
                .then().statusCode(503).contentType("application/problem+json");
    }
}
