package care.billing.api;

import care.billing.engine.Evaluation;
import care.billing.model.ClaimLine;
import care.billing.model.Finding;

import java.math.BigDecimal;
import java.util.List;

/** The body of a successful evaluation (api.md). */
public record EvaluationResponse(
        String month,
        String rulesVersion,
        List<ClaimLine> claimLines,
        List<Finding> findings,
        Totals totals) {

    public record Totals(int claimLines, BigDecimal estimatedAmount) {
    }

    public static EvaluationResponse of(Evaluation evaluation) {
        return new EvaluationResponse(evaluation.month(), evaluation.rulesVersion(), evaluation.claimLines(),
                evaluation.findings(), new Totals(evaluation.claimLines().size(), evaluation.estimatedAmount()));
    }
}
