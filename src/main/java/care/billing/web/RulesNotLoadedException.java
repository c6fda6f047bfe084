package care.billing.web;

import care.billing.governance.RulesService;
import care.billing.ruleset.LoadedRules;

/** No rules are serving (503): they did not load at startup, and no reload has succeeded since. */
final class RulesNotLoadedException extends RuntimeException {

    RulesNotLoadedException() {
        super("rules are not loaded");
    }

    /** The snapshot serving now. */
    static LoadedRules serving(RulesService rules) {
        return rules.current().orElseThrow(RulesNotLoadedException::new);
    }
}
