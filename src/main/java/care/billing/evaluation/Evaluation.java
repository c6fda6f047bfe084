package care.billing.evaluation;

import care.billing.model.ClaimLine;
import care.billing.model.Finding;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the rules produced for one service month, with the rules version that produced it; sorted
 * (claim lines, then findings, in a stable order) except inside {@link ChunkEvaluator}, which sorts
 * per request.
 */
public record Evaluation(String month, String rulesVersion, List<ClaimLine> claimLines, List<Finding> findings) {

    public Evaluation {
        claimLines = List.copyOf(claimLines);
        findings = List.copyOf(findings);
    }

    /** Sum of the lines' estimates; null when lines exist but none carries an estimate. */
    public BigDecimal estimatedAmount() {
        List<BigDecimal> amounts = claimLines.stream().map(ClaimLine::estimatedAmount).filter(Objects::nonNull).toList();
        if (amounts.isEmpty() && !claimLines.isEmpty()) {
            return null;
        }
        return amounts.stream().reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
}
