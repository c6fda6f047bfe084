package care.billing.evaluation;

import care.billing.model.ClaimLine;
import care.billing.model.Finding;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The body of a successful evaluation (api.md); {@code requestId} comes first, and only when the request sent one. */
@JsonPropertyOrder({"requestId", "month", "rulesVersion", "claimLines", "findings", "totals", "explanations"})
@Schema(name = "EvaluationResponse", description = "What the rules produced for one service month. The same request and "
        + "the same rulesVersion give byte-identical output.")
public record EvaluationResponse(
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The request's requestId, echoed as the first field; absent when the request sent none.",
                maxLength = 128, examples = "claim-run-2026-03/000017")
        String requestId,
        @Schema(description = "The service month evaluated, as YYYY-MM.", pattern = "^\\d{4}-\\d{2}$", examples = "2026-03")
        String month,
        @Schema(description = "The version of the rules that produced this result: sha256 of every rule file's path and "
                + "content.", pattern = "^sha256:[0-9a-f]{64}$",
                examples = "sha256:ed49e55907130f785bad5fbf557fc00c58af1258abddc95215362c1fbdb4b9e5")
        String rulesVersion,
        @Schema(description = "The billable codes, sorted by patientId, billingProviderId, then primary code before add-on.")
        List<ClaimLine> claimLines,
        @Schema(description = "Why entries did not count, why codes were not billed, and how many minutes reach the next "
                + "code, sorted by patientId, billingProviderId, entryId, code.")
        List<Finding> findings,
        @Schema(description = "Totals over the claim lines.")
        Totals totals,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only with ?explain=true: per patient id, every rule that fired for that patient, in firing "
                + "order, as \"package: rule name\".")
        Map<String, List<String>> explanations) {

    @Schema(name = "Totals", description = "Totals over the claim lines of the result.")
    public record Totals(
            @Schema(description = "Number of claim lines.", minimum = "0", examples = "1")
            int claimLines,
            @Schema(description = "Sum of the lines' estimatedAmount in US dollars; null when there are lines but none "
                    + "carries an estimate (a payer without a fee table); 0.00 without lines.", nullable = true,
                    examples = "66.13")
            BigDecimal estimatedAmount) {
    }

    /**
     * @param requestId    the request's requestId, or null
     * @param explanations the rules fired per patient, in order; null when not asked for
     */
    public static EvaluationResponse of(String requestId, Evaluation evaluation, Map<String, List<String>> explanations) {
        return new EvaluationResponse(requestId, evaluation.month(), evaluation.rulesVersion(), evaluation.claimLines(),
                evaluation.findings(), new Totals(evaluation.claimLines().size(), evaluation.estimatedAmount()),
                explanations);
    }
}
