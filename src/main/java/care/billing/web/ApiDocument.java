package care.billing.web;

import care.billing.evaluation.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The document at {@code /q/openapi}: the error answers every endpoint shares (one {@link Problem}
 * shape, application/problem+json), referenced by name from the resources. Examples and the FHIR
 * schemas are in {@code META-INF/openapi.yaml}, merged into the same document.
 */
@OpenAPIDefinition(
        info = @Info(title = "Care-management billing rules", version = "1",
                description = "Turns a month of care-management time into CPT claim lines under each payer's rules, and "
                        + "explains every minute that did not count. Every error is application/problem+json (RFC 9457)."),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP,
                        scheme = "basic", description = "HTTP Basic; rules-viewer reads the rules, rules-editor changes drafts, rules-approver publishes, rolls back and reloads (docs/workbench.md)."),
                responses = {
                        @APIResponse(name = "InvalidRequest", responseCode = "400", description = "The request is "
                                + "rejected whole; errors names every offending field by JSON pointer.",
                                content = @Content(mediaType = Media.PROBLEM, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "invalid", ref = "InvalidRequest"))),
                        @APIResponse(name = "InvalidBody", responseCode = "400", description = "The body is not what "
                                + "the endpoint takes; errors names the field.", content = @Content(
                                mediaType = Media.PROBLEM, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "Unauthorized", responseCode = "401", description = "No or wrong user name "
                                + "and password.", headers = @Header(name = "WWW-Authenticate", description = "Basic "
                                + "realm=\"billing\"", schema = @Schema(implementation = String.class)),
                                content = @Content(mediaType = Media.PROBLEM, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "Forbidden", responseCode = "403", description = "The user does not have the "
                                + "role the endpoint needs.", content = @Content(mediaType = Media.PROBLEM,
                                schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "NotFound", responseCode = "404", description = "No such draft (of "
                                + "yours), file or published version; detail names it.", content = @Content(
                                mediaType = Media.PROBLEM, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "Conflict", responseCode = "409", description = "The draft was made from "
                                + "rules that no longer serve; make a new draft. Nothing changed.", content = @Content(
                                mediaType = Media.PROBLEM, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "NotAcceptable", responseCode = "406", description = "The Accept header asks "
                                + "for nothing the endpoint answers; detail names what it answers.", content = @Content(
                                mediaType = Media.PROBLEM, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "TooLarge", responseCode = "413", description = "The body is over "
                                + "billing.limits.max-body-bytes (default 5 MB) or holds more entries than "
                                + "billing.limits.max-entries (default 10,000); detail names the limit. The rest of the "
                                + "body is not read.", content = @Content(mediaType = Media.PROBLEM,
                                schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "UnsupportedMediaType", responseCode = "415", description = "The body's "
                                + "Content-Type is not one the endpoint takes; detail names what it takes.",
                                content = @Content(mediaType = Media.PROBLEM, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "RulesRejected", responseCode = "422", description = "The rules do not "
                                + "compile, or a scenario fails with them: problems and failedScenarios say where. The "
                                + "rules serving did not change.", content = @Content(mediaType = Media.PROBLEM,
                                schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "ServerError", responseCode = "500", description = "The rules did not settle "
                                + "(a rule file loops; detail names the rule) or the service failed unexpectedly.",
                                content = @Content(mediaType = Media.PROBLEM, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "RulesNotLoaded", responseCode = "503", description = "No rules are loaded "
                                + "(they failed to compile at startup); /q/health/ready is down meanwhile.",
                                content = @Content(mediaType = Media.PROBLEM, schema = @Schema(implementation = Problem.class)))
                }))
public class ApiDocument extends Application {
}
