package care.billing.governance;

import care.billing.evaluation.FieldError;
import care.billing.model.ClaimLine;
import care.billing.ruleset.RuleProblem;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the workbench answers (docs/workbench.md), one record per shape. */
public final class WorkbenchViews {

    private WorkbenchViews() {
    }

    /** Who is asking, and whether they may see every draft and publish. */
    public record Caller(String name, boolean approver) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Draft", description = "A private copy of the rules, made from the version serving at the time.")
    public record DraftView(
            @Schema(description = "The draft's id.", examples = "d-20261202-083512-4f2a") String id,
            @Schema(description = "The rules version it was made from.", pattern = "^sha256:[0-9a-f]{64}$") String baseVersion,
            @Schema(description = "Who made it; only they edit it.", examples = "editor") String owner,
            @Schema(description = "Who saved it last (four eyes: they may not publish it).", examples = "editor")
            String lastEditor,
            @Schema(description = "When it was made.") Instant created,
            @Schema(description = "When it was last saved.") Instant updated,
            @Schema(description = "true once its base no longer serves: publishing it would be refused (409).")
            boolean stale,
            @Schema(description = "The files it changes against its base.") List<FileChange> changes,
            @Schema(description = "Every file in it, sorted; only when one draft is asked for.") List<String> files) {
    }

    @Schema(name = "DraftSaved", description = "A file was saved (or deleted) in a draft; the draft's compile problems now.")
    public record Saved(
            @Schema(description = "The version the draft's rules would have.", pattern = "^sha256:[0-9a-f]{64}$")
            String rulesVersion,
            @Schema(description = "Every compile problem of the draft by file, line and column; empty when it compiles.")
            List<RuleProblem> problems) {
    }

    @Schema(name = "CheckReport", description = "Every scenario run against a draft, with coverage.")
    public record CheckReport(
            @Schema(description = "The version the draft's rules would have.") String rulesVersion,
            @Schema(description = "What publish would decide: it compiles, every scenario passes, the evidence holds.")
            boolean accepted,
            @Schema(description = "Scenarios that passed.") long passed,
            @Schema(description = "Scenarios that failed.") long failed,
            @Schema(description = "Compile problems (then no scenario runs) and unreadable scenario files.")
            List<RuleProblem> problems,
            @Schema(description = "Evidence problems: a rule set without scenarios, a rule no scenario fires.")
            List<RuleProblem> evidence,
            @Schema(description = "Every scenario's outcome.") List<ScenarioOutcome> results,
            @Schema(description = "Which rules the scenarios fired; absent when the draft does not compile.")
            CheckCoverage coverage) {
    }

    @Schema(name = "ScenarioOutcome", description = "One scenario's outcome, expected beside actual.")
    public record ScenarioOutcome(
            @Schema(description = "The scenario file.") String file,
            @Schema(description = "What it describes.") String description,
            @Schema(description = "true when the actual lines and findings are the expected ones.") boolean passed,
            @Schema(description = "Why it could not run, if it could not.") String error,
            @Schema(description = "Expected claim lines, one text each.") List<String> expectedLines,
            @Schema(description = "Actual claim lines.") List<String> actualLines,
            @Schema(description = "Expected findings.") List<String> expectedFindings,
            @Schema(description = "Actual findings.") List<String> actualFindings) {
    }

    @Schema(name = "CheckCoverage", description = "Which rules the scenarios fired.")
    public record CheckCoverage(
            @Schema(description = "Rules in the draft.") int rules,
            @Schema(description = "Rules at least one scenario fired.") int fired,
            @Schema(description = "Rules no scenario fired.") List<String> unfired,
            @Schema(description = "Rules marked @dormant (allowed to stay unfired).") List<String> dormant) {
    }

    @Schema(name = "ImpactReport", description = "How a draft would bill requests, against the rules serving.")
    public record ImpactReport(
            @Schema(description = "The version serving now.") String servingVersion,
            @Schema(description = "The version the draft's rules would have.") String draftVersion,
            @Schema(description = "One entry per request read.") List<RequestImpact> requests,
            @Schema(description = "Lines that are not valid requests; the others still count.") List<LineProblem> problems,
            @Schema(description = "Total estimated amount under the draft minus under the rules serving, in US dollars.")
            BigDecimal estimatedAmountDifference) {
    }

    @Schema(name = "RequestImpact", description = "One request's claim lines under the draft against the rules serving.")
    public record RequestImpact(
            @Schema(description = "Line of the request in the body, from 1.") int line,
            @Schema(description = "The request's requestId, if it has one.") String requestId,
            @Schema(description = "Lines only the draft produces.") List<ClaimLine> appeared,
            @Schema(description = "Lines only the rules serving produce.") List<ClaimLine> disappeared,
            @Schema(description = "Lines both produce, differing.") List<Impact.Change> changed,
            @Schema(description = "Estimated amount under the draft minus under the rules serving.")
            BigDecimal estimatedAmountDifference) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ImpactLineProblem", description = "A line of the impact body that is not a valid request.")
    public record LineProblem(
            @Schema(description = "Line in the body, from 1.") int line,
            @Schema(description = "Its requestId, when it could be read.") String requestId,
            @Schema(description = "What is wrong.") String detail,
            @Schema(description = "Every invalid field.") List<FieldError> errors) {
    }

    @Schema(name = "Published", description = "The new version serves.")
    public record Published(
            @Schema(description = "The version serving now.", pattern = "^sha256:[0-9a-f]{64}$") String rulesVersion,
            @Schema(description = "The version that served before.", pattern = "^sha256:[0-9a-f]{64}$")
            String previousVersion,
            @Schema(description = "The history's commit of the version serving now.") String commit,
            @Schema(description = "Scenarios the version passed (all of them).") int scenariosPassed) {
    }
}
