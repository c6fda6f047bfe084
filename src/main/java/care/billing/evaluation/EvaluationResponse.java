package care.billing.evaluation;

import care.billing.model.ClaimLine;
import care.billing.model.Finding;

import java.math.BigDecimal;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** The body of a successful evaluation (api.md). */
public record EvaluationResponse(
        String month,
        String rulesVersion,
        List<ClaimLine> claimLines,
        List<Finding> findings,
        Totals totals,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, List<String>> explanations) {

    public record Totals(int claimLines, BigDecimal estimatedAmount) {
    }

    /** @param explanations the rules fired per patient, in order; null when not asked for */
    public static EvaluationResponse of(Evaluation evaluation, Map<String, List<String>> explanations) {
        return new EvaluationResponse(evaluation.month(), evaluation.rulesVersion(), evaluation.claimLines(),
                evaluation.findings(), new Totals(evaluation.claimLines().size(), evaluation.estimatedAmount()),
                explanations);
    }
}
