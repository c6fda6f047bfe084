package care.billing.governance;

import care.billing.ruleset.RuleProblem;
import care.billing.scenarios.ScenarioResult;

import java.util.List;

/**
 * The answer to a reload: loaded (the new version now serves) or rejected with the compile
 * problems or the failing scenarios, while the previous version keeps serving. {@code commit} is
 * the history's record of the version serving after the step.
 */
public record ReloadOutcome(
        boolean loaded,
        String rulesVersion,
        String previousVersion,
        String commit,
        int scenariosPassed,
        List<RuleProblem> problems,
        List<ScenarioResult> failedScenarios) {
}
