package care.billing.web;

import care.billing.config.BillingConfig;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.Evaluator;
import care.billing.evaluation.FieldError;
import care.billing.evaluation.InvalidRequestException;
import care.billing.evaluation.RequestReader;
import care.billing.governance.Impact;
import care.billing.governance.ReloadOutcome;
import care.billing.governance.RulesService;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleCompiler;
import care.billing.ruleset.RuleFiles;
import care.billing.ruleset.RuleProblem;
import care.billing.ruleset.RuleProblemsException;
import care.billing.scenarios.ScenarioResult;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.io.IOException;
import java.io.InputStream;

import java.util.List;
import java.util.Map;

/** Rules administration (api.md "Rules administration"); every endpoint needs the rules-admin role. */
@Path("/api/v1/rules")
@RolesAllowed("rules-admin")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    /** Body of validate: rule files (path relative to the rules directory, content) to check instead of those on disk. */
    public record ValidateRequest(Map<String, String> files) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ValidateResponse(boolean valid, String rulesVersion, List<RuleProblem> problems) {
    }

    public record FailedScenario(String file, String description, String report) {

        static FailedScenario of(ScenarioResult result) {
            return new FailedScenario(result.scenario().file(), result.scenario().description(), result.report());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReloadResponse(String outcome, String rulesVersion, String previousVersion, int scenariosPassed,
                                 List<RuleProblem> problems, List<FailedScenario> failedScenarios) {
    }

    private final RulesService rules;
    private final SecurityIdentity identity;
    private final RequestReader reader;
    private final Evaluator evaluator;
    private final int maxBodyBytes;

    public RulesResource(RulesService rules, SecurityIdentity identity, RequestReader reader, Evaluator evaluator,
                         BillingConfig config) {
        this.rules = rules;
        this.identity = identity;
        this.maxBodyBytes = config.limits().maxBodyBytes();
        this.reader = reader;
        this.evaluator = evaluator;
    }

    @GET
    @Operation(summary = "The rules serving now: version, files, rule metadata, reload history")
    public RulesInfo info() {
        return RulesInfo.of(serving(), rules.history());
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Compile the rules directory (or the files given over it) without loading them")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ValidateRequest.class)))
    public ValidateResponse validate(InputStream stream) {
        byte[] body = BoundedBody.read(stream, maxBodyBytes, "a validate request");
        Map<String, String> overlay = Map.of();
        if (body.length > 0) {
            try {
                ValidateRequest request = RequestReader.strictMapper().readValue(body, ValidateRequest.class);
                overlay = request.files() == null ? Map.of() : request.files();
            } catch (IOException e) {
                throw new InvalidRequestException(List.of(new FieldError("", "expected {\"files\": {\"path\": \"content\"}}")));
            }
        }
        try {
            RuleFiles files = rules.candidateFiles(overlay);
            List<RuleProblem> problems = rules.validate(files);
            return new ValidateResponse(problems.isEmpty(), files.version(), problems);
        } catch (RuleProblemsException e) {
            return new ValidateResponse(false, null, e.problems());
        }
    }

    @POST
    @Path("/reload")
    @Operation(summary = "Compile the rules directory, run every scenario, and swap only if both pass")
    public Response reload() {
        ReloadOutcome outcome = rules.reload(identity.getPrincipal().getName());
        ReloadResponse body = new ReloadResponse(outcome.loaded() ? "LOADED" : "REJECTED", outcome.rulesVersion(),
                outcome.previousVersion(), outcome.scenariosPassed(),
                outcome.problems().isEmpty() ? null : outcome.problems(),
                outcome.failedScenarios().isEmpty() ? null
                        : outcome.failedScenarios().stream().map(FailedScenario::of).toList());
        return Response.status(outcome.loaded() ? 200 : 422).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    @POST
    @Path("/impact")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Claim lines that would appear, disappear or change under the rules on disk, for a request")
    public Response impact(InputStream body) {
        LoadedRules loaded = serving();
        EvaluationInput input = reader.read(BoundedBody.read(body, maxBodyBytes, "an impact request"),
                loaded.tables().vocabulary());
        LoadedRules candidate;
        try {
            candidate = rules.compileCandidate();
        } catch (RuleProblemsException e) {
            return Response.status(422).type(MediaType.APPLICATION_JSON).entity(new ValidateResponse(false, null, e.problems()))
                    .build();
        }
        try {
            return Response.ok(Impact.between(evaluator.evaluate(loaded, input), evaluator.evaluate(candidate, input)))
                    .build();
        } finally {
            RuleCompiler.release(candidate);
        }
    }

    private LoadedRules serving() {
        return rules.current().orElseThrow(() -> new ServiceUnavailableException("rules are not loaded"));
    }
}
