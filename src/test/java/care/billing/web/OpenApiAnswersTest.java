package care.billing.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every answer the service gives, good and bad, on every endpoint, is documented in /q/openapi: its
 * status for that operation, its content type, and every field of its body (checked strictly against
 * the documented schema: an undocumented field fails).
 */
@QuarkusTest
class OpenApiAnswersTest {

    static final String VALID = request("2026-03", entry("E1", "2026-03-04", 45));
    static final String INVALID = VALID.replace("\"minutes\": 45", "\"minutes\": \"45\"").replace("\"2026-03\"", "\"2026-3\"");
    static final String BIG = VALID.replace("Scheduled in-home visits", "x".repeat(6 * 1024 * 1024));
    static final String NDJSON = VALID.replace("{\"month\"", "{\"requestId\": \"b-1\", \"month\"") + "\n" + INVALID + "\n{x\n";

    /** A call, the operation it should be documented under ("METHOD /path"; null: no operation), and its status. */
    record Call(String name, String operation, int status, Supplier<Response> send) {
        @Override
        public String toString() {
            return name;
        }
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin");
    }

    static RequestSpecification billing() {
        return given().auth().preemptive().basic("billing", "billing");
    }

    static Stream<Call> calls() {
        String evaluations = "POST /api/v1/evaluations";
        String batch = "POST /api/v1/evaluations/batch";
        return Stream.of(
                new Call("evaluation", evaluations, 200, () -> given().contentType("application/json").body(VALID)
                        .post("/api/v1/evaluations")),
                new Call("evaluation with requestId and explain", evaluations, 200, () -> given()
                        .contentType("application/json").body(VALID.replace("{\"month\"", "{\"requestId\": \"r1\", \"month\""))
                        .post("/api/v1/evaluations?explain=true")),
                new Call("evaluation as FHIR", evaluations, 200, () -> given().contentType("application/json")
                        .accept(Media.FHIR_JSON).body(VALID).post("/api/v1/evaluations")),
                new Call("invalid evaluation", evaluations, 400, () -> given().contentType("application/json")
                        .body(INVALID).post("/api/v1/evaluations?explain=maybe")),
                new Call("evaluation answered in HTML", evaluations, 406, () -> given().contentType("application/json")
                        .accept("text/html").body(VALID).post("/api/v1/evaluations")),
                new Call("evaluation over the size limit", evaluations, 413, () -> given().contentType("application/json")
                        .body(BIG).post("/api/v1/evaluations")),
                new Call("batch", batch, 200, () -> given().contentType(Media.NDJSON).body(bytes(NDJSON))
                        .post("/api/v1/evaluations/batch")),
                new Call("batch as FHIR", batch, 200, () -> given().contentType(Media.NDJSON).accept(Media.FHIR_NDJSON)
                        .body(bytes(NDJSON)).post("/api/v1/evaluations/batch")),
                new Call("batch sent as JSON", batch, 415, () -> given().contentType("application/json").body(VALID)
                        .post("/api/v1/evaluations/batch")),
                new Call("batch answered in HTML", batch, 406, () -> given().contentType(Media.NDJSON).accept("text/html")
                        .body(bytes(VALID)).post("/api/v1/evaluations/batch")),
                new Call("rules", "GET /api/v1/rules", 200, () -> admin().get("/api/v1/rules")),
                new Call("rules without login", "GET /api/v1/rules", 401, () -> given().get("/api/v1/rules")),
                new Call("rules without the role", "GET /api/v1/rules", 403, () -> billing().get("/api/v1/rules")),
                new Call("validate", "POST /api/v1/rules/validate", 200, () -> admin().post("/api/v1/rules/validate")),
                new Call("validate a broken file", "POST /api/v1/rules/validate", 200, () -> admin()
                        .contentType("application/json").body(Map.of("files", Map.of("common/x.drl", "rule \"x\" when")))
                        .post("/api/v1/rules/validate")),
                new Call("validate a bad body", "POST /api/v1/rules/validate", 400, () -> admin()
                        .contentType("application/json").body("{\"files\": [1]}").post("/api/v1/rules/validate")),
                new Call("validate over the size limit", "POST /api/v1/rules/validate", 413, () -> admin()
                        .contentType("application/json").body(BIG).post("/api/v1/rules/validate")),
                new Call("validate without the role", "POST /api/v1/rules/validate", 403, () -> billing()
                        .post("/api/v1/rules/validate")),
                new Call("reload", "POST /api/v1/rules/reload", 200, () -> admin().post("/api/v1/rules/reload")),
                new Call("reload without login", "POST /api/v1/rules/reload", 401, () -> given()
                        .post("/api/v1/rules/reload")),
                new Call("impact", "POST /api/v1/rules/impact", 200, () -> admin().contentType("application/json")
                        .body(VALID).post("/api/v1/rules/impact")),
                new Call("impact of an invalid request", "POST /api/v1/rules/impact", 400, () -> admin()
                        .contentType("application/json").body(INVALID).post("/api/v1/rules/impact")),
                new Call("impact over the size limit", "POST /api/v1/rules/impact", 413, () -> admin()
                        .contentType("application/json").body(BIG).post("/api/v1/rules/impact")),
                new Call("make a draft", "POST /api/v1/rules/drafts", 201, () -> admin().post("/api/v1/rules/drafts")),
                new Call("make a draft without the role", "POST /api/v1/rules/drafts", 403, () -> given().auth()
                        .preemptive().basic("viewer", "viewer").post("/api/v1/rules/drafts")),
                new Call("drafts", "GET /api/v1/rules/drafts", 200, () -> admin().get("/api/v1/rules/drafts")),
                new Call("no such draft", "GET /api/v1/rules/drafts/{id}", 404, () -> admin()
                        .get("/api/v1/rules/drafts/d-20260101-000000-abcd")),
                new Call("a path outside the rules", "PUT /api/v1/rules/drafts/{id}/files/{path}", 400, () -> admin()
                        .urlEncodingEnabled(false).contentType("text/plain").body("x")
                        .put("/api/v1/rules/drafts/d-20260101-000000-abcd/files/..%2Fx.drl")),
                new Call("publish without a message", "POST /api/v1/rules/drafts/{id}/publish", 400, () -> admin()
                        .contentType("application/json").body("{}").post("/api/v1/rules/drafts/d-20260101-000000-abcd/publish")),
                new Call("history", "GET /api/v1/rules/history", 200, () -> admin().get("/api/v1/rules/history")),
                new Call("rollback to an unknown version", "POST /api/v1/rules/rollback", 404, () -> admin()
                        .contentType("application/json").body(Map.of("commit", "0000000"))
                        .post("/api/v1/rules/rollback")),
                new Call("no such endpoint", null, 404, () -> given().get("/api/v1/evaluation")),
                new Call("method not allowed", null, 405, () -> given().get("/api/v1/evaluations")));
    }

