package care.billing.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static care.billing.web.ApiDocumentFixture.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /q/openapi is a contract an integrator can code against: it parses without a message in a
 * validating parser, every schema and field is described, every error answer is a problem, and the
 * README's example request and response are its examples and fit its schemas.
 */
@QuarkusTest
class OpenApiDocumentTest {

    @ParameterizedTest
    @ValueSource(strings = {"json", "yaml"})
    void parsesWithNoErrorsAndNoWarnings(String format) {
        SwaggerParseResult result = ApiDocumentFixture.parse(format);
        assertNotNull(result.getOpenAPI(), () -> String.valueOf(result.getMessages()));
        assertEquals(List.of(), result.getMessages());
    }

    @Test
    void everySchemaFieldAndParameterIsDescribed() {
        OpenAPI api = ApiDocumentFixture.document();
        List<String> undescribed = new ArrayList<>();
        api.getComponents().getSchemas().forEach((name, schema) -> described(schema, name, undescribed));
        operations(api).forEach((where, operation) -> {
            if (operation.getSummary() == null) {
                undescribed.add(where + ": summary");
            }
            for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
                if (parameter.getDescription() == null) {
                    undescribed.add(where + " parameter " + parameter.getName());
                }
            }
            operation.getResponses().forEach((status, response) -> {
                if (resolve(api, response).getDescription() == null) {
                    undescribed.add(where + " " + status);
                }
            });
        });
        assertEquals(List.of(), undescribed);
    }

    /** Every 4xx and 5xx of every operation is application/problem+json with the one Problem schema. */
    @Test
    void everyErrorAnswerIsAProblem() {
        OpenAPI api = ApiDocumentFixture.document();
        List<String> wrong = new ArrayList<>();
        operations(api).forEach((where, operation) -> operation.getResponses().forEach((status, reference) -> {
            ApiResponse response = resolve(api, reference);
            if (status.compareTo("400") >= 0) {
                Content content = response.getContent();
                if (content == null || content.size() != 1 || !content.containsKey(Media.PROBLEM)
                        || !"#/components/schemas/Problem".equals(content.get(Media.PROBLEM).getSchema().get$ref())) {
                    wrong.add(where + " " + status + ": " + (content == null ? "no content" : content.keySet()));
                }
            }
        }));
        assertEquals(List.of(), wrong);
    }

    @Test
    void theReadmeExamplesAreTheDocumentsExamplesAndFitItsSchemas() {
        OpenAPI api = ApiDocumentFixture.document();
        SchemaCheck check = new SchemaCheck(api);
        JsonNode request = ApiDocumentFixture.readmeRequest();
        JsonNode response = ApiDocumentFixture.readmeResponse();
        assertEquals(List.of(), check.errors(request, "EvaluationRequest"));
        assertEquals(List.of(), check.errors(response, "EvaluationResponse"));
        assertEquals(request, example(api, "EvaluationRequest"), "copy README.md's example request into META-INF/openapi.yaml");
        assertEquals(response, example(api, "EvaluationResponse"), "copy README.md's example response into META-INF/openapi.yaml");
        assertEquals(request, ApiDocumentFixture.tree((String) api.getComponents().getExamples()
                .get("EvaluationRequestLine").getValue()), "the NDJSON example line is the README's request");
    }

    /** Every example in the document fits the schema it illustrates, line by line for NDJSON. */
    @Test
    void everyExampleFitsItsSchema() {
        OpenAPI api = ApiDocumentFixture.document();
        SchemaCheck check = new SchemaCheck(api);
        List<String> errors = new ArrayList<>();
        int examples = 0;
        for (Map.Entry<String, Operation> operation : operations(api).entrySet()) {
            List<Content> contents = new ArrayList<>();
            if (operation.getValue().getRequestBody() != null) {
                contents.add(operation.getValue().getRequestBody().getContent());
            }
            operation.getValue().getResponses().values().forEach(r -> contents.add(resolve(api, r).getContent()));
            for (Content content : contents) {
                for (Map.Entry<String, MediaType> type : content == null ? List.<Map.Entry<String, MediaType>>of()
                        : content.entrySet()) {
                    for (Example example : type.getValue().getExamples() == null ? List.<Example>of()
                            : type.getValue().getExamples().values()) {
                        Object value = resolve(api, example).getValue();
                        List<JsonNode> values = value instanceof String lines && type.getKey().endsWith("ndjson")
                                ? lines.lines().map(ApiDocumentFixture::tree).toList() : List.of(JSON.valueToTree(value));
                        for (JsonNode one : values) {
                            examples++;
                            check.errors(one, type.getValue().getSchema())
                                    .forEach(e -> errors.add(operation.getKey() + " " + type.getKey() + ": " + e));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), errors);
        assertTrue(examples >= 6, examples + " examples checked");
    }

    static Map<String, Operation> operations(OpenAPI api) {
        Map<String, Operation> all = new java.util.TreeMap<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            path.getValue().readOperationsMap().forEach((method, operation) -> all.put(method + " " + path.getKey(), operation));
        }
        return all;
    }

    static ApiResponse resolve(OpenAPI api, ApiResponse response) {
        String ref = response.get$ref();
        return ref == null ? response : api.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static Example resolve(OpenAPI api, Example example) {
        String ref = example.get$ref();
        return ref == null ? example : api.getComponents().getExamples().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static JsonNode example(OpenAPI api, String name) {
        return JSON.valueToTree(api.getComponents().getExamples().get(name).getValue());
    }

    /** A schema, its properties and their items: each needs a description, or a $ref to a described schema. */
    private static void described(Schema<?> schema, String where, List<String> undescribed) {
        if (schema.getDescription() == null && schema.get$ref() == null) {
            undescribed.add(where);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> described(property, where + "." + name, undescribed));
        }
        if (schema.getItems() != null && schema.getItems().get$ref() == null && schema.getItems().getProperties() != null) {
            described(schema.getItems(), where + "[]", undescribed);
        }
    }
}
