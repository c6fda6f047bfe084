package care.billing.ruleset;

import java.util.List;

/** The rules directory could not be loaded; the problems say where and why. */
public class RuleProblemsException extends Exception {

    private final List<RuleProblem> problems;

    public RuleProblemsException(List<RuleProblem> problems) {
        super(problems.size() + " problem(s) in the rules: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
