package care.billing.engine;

/** The rules kept firing past the configured limit: a rule file loops. */
public class RuleLoopException extends RuntimeException {

    public RuleLoopException(int maxFirings) {
        super("the rules fired " + maxFirings + " times without settling; a rule probably re-triggers itself "
                + "(billing.engine.max-firings)");
    }
}
