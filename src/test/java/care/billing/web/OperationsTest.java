package care.billing.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class OperationsTest {

    @Test
    void readyOnceRulesAreLoaded() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks[0].name", equalTo("rules"))
                .body("checks[0].data.rulesVersion", startsWith("sha256:"));
    }

    @Test
    void openApiDescribesTheEvaluationEndpoint() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/evaluations"));
    }

    @Test
    void metricsAreExposed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
