package care.billing.scenarios;

import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleFiles;
import care.billing.ruleset.RuleProblem;
import org.kie.api.event.rule.AgendaEventListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** Every scenario of a rules directory, run against one rules snapshot. */
public final class ScenarioSuite {

    /**
     * @param evidence what the rules lack to be accepted ({@link Evidence}): rule set folders without
     *                 scenarios, rules no scenario fired; empty when not checked
     */
    public record Outcome(List<ScenarioResult> results, List<RuleProblem> unreadable, List<RuleProblem> evidence) {

        public Outcome {
            results = List.copyOf(results);
            unreadable = List.copyOf(unreadable);
            evidence = List.copyOf(evidence);
        }

        public Outcome(List<ScenarioResult> results, List<RuleProblem> unreadable) {
            this(results, unreadable, List.of());
        }

        /** Every scenario passed and the rules carry the evidence a gate demands. */
        public boolean accepted() {
            return allPassed() && evidence.isEmpty() && !results.isEmpty();
        }

        public long passed() {
            return results.stream().filter(ScenarioResult::passed).count();
        }

        public long failed() {
            return results.size() - passed() + unreadable.size();
        }

        public boolean allPassed() {
            return failed() == 0;
        }
    }

    private final ScenarioRunner runner;
    private final BatchIsolation isolation;

    /** @param chunkSize requests a month-end batch evaluates in one session (billing.batch.chunk-size) */
    public ScenarioSuite(ScenarioRunner runner, int chunkSize) {
        this.runner = runner;
        this.isolation = new BatchIsolation(runner.evaluator(), chunkSize);
    }

    /** Reads the scenario files under {@code rulesDir}; unreadable files are reported, not skipped silently. */
    public static List<Scenario> load(Path rulesDir, List<RuleProblem> unreadable) throws IOException {
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : ScenarioFiles.find(rulesDir)) {
            Scenario scenario = ScenarioFiles.read(rulesDir, file, unreadable);
            if (scenario != null) {
                scenarios.add(scenario);
            }
        }
        return scenarios;
    }

    /**
     * Runs every scenario of {@code rulesDir} against {@code rules}.
     *
     * @param listener sees every rule firing (coverage); may be null
     * @param progress called with the number of scenarios done so far
     */
    public Outcome run(LoadedRules rules, Path rulesDir, AgendaEventListener listener, IntConsumer progress)
            throws IOException {
        List<RuleProblem> unreadable = new ArrayList<>();
        List<Scenario> scenarios = load(rulesDir, unreadable);
        return run(rules, scenarios, unreadable, listener, progress);
    }

    public Outcome run(LoadedRules rules, List<Scenario> scenarios, List<RuleProblem> unreadable,
                       AgendaEventListener listener, IntConsumer progress) {
        return outcome(runAll(rules, scenarios, listener, progress), unreadable);
    }

    /** Every scenario in order, stopping after one whose rules did not settle. */
    private List<ScenarioRunner.Ran> runAll(LoadedRules rules, List<Scenario> scenarios, AgendaEventListener listener,
                                            IntConsumer progress) {
        List<ScenarioRunner.Ran> runs = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            ScenarioRunner.Ran ran = runner.ran(rules, scenario, listener);
            runs.add(ran);
            progress.accept(runs.size());
            if (ran.result().rulesLoop()) {
                break;
            }
        }
        return runs;
    }

    private static Outcome outcome(List<ScenarioRunner.Ran> runs, List<RuleProblem> unreadable) {
        return new Outcome(runs.stream().map(ScenarioRunner.Ran::result).toList(), List.copyOf(unreadable));
    }

    /**
     * The gate of {@code check}, reload and publish: every scenario of the rules directory, run with
     * {@code fired} recording the rules they fire, and then the {@link Evidence} check and the
     * {@link BatchIsolation} check (unless a runaway rule cut the run short, which leaves coverage
     * unknown).
     */
    public Outcome gate(LoadedRules rules, RuleFiles files, RuleCoverage fired, IntConsumer progress)
            throws IOException {
        List<RuleProblem> unreadable = new ArrayList<>();
        List<Scenario> scenarios = load(files.directory(), unreadable);
        return gate(rules, files, scenarios, unreadable, fired, progress);
    }

    /** The same over scenarios already read. */
    public Outcome gate(LoadedRules rules, RuleFiles files, List<Scenario> scenarios, List<RuleProblem> unreadable,
                        RuleCoverage fired, IntConsumer progress) {
        List<ScenarioRunner.Ran> runs = runAll(rules, scenarios, fired, progress);
        Outcome run = outcome(runs, unreadable);
        boolean cutShort = run.results().stream().anyMatch(ScenarioResult::rulesLoop);
        List<RuleProblem> evidence = new ArrayList<>();
        if (!cutShort) {
            evidence.addAll(Evidence.check(files, rules.kieBase(), scenarios, fired));
            evidence.addAll(isolation.check(files, rules, runs));
        }
        return new Outcome(run.results(), run.unreadable(), evidence);
    }

    /** The first scenario that fails against {@code rules}, stopping there. */
    public java.util.Optional<ScenarioResult> firstFailure(LoadedRules rules, List<Scenario> scenarios) {
        for (Scenario scenario : scenarios) {
            ScenarioResult result = runner.run(rules, scenario);
            if (!result.passed()) {
                return java.util.Optional.of(result);
            }
        }
        return java.util.Optional.empty();
    }
}
