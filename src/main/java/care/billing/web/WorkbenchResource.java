package care.billing.web;

import care.billing.config.BillingConfig;
import care.billing.evaluation.FieldError;
import care.billing.evaluation.Problem;
import care.billing.governance.ReloadOutcome;
import care.billing.governance.RulesService;
import care.billing.governance.Version;
import care.billing.governance.Workbench;
import care.billing.governance.WorkbenchViews.Caller;
import care.billing.governance.WorkbenchViews.CheckReport;
import care.billing.governance.WorkbenchViews.DraftView;
import care.billing.governance.WorkbenchViews.ImpactReport;
import care.billing.governance.WorkbenchViews.Published;
import care.billing.governance.WorkbenchViews.Saved;
import care.billing.ruleset.RuleProblemsException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The rules workbench over HTTP (docs/workbench.md): drafts, check, impact, four-eyes publish,
 * history and rollback. Every answer comes from {@link Workbench}; this class only maps HTTP.
 */
@Path("/api/v1/rules")
@Tag(name = "Rules workbench", description = "Governed changes: drafts, check, impact, publish, history, rollback.")
@SecurityRequirement(name = "basic")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class WorkbenchResource {

    private static final String FILE = "/drafts/{id}/files/{path: .+}";

    private final Workbench workbench;
    private final RulesService rules;
    private final SecurityIdentity identity;
    private final int maxBodyBytes;

    public WorkbenchResource(Workbench workbench, RulesService rules, SecurityIdentity identity, BillingConfig config) {
        this.workbench = workbench;
        this.rules = rules;
        this.identity = identity;
        this.maxBodyBytes = config.limits().maxBodyBytes();
    }

    /** The body of a publish. */
    @Schema(name = "PublishRequest", description = "Publish a draft, saying why.")
    public record PublishRequest(
            @Schema(description = "Why: recorded in the history.", required = true,
                    examples = "Medicare: 99490 needs 20 minutes") String message) {
    }

    /** The body of a rollback: a rules version or a history commit. */
    @Schema(name = "RollbackRequest", description = "Serve an earlier version again: its rules version or its commit.")
    public record RollbackRequest(
            @Schema(description = "The version to serve again (its newest publication).",
                    pattern = "^sha256:[0-9a-f]{64}$") String rulesVersion,
            @Schema(description = "Or the history commit to serve again.") String commit,
            @Schema(description = "Why, recorded in the history.") String message) {
    }

    // --- drafts -------------------------------------------------------------------------------

    @POST
    @Path("/drafts")
    @RolesAllowed(Roles.EDITOR)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a draft: a private copy of the rules serving now")
    @APIResponse(responseCode = "201", description = "The draft.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "503", ref = "RulesNotLoaded")
    public Response create() {
        RulesNotLoadedException.serving(rules);
        DraftView draft = workbench.create(caller());
        return Response.created(URI.create("/api/v1/rules/drafts/" + draft.id())).entity(draft)
                .type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/drafts")
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Your drafts (every draft, for an approver)")
    @APIResponse(responseCode = "200", description = "The drafts, oldest first.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = DraftView.class)))
    public List<DraftView> drafts() {
        return workbench.list(caller());
    }

    @GET
    @Path("/drafts/{id}")
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One draft, with the paths of all its files")
    @APIResponse(responseCode = "200", description = "The draft.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DraftView draft(@Parameter(description = "The draft's id.", example = "d-20261202-083512-4f2a")
            @PathParam("id") String id) {
        return workbench.get(id, caller());
    }

    @DELETE
    @Path("/drafts/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Discard your draft")
    @APIResponse(responseCode = "204", description = "The draft is gone.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response discard(@Parameter(description = "The draft's id.", example = "d-20261202-083512-4f2a")
            @PathParam("id") String id) {
        workbench.discard(id, caller());
        return Response.noContent().build();
    }

    @GET
    @Path(FILE)
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER})
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A file of a draft")
    @APIResponse(responseCode = "200", description = "The file's text.", content = @Content(
            mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response file(@Parameter(description = "The draft's id.", example = "d-20261202-083512-4f2a")
            @PathParam("id") String id, @Parameter(description = "The file's path relative to the rules root.",
                    example = "payers/medicare/code-families.csv") @PathParam("path") String path) {
        return text(workbench.read(id, path, caller()));
    }

    @PUT
    @Path(FILE)
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a file of your draft; answers the draft's compile problems",
            description = "The text is saved even when it does not compile, so nothing typed is lost.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "200", description = "Saved; the draft's compile problems, empty when it compiles.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Saved.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Saved save(@Parameter(description = "The draft's id.", example = "d-20261202-083512-4f2a")
            @PathParam("id") String id, @Parameter(description = "The file's path relative to the rules root.",
                    example = "payers/medicare/code-families.csv") @PathParam("path") String path,
                      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body) {
        String text = new String(BoundedBody.read(body, maxBodyBytes, "a rule file"), charset(type));
        return workbench.save(id, path, text, caller());
    }

    @DELETE
    @Path(FILE)
    @RolesAllowed(Roles.EDITOR)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delete a file of your draft; answers the draft's compile problems")
    @APIResponse(responseCode = "200", description = "Deleted; the draft's compile problems.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Saved.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Saved deleteFile(@Parameter(description = "The draft's id.", example = "d-20261202-083512-4f2a")
            @PathParam("id") String id, @Parameter(description = "The file's path relative to the rules root.",
                    example = "payers/medicare/code-families.csv") @PathParam("path") String path) {
        return workbench.delete(id, path, caller());
    }

    @GET
    @Path("/drafts/{id}/diff")
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER})
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The draft against its base, as a unified diff")
    @APIResponse(responseCode = "200", description = "The diff (empty when nothing changed).", content = @Content(
            mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response diff(@Parameter(description = "The draft's id.", example = "d-20261202-083512-4f2a")
            @PathParam("id") String id) {
        return text(workbench.diff(id, caller()));
    }

    @POST
    @Path("/drafts/{id}/check")
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run every scenario against the draft, with coverage")
    @APIResponse(responseCode = "200", description = "Every scenario's outcome; accepted is what publish would decide.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CheckReport.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CheckReport check(@Parameter(description = "The draft's id.", example = "d-20261202-083512-4f2a")
            @PathParam("id") String id) {
        return workbench.check(id, caller());
    }

    @POST
    @Path("/drafts/{id}/impact")
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER})
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Claim lines the draft would add, drop or change against the rules serving, in dollars",
            description = "The body is one evaluation request (application/json) or many, one per line "
                    + "(application/x-ndjson).")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EvaluationRequest")),
            @Content(mediaType = Media.NDJSON, schema = @Schema(implementation = String.class))})
    @APIResponse(responseCode = "200", description = "The differences per request and in total.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImpactReport.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "422", ref = "RulesRejected")
    @APIResponse(responseCode = "503", ref = "RulesNotLoaded")
    public Response impact(@Parameter(description = "The draft's id.", example = "d-20261202-083512-4f2a")
            @PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           InputStream body) {
        RulesNotLoadedException.serving(rules);
        byte[] bytes = BoundedBody.read(body, maxBodyBytes, "an impact request");
        boolean lines = contentType != null && contentType.toLowerCase().contains("ndjson");
        try {
            return Response.ok(workbench.impact(id, bytes, lines, caller()), MediaType.APPLICATION_JSON).build();
        } catch (RuleProblemsException e) {
            return ProblemMappers.response(Problem.rulesRejected(e.problems().size()
                    + " problem(s) keep the draft from compiling", null, e.problems(), List.of()));
        }
    }

    @POST
    @Path("/drafts/{id}/publish")
    @RolesAllowed(Roles.APPROVER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a draft: compile, run every scenario, and serve it only if both pass",
            description = "Refused, with nothing changed, when you last edited the draft (403, four eyes), when its "
                    + "base no longer serves (409), or when it does not pass the gate (422).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublishRequest.class)))
    @APIResponse(responseCode = "200", description = "The draft serves now and is recorded in the history.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Published.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "RulesRejected")
    @APIResponse(responseCode = "503", ref = "RulesNotLoaded")
    public Response publish(@Parameter(description = "The draft's id.", example = "d-20261202-083512-4f2a")
            @PathParam("id") String id, PublishRequest request) {
        RulesNotLoadedException.serving(rules);
        if (request == null || request.message() == null || request.message().isBlank()) {
            throw new InvalidBodyException(Problem.invalidBody(List.of(new FieldError("/message",
                    "is required: say why, for the history"))));
        }
        return answer(workbench.publish(id, request.message(), caller()));
    }

    // --- history --------------------------------------------------------------------------------

    @GET
    @Path("/history")
    @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.APPROVER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every published version, newest first; it survives restarts")
    @APIResponse(responseCode = "200", description = "The versions.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = Version.class)))
    public List<Version> history() {
        return workbench.history();
    }

    @GET
    @Path("/history/{commit}/diff")
    @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.APPROVER})
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A version against the one before it, as a unified diff")
    @APIResponse(responseCode = "200", description = "The diff.", content = @Content(
            mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response versionDiff(
            @Parameter(description = "The version's history commit (at least 7 hex digits).", example = "3f9c2e1")
            @PathParam("commit") String commit) {
        return text(workbench.versionDiff(commit));
    }

    @GET
    @Path("/history/{commit}/files/{path: .+}")
    @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.APPROVER})
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A file as it was in a version")
    @APIResponse(responseCode = "200", description = "The file's text.", content = @Content(
            mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response versionFile(
            @Parameter(description = "The version's history commit (at least 7 hex digits).", example = "3f9c2e1")
            @PathParam("commit") String commit, @Parameter(description = "The file's path relative to the rules root.",
                    example = "payers/medicare/code-families.csv") @PathParam("path") String path) {
        return text(workbench.versionFile(commit, path));
    }

    @POST
    @Path("/rollback")
    @RolesAllowed(Roles.APPROVER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Serve an earlier published version again, through the same gate, recorded in the history")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RollbackRequest.class)))
    @APIResponse(responseCode = "200", description = "That version serves again.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Published.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "RulesRejected")
    @APIResponse(responseCode = "503", ref = "RulesNotLoaded")
    public Response rollback(RollbackRequest request) {
        RulesNotLoadedException.serving(rules);
        String target = request == null ? null
                : request.rulesVersion() != null ? request.rulesVersion() : request.commit();
        if (target == null || target.isBlank()) {
            throw new InvalidBodyException(Problem.invalidBody(List.of(new FieldError("/rulesVersion",
                    "is required (or commit): the version to serve again"))));
        }
        return answer(workbench.rollback(target, request.message(), caller()));
    }

    private Response answer(ReloadOutcome outcome) {
        if (!outcome.loaded()) {
            return RulesResource.rejected(outcome);
        }
        return Response.ok(new Published(outcome.rulesVersion(), outcome.previousVersion(), outcome.commit(),
                outcome.scenariosPassed()), MediaType.APPLICATION_JSON).build();
    }

    /** The body's declared charset; UTF-8 when none is declared (or one Java does not know). */
    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private Caller caller() {
        return new Caller(identity.getPrincipal().getName(), identity.hasRole(Roles.APPROVER));
    }

    private static Response text(String text) {
        return Response.ok(text, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
    }
}
