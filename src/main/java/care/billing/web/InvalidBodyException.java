package care.billing.web;

import care.billing.evaluation.Problem;

/** A body that is not what its endpoint takes (400); the problem names the field. */
final class InvalidBodyException extends RuntimeException {

    private final transient Problem problem;

    InvalidBodyException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
