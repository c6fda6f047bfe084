package care.billing.evaluation;

import care.billing.ruleset.RuleProblem;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Every error body the service answers, on its own ({@code application/problem+json}) or as the line
 * of a batch result: an RFC 9457 problem detail whose {@code errors} name each offending field by
 * JSON pointer, in the caller's words.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"requestId", "type", "title", "status", "detail", "line", "errors", "rulesVersion", "problems",
        "failedScenarios"})
@Schema(name = "Problem", description = "An RFC 9457 problem detail (application/problem+json). Every error answer has "
        + "this shape, and so does the line of a batch result whose request was not evaluated.")
public record Problem(
        @Schema(description = "The requestId of the request, echoed when the request could be read that far.",
                maxLength = 128, examples = "claim-run-2026-03/000017")
        String requestId,
        @Schema(description = "What kind of problem: a path under /problems/ for the service's own problems "
                + "(invalid-request, invalid-body, request-too-large, rules-loop, rules-not-loaded, rules-rejected, internal), about:blank for a plain "
                + "HTTP refusal (401, 403, 404, 405, 406, 415) whose title is the HTTP reason phrase.",
                examples = "/problems/invalid-request")
        String type,
        @Schema(description = "A short summary of the kind of problem; the same for every occurrence of a type.",
                examples = "Invalid evaluation request")
        String title,
        @Schema(description = "The HTTP status code of this problem (also on a batch line, where the HTTP status is 200).",
                minimum = "400", maximum = "599", examples = "400")
        int status,
        @Schema(description = "What went wrong in this occurrence, in words; on a batch line it starts with the line number.",
                examples = "1 field(s) are invalid; nothing was evaluated")
        String detail,
        @Schema(description = "Batch results only: the number of the input line (1 for the first line, blank lines counted).",
                minimum = "1", examples = "17")
        Long line,
        @Schema(description = "400 only: every offending field or parameter, sorted by pointer.")
        List<FieldError> errors,
        @Schema(description = "422 from the rules administration: the version of the rules refused, when they compiled.",
                pattern = "^sha256:[0-9a-f]{64}$")
        String rulesVersion,
        @Schema(description = "422 from the rules administration: what keeps the rules from compiling, by file, line "
                + "and column.")
        List<RuleProblem> problems,
        @Schema(description = "422 from the rules administration: the scenarios the refused rules fail.")
        List<ScenarioFailure> failedScenarios) {

    /** A scenario the refused rules fail: its file, what it proves, and expected against actual. */
    @Schema(name = "ScenarioFailure", description = "A scenario that failed against refused rules.")
    public record ScenarioFailure(
            @Schema(description = "The scenario file, relative to the rules directory.",
                    examples = "payers/medicare/scenarios/staff-99490-at-20-minutes.yaml")
            String file,
            @Schema(description = "What the scenario checks, from its description.",
                    examples = "20 minutes of clinical staff time bill 99490")
            String description,
            @Schema(description = "Why it failed: the error, or expected and actual claim lines and finding codes side "
                    + "by side.")
            String report) {
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A request rejected whole: every offending field is named and nothing was evaluated. */
    public static Problem invalid(String requestId, List<FieldError> errors) {
        return new Problem(requestId, "/problems/invalid-request", "Invalid evaluation request", 400,
                errors.size() + " field(s) are invalid; nothing was evaluated", null, errors, null, null, null);
    }

    /** A body other than an evaluation request that is not what its endpoint takes. */
    public static Problem invalidBody(List<FieldError> errors) {
        return new Problem(null, "/problems/invalid-body", "Invalid request body", 400,
                errors.size() + " field(s) are invalid; nothing was done", null, errors, null, null, null);
    }

    /** A request over a size or count limit; {@code detail} names the limit and its setting. */
    public static Problem tooLarge(String requestId, String detail) {
        return of(requestId, "/problems/request-too-large", "Request too large", 413, detail);
    }

    /** The rules kept firing past the limits; {@code detail} names the rule that loops. */
    public static Problem rulesLoop(String requestId, String detail) {
        return of(requestId, "/problems/rules-loop", "The rules did not settle", 500, detail);
    }

    /** An unexpected failure: the cause is logged, never answered. */
    public static Problem internal(String requestId) {
        return of(requestId, "/problems/internal", "Internal error", 500,
                "The service failed unexpectedly; the error is logged");
    }

    /** No rules are serving: nothing can be evaluated until they load. */
    public static Problem rulesNotLoaded() {
        return of(null, "/problems/rules-not-loaded", "Rules not loaded", 503,
                "no rules are loaded; the log names the file, line and column that keep them from loading");
    }

    /** A plain HTTP refusal (401, 403, 404, 405, 406, 415): type about:blank, title the reason phrase. */
    public static Problem http(int status, String reasonPhrase, String detail) {
        return of(null, "about:blank", reasonPhrase, status, detail);
    }

    /** A workbench step refused before anything changed (404, 403 four eyes, 409 stale draft). */
    public static Problem refused(int status, String type, String title, String detail) {
        return of(null, type, title, status, detail);
    }

    /**
     * Rules refused by the gate (compile problems or failing scenarios); the rules serving did not change.
     *
     * @param rulesVersion the version refused, when the rules compiled
     */
    public static Problem rulesRejected(String detail, String rulesVersion, List<RuleProblem> problems,
                                        List<ScenarioFailure> failedScenarios) {
        return new Problem(null, "/problems/rules-rejected", "Rules refused", 422, detail, null, null, rulesVersion,
                problems.isEmpty() ? null : List.copyOf(problems),
                failedScenarios.isEmpty() ? null : List.copyOf(failedScenarios));
    }

    private static Problem of(String requestId, String type, String title, int status, String detail) {
        return new Problem(requestId, type, title, status, detail, null, null, null, null, null);
    }

    /** A problem of a batch: the same problem, numbered with the input line it answers. */
    public Problem atLine(long number) {
        return new Problem(requestId, type, title, status, "line " + number + ": " + detail, number, errors,
                rulesVersion, problems, failedScenarios);
    }
}
