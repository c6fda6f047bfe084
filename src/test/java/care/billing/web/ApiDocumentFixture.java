package care.billing.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** The service's /q/openapi, parsed by swagger-parser, and the README's example request and response. */
final class ApiDocumentFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    private ApiDocumentFixture() {
    }

    /** @param format json or yaml */
    static SwaggerParseResult parse(String format) {
        String text = given().get("/q/openapi?format=" + format).then().statusCode(200).extract().asString();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIParser().readContents(text, null, options);
    }

    static OpenAPI document() {
        return parse("json").getOpenAPI();
    }

    /** The request of the README's first curl to POST /api/v1/evaluations. */
    static JsonNode readmeRequest() {
        Matcher curl = Pattern.compile("curl [^\\n]*/api/v1/evaluations [^\\n]*-d '(\\{.*?})'\\n", Pattern.DOTALL)
                .matcher(readme());
        if (!curl.find()) {
            throw new AssertionError("README.md has no curl -d '{...}' to /api/v1/evaluations any more");
        }
        return tree(curl.group(1));
    }

    /** The first JSON block of the README after its example request that holds claimLines: the example response. */
    static JsonNode readmeResponse() {
        String readme = readme();
        Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (block.find()) {
            JsonNode json = tree(block.group(1));
            if (json.has("claimLines")) {
                return json;
            }
        }
        throw new AssertionError("README.md has no example response (a ```json block with claimLines) any more");
    }

    private static String readme() {
        try {
            return Files.readString(Path.of("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
