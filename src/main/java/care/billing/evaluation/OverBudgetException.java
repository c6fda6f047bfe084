package care.billing.evaluation;

/**
 * An evaluation given a budget below the configured limits ({@link Evaluator#withinBudget}) went past
 * it. Nothing is wrong with the rules as far as this says: the caller evaluates again with the full
 * limits, somewhere that may wait. Carries no stack trace; it is expected and cheap.
 */
public final class OverBudgetException extends RuntimeException {

    OverBudgetException(String message) {
        super(message, null, false, false);
    }
}