    static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private OpenAPI api;
    private SchemaCheck check;

    @BeforeEach
    void readTheDocument() {
        api = ApiDocumentFixture.document();
        check = new SchemaCheck(api);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void theAnswerIsDocumented(Call call) {
        Response answer = call.send().get();
        assertEquals(call.status(), answer.statusCode(), answer.asString());
        String type = answer.contentType().split(";")[0].strip();
        List<String> errors = new ArrayList<>();
        if (call.operation() == null) {
            assertEquals(Media.PROBLEM, type);
            errors.addAll(check.errors(ApiDocumentFixture.tree(answer.asString()), "Problem"));
        } else {
            String[] operation = call.operation().split(" ", 2);
            Operation documented = api.getPaths().get(operation[1]).readOperationsMap()
                    .get(io.swagger.v3.oas.models.PathItem.HttpMethod.valueOf(operation[0]));
            ApiResponse response = documented.getResponses().get(String.valueOf(call.status()));
            assertNotNull(response, call.operation() + " does not document " + call.status());
            MediaType content = OpenApiDocumentTest.resolve(api, response).getContent().get(type);
            assertNotNull(content, call.operation() + " " + call.status() + " does not document " + type);
            List<JsonNode> bodies = type.endsWith("ndjson")
                    ? answer.asString().lines().map(ApiDocumentFixture::tree).toList()
                    : List.of(ApiDocumentFixture.tree(answer.asString()));
            for (JsonNode body : bodies) {
                errors.addAll(check.errors(body, content.getSchema()));
            }
        }
        assertEquals(List.of(), errors, answer.asString());
    }
}
