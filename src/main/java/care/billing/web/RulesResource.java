package care.billing.web;

import care.billing.app.Components;
import care.billing.config.BillingConfig;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.EvaluationRequest;
import care.billing.evaluation.Evaluator;
import care.billing.evaluation.JsonErrors;
import care.billing.evaluation.Problem;
import care.billing.evaluation.RequestReader;
import care.billing.evaluation.StrictJson;
import care.billing.governance.Impact;
import care.billing.governance.ReloadOutcome;
import care.billing.governance.RulesService;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleCompiler;
import care.billing.ruleset.RuleFiles;
import care.billing.ruleset.RuleProblem;
import care.billing.ruleset.RuleProblemsException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** Rules administration (docs/api.md "Rules administration"); reading needs rules-viewer, editor or approver; impact an editor or approver; reload an approver. */
@Path("/api/v1/rules")
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.APPROVER})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class RulesResource {

    private final RulesService rules;
    private final SecurityIdentity identity;
    private final RequestReader reader;
    private final Evaluator evaluator;
    private final ObjectReader validateRequests = StrictJson.mapper().readerFor(ValidateRequest.class);
    private final int maxBodyBytes;

    public RulesResource(RulesService rules, SecurityIdentity identity, Components components, BillingConfig config) {
        this.rules = rules;
        this.identity = identity;
        this.reader = components.reader();
        this.evaluator = components.evaluator();
        this.maxBodyBytes = config.limits().maxBodyBytes();
    }

    @GET
    @Operation(summary = "The rules serving now: version, files, rule metadata, reload history")
    @APIResponse(responseCode = "200", description = "The rules serving now.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RulesInfo.class)))
    @APIResponse(responseCode = "503", ref = "RulesNotLoaded")
    public RulesInfo info() {
        return RulesInfo.of(RulesNotLoadedException.serving(rules), rules.history());
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Compile the rules directory (or the files given over it) without loading them")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ValidateRequest.class)))
    @APIResponse(responseCode = "200", description = "Whether the rules compile, and every problem by file, line and "
            + "column.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ValidateResponse.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public ValidateResponse validate(InputStream stream) {
        byte[] body = BoundedBody.read(stream, maxBodyBytes, "a validate request");
        Map<String, String> overlay = Map.of();
        if (body.length > 0) {
            try {
                ValidateRequest request = validateRequests.readValue(body);
                overlay = request == null || request.files() == null ? Map.of() : request.files();
            } catch (IOException e) {
                throw new InvalidBodyException(Problem.invalidBody(List.of(JsonErrors.of(e))));
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
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "Compile the rules directory, run every scenario, and swap only if both pass",
            description = "Otherwise the rules serving do not change, and the answer (422) names the compile problems "
                    + "or the failing scenarios.")
    @APIResponse(responseCode = "200", description = "The new rules serve now.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReloadResponse.class)))
    @APIResponse(responseCode = "422", ref = "RulesRejected")
    public Response reload() {
        ReloadOutcome outcome = rules.reload(identity.getPrincipal().getName());
        if (outcome.loaded()) {
            return Response.ok(new ReloadResponse("LOADED", outcome.rulesVersion(), outcome.previousVersion(),
                    outcome.scenariosPassed()), MediaType.APPLICATION_JSON).build();
        }
        return rejected(outcome);
    }

    /** A 422 naming the compile problems or the failing scenarios of a refused reload, publish or rollback. */
    static Response rejected(ReloadOutcome outcome) {
        String detail = outcome.failedScenarios().isEmpty()
                ? outcome.problems().size() + " problem(s) keep the rules from loading; the rules serving did not change"
                : outcome.failedScenarios().size() + " scenario(s) fail with these rules; the rules serving did not change";
        return ProblemMappers.response(Problem.rulesRejected(detail, outcome.rulesVersion(), outcome.problems(),
                outcome.failedScenarios().stream().map(result -> new Problem.ScenarioFailure(result.scenario().file(),
                        result.scenario().description(), result.report())).toList()));
    }

    @POST
    @Path("/impact")
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER})
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Claim lines that would appear, disappear or change under the rules on disk, for a request")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationRequest.class)))
    @APIResponse(responseCode = "200", description = "How the rules on disk would bill the request differently.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Impact.class)))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "422", ref = "RulesRejected")
    @APIResponse(responseCode = "503", ref = "RulesNotLoaded")
    public Response impact(InputStream body) {
        LoadedRules loaded = RulesNotLoadedException.serving(rules);
        EvaluationInput input = reader.read(BoundedBody.read(body, maxBodyBytes, "an impact request"),
                loaded.tables().vocabulary());
        LoadedRules candidate;
        try {
            candidate = rules.compileCandidate();
        } catch (RuleProblemsException e) {
            return ProblemMappers.response(Problem.rulesRejected(e.problems().size()
                    + " problem(s) keep the rules on disk from compiling", null, e.problems(), List.of()));
        }
        try {
            return Response.ok(Impact.between(evaluator.evaluate(loaded, input), evaluator.evaluate(candidate, input)),
                    MediaType.APPLICATION_JSON).build();
        } finally {
            RuleCompiler.release(candidate);
        }
    }
}
