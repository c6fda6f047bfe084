package care.billing.evaluation.batch;

import care.billing.evaluation.Evaluation;
import care.billing.evaluation.Problem;

/**
 * One line's result, in input order: the bytes written for it (one JSON value, UTF-8, without the
 * newline), and either the evaluation or the problem it holds.
 *
 * @param requestId  the line's requestId, when it could be read
 * @param evaluation what the rules produced; null for a rejected line
 * @param problem    why the line was not evaluated; null for an evaluated line
 * @param inputEnd   how far into the input the line ends, in bytes (for progress)
 */
public record LineResult(long line, String requestId, Evaluation evaluation, Problem problem, byte[] json, long inputEnd) {

    public boolean evaluated() {
        return evaluation != null;
    }
}
