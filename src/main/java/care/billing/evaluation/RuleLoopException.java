package care.billing.evaluation;

/** The rules kept firing past the configured limits: a rule file loops. The message names the rule. */
public class RuleLoopException extends RuntimeException {

    public RuleLoopException(String message) {
        super(message);
    }
}
