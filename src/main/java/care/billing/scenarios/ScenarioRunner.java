package care.billing.scenarios;

import care.billing.evaluation.Evaluation;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.Evaluator;
import care.billing.evaluation.InvalidRequestException;
import care.billing.evaluation.RequestReader;
import care.billing.evaluation.RuleLoopException;
import care.billing.model.ClaimLine;
import care.billing.model.Finding;
import care.billing.ruleset.LoadedRules;
import care.billing.scenarios.Scenario.ExpectedLine;
import org.kie.api.event.rule.AgendaEventListener;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Runs scenarios against a rules snapshot through the same request validation as the REST API and
 * compares the exact claim lines (in response order) and the finding codes (sorted).
 */
public final class ScenarioRunner {

    private final RequestReader reader;
    private final Evaluator evaluator;

    public ScenarioRunner(RequestReader reader, Evaluator evaluator) {
        this.reader = reader;
        this.evaluator = evaluator;
    }

    Evaluator evaluator() {
        return evaluator;
    }

    public ScenarioResult run(LoadedRules rules, Scenario scenario) {
        return run(rules, scenario, null);
    }

    public ScenarioResult run(LoadedRules rules, Scenario scenario, AgendaEventListener listener) {
        return ran(rules, scenario, listener).result();
    }

    /**
     * A scenario run with what it was run on: its request as read and what the rules made of it, both null
     * when the request is invalid or the evaluation failed.
     */
    record Ran(ScenarioResult result, EvaluationInput input, Evaluation evaluation) {

        Scenario scenario() {
            return result.scenario();
        }
    }

    Ran ran(LoadedRules rules, Scenario scenario, AgendaEventListener listener) {
        EvaluationInput input;
        Evaluation evaluation;
        try {
            input = reader.read(scenario.request(), rules.tables().vocabulary());
            evaluation = evaluator.evaluate(rules, input, listener);
        } catch (InvalidRequestException e) {
            return new Ran(ScenarioResult.error(scenario, "the scenario's request is invalid: " + e.errors()), null, null);
        } catch (RuleLoopException e) {
            return new Ran(ScenarioResult.loop(scenario, "evaluation stopped: " + e.getMessage()), null, null);
        } catch (RuntimeException e) {
            return new Ran(ScenarioResult.error(scenario, "evaluation failed: " + e.getMessage()), null, null);
        }
        return new Ran(compare(scenario, evaluation), input, evaluation);
    }

    private static ScenarioResult compare(Scenario scenario, Evaluation evaluation) {
        List<ExpectedLine> expectedLines = scenario.expect().claimLines();
        List<String> expected = expectedLines.stream().map(ScenarioRunner::render).toList();
        List<ClaimLine> lines = evaluation.claimLines();
        List<String> actual = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            boolean withAmount = i < expectedLines.size() && expectedLines.get(i).amountGiven();
            actual.add(render(lines.get(i), withAmount));
        }
        List<String> expectedFindings = scenario.expect().findings().stream().sorted().toList();
        List<String> actualFindings = evaluation.findings().stream().map(Finding::code).sorted().toList();
        boolean passed = expected.equals(actual) && expectedFindings.equals(actualFindings);
        return new ScenarioResult(scenario, passed, null, expected, List.copyOf(actual), expectedFindings, actualFindings,
                false);
    }

    static String render(ExpectedLine line) {
        return render(line.patientId(), line.billingProviderId(), line.code(), line.units(), line.minutes(),
                line.dateOfService(), line.amountGiven(), line.amount());
    }

    static String render(ClaimLine line, boolean withAmount) {
        return render(line.patientId(), line.billingProviderId(), line.code(), line.units(), line.minutes(),
                Objects.toString(line.dateOfService(), null), withAmount, line.estimatedAmount());
    }

    private static String render(String patient, String provider, String code, int units, int minutes,
                                 String dateOfService, boolean withAmount, BigDecimal amount) {
        return patient + " " + (provider == null ? "-" : provider) + " " + code + " x" + units + " " + minutes + "min "
                + dateOfService + (!withAmount ? "" : amount == null ? " no estimate"
                : " $" + amount.setScale(2, java.math.RoundingMode.HALF_UP));
    }
}
