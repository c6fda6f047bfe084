package care.billing.evaluation.batch;

/** What a batch did: lines answered, of them evaluated and rejected, and the claim lines of the evaluated ones. */
public record BatchStats(long lines, long evaluated, long rejected, long claimLines) {

    static final BatchStats NONE = new BatchStats(0, 0, 0, 0);

    BatchStats plus(LineResult result) {
        return result.evaluated()
                ? new BatchStats(lines + 1, evaluated + 1, rejected, claimLines + result.evaluation().claimLines().size())
                : new BatchStats(lines + 1, evaluated, rejected + 1, claimLines);
    }
}
